#include "banking/TaxId.h"

#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>

using namespace platnik::banking;

BOOST_AUTO_TEST_SUITE(TaxIdTests)

BOOST_AUTO_TEST_CASE(published_tax_ids_check) {
  // PIBs printed on the invoices of NIS, EPS, Telekom Srbija and the Tax Administration's
  // own example.
  for (const char* pib : {"104052135", "103920327", "100002887", "101670560", "100000024"}) {
    BOOST_TEST_INFO(pib);
    const auto taxId = TaxId::parse(pib);
    BOOST_TEST_REQUIRE(taxId.has_value());
    BOOST_TEST(taxId.value().digits() == pib);
  }
}

BOOST_AUTO_TEST_CASE(spaces_around_are_ignored) {
  const auto taxId = TaxId::parse("  104052135 ");
  BOOST_TEST_REQUIRE(taxId.has_value());
  BOOST_TEST(taxId.value().digits() == "104052135");
}

BOOST_AUTO_TEST_CASE(every_wrong_control_digit_is_refused_naming_the_right_one) {
  for (char digit = '0'; digit <= '9'; ++digit) {
    const std::string pib = std::string("10405213") + digit;
    const auto taxId = TaxId::parse(pib);
    BOOST_TEST_INFO(pib);
    if (digit == '5') {
      BOOST_TEST(taxId.has_value());
      continue;
    }
    BOOST_TEST_REQUIRE(taxId.has_error());
    BOOST_TEST((taxId.error().code == Errc::WrongControlDigits));
    BOOST_TEST(taxId.error().where == "PIB");
    BOOST_TEST(taxId.error().message.find("should be 5") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_swap_of_neighbouring_digits_is_caught) {
  // MOD 11,10 catches every transposition of adjacent different digits.
  const std::string pib = "104052135";
  for (std::size_t i = 0; i + 1 < 8; ++i) {
    if (pib[i] == pib[i + 1]) {
      continue;
    }
    std::string swapped = pib;
    std::swap(swapped[i], swapped[i + 1]);
    BOOST_TEST_INFO(swapped);
    BOOST_TEST(TaxId::parse(swapped).has_error());
  }
}

BOOST_AUTO_TEST_CASE(wrong_shapes_are_invalid_arguments) {
  for (const char* text : {"", "   ", "10405213", "1040521350", "10405213a", "104-052-135"}) {
    BOOST_TEST_INFO(text);
    const auto taxId = TaxId::parse(text);
    BOOST_TEST_REQUIRE(taxId.has_error());
    BOOST_TEST((taxId.error().code == Errc::InvalidArgument));
    BOOST_TEST(taxId.error().where == "PIB");
  }
}

BOOST_AUTO_TEST_CASE(control_digit_for_needs_eight_digits) {
  BOOST_TEST(TaxId::controlDigitFor("10405213") == 5);
  BOOST_CHECK_THROW(TaxId::controlDigitFor("1040521"), std::invalid_argument);
  BOOST_CHECK_THROW(TaxId::controlDigitFor("1040521x"), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
