#include "banking/PaymentCode.h"

#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

using namespace platnik::banking;

BOOST_AUTO_TEST_SUITE(PaymentCodeTests)

BOOST_AUTO_TEST_CASE(typical_codes_parse_with_their_description) {
  const PaymentCode goods = PaymentCode::parse("221").value();
  BOOST_TEST(goods.code() == "221");
  BOOST_TEST(goods.form() == '2');
  BOOST_TEST(goods.basis() == "21");
  BOOST_TEST(goods.description() == "Promet robe i usluga – finalna potrošnja");
  BOOST_TEST(PaymentCode::parse("240").value().description().find("Zarade") == 0u);
  BOOST_TEST(PaymentCode::parse("253").has_value());
  BOOST_TEST(PaymentCode::parse("254").has_value());
  BOOST_TEST(PaymentCode::parse("289").has_value());
  BOOST_TEST(PaymentCode::parse("290").value().description() == "Druge transakcije");
  BOOST_TEST(PaymentCode::parse("189").has_value());  // cash, on a real Telekom bill
  BOOST_TEST(PaymentCode::parse("321").has_value());  // netting
  BOOST_TEST(PaymentCode::parse("957").has_value());  // re-booking
}

BOOST_AUTO_TEST_CASE(the_basis_list_is_the_nbs_list) {
  const std::set<std::string> expected{
      "20", "21", "22", "23", "24", "25", "26", "27", "28", "31", "40", "41", "42", "44", "45", "46", "47",
      "48", "49", "53", "54", "57", "58", "60", "61", "62", "63", "64", "65", "66", "70", "71", "72", "73",
      "75", "76", "77", "78", "79", "80", "81", "82", "83", "84", "85", "86", "87", "88", "89", "90"};
  std::set<std::string> listed;
  for (const auto& basis : PaymentCode::bases()) {
    BOOST_TEST(!basis.description.empty());
    listed.emplace(basis.code);
  }
  BOOST_TEST(listed.size() == PaymentCode::bases().size());  // no duplicates
  BOOST_TEST((listed == expected));
  BOOST_TEST(PaymentCode::findBasis("46").has_value());
  BOOST_TEST(!PaymentCode::findBasis("43").has_value());
  BOOST_TEST(!PaymentCode::findBasis("2").has_value());
}

BOOST_AUTO_TEST_CASE(every_form_with_every_basis_parses) {
  for (char form : {'1', '2', '3', '9'}) {
    for (const auto& basis : PaymentCode::bases()) {
      const std::string code = std::string(1, form) + std::string(basis.code);
      BOOST_TEST_INFO("code " << code);
      BOOST_TEST(PaymentCode::parse(code).has_value());
    }
  }
}

BOOST_AUTO_TEST_CASE(errors_say_whether_the_form_or_the_basis_is_wrong) {
  for (const char* form : {"021", "421", "521", "621", "721", "821"}) {
    BOOST_TEST_INFO("code " << form);
    const auto code = PaymentCode::parse(form);
    BOOST_TEST_REQUIRE(code.has_error());
    BOOST_TEST(code.error().message.find("form") != std::string::npos);
  }
  for (const char* basis : {"200", "219", "230", "243", "250", "299", "274"}) {
    BOOST_TEST_INFO("code " << basis);
    const auto code = PaymentCode::parse(basis);
    BOOST_TEST_REQUIRE(code.has_error());
    BOOST_TEST(code.error().message.find("basis") != std::string::npos);
  }
  for (const char* shape : {"", "22", "2210", "22a", " 221", "2 1"}) {
    BOOST_TEST_INFO("code '" << shape << "'");
    const auto code = PaymentCode::parse(shape);
    BOOST_TEST_REQUIRE(code.has_error());
    BOOST_TEST(code.error().message.find("three digits") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()
