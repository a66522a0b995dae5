#include "banking/Reference.h"

#include <boost/test/unit_test.hpp>

#include <cctype>
#include <random>
#include <string>

using namespace platnik::banking;

BOOST_AUTO_TEST_SUITE(ReferenceTests)

BOOST_AUTO_TEST_CASE(published_model_97_references_check) {
  // serbia-domain.md §3.2: ArtBIT tests, real bills, the NBS example, real statements.
  for (const char* number : {"20-12345", "28-12345a", "2812345A", "47-21750940-2204", "08 2240113797893",
                             "082240113797893", "163220000111111111000", "14123412", "77 01810151613321315",
                             "74 01810151613311131", "94 10010151613311111", "48 01010151613311111", "44 018",
                             "26 220201201423157", "79 220201201421943"}) {
    BOOST_TEST_INFO("97 " << number);
    const auto reference = Reference::parse("97", number);
    BOOST_TEST_REQUIRE(reference.has_value());
    BOOST_TEST(reference.value().model == "97");
    BOOST_TEST(reference.value().number == number);  // carried as typed
  }
}

BOOST_AUTO_TEST_CASE(wrong_model_97_control_digits_say_what_they_should_be) {
  const auto wrong = Reference::parse("97", "20-123456");
  BOOST_TEST_REQUIRE(wrong.has_error());
  BOOST_TEST((wrong.error().code == Errc::WrongControlDigits));
  BOOST_TEST(wrong.error().where == "number");
  BOOST_TEST(wrong.error().message.find("should be " + Reference::model97ControlFor("123456").value()) !=
             std::string::npos);
  BOOST_TEST((Reference::parse("97", "28-12345b").error().code == Errc::WrongControlDigits));
  // Letters are converted (A=10), not dropped: without the letter the digits would differ.
  BOOST_TEST(Reference::model97ControlFor("12345A").value() == "28");
  BOOST_TEST(Reference::model97ControlFor("12345").value() == "20");
  BOOST_TEST(Reference::model97ControlFor("123412").value() == "14");
  BOOST_TEST(Reference::model97ControlFor("2240113797893").value() == "08");
  BOOST_TEST(Reference::model97ControlFor("21750940-2204").value() == "47");
  BOOST_TEST(Reference::model97ControlFor("12 34-12").value() == "14");
}

BOOST_AUTO_TEST_CASE(model_97_shape_errors) {
  for (const char* bad : {"", "1", "12", "AB12345", " - "}) {
    BOOST_TEST_INFO("97 '" << bad << "'");
    const auto reference = Reference::parse("97", bad);
    BOOST_TEST_REQUIRE(reference.has_error());
    BOOST_TEST((reference.error().code == Errc::InvalidArgument));
    BOOST_TEST(reference.error().where == "number");
  }
  BOOST_TEST(Reference::model97ControlFor("").has_error());
  BOOST_TEST(Reference::model97ControlFor(" - ").has_error());
  BOOST_TEST(Reference::model97ControlFor("12/34").has_error());
  BOOST_TEST(Reference::model97ControlFor("12Č").has_error());
}

BOOST_AUTO_TEST_CASE(other_models_are_carried_unchecked) {
  BOOST_TEST(Reference::parse("00", "1234").has_value());
  BOOST_TEST(Reference::parse("22", "223-23456718").has_value());  // model 22's rule is unconfirmed
  BOOST_TEST(Reference::parse("11", "ABC-123").has_value());
  BOOST_TEST(Reference::parse("99", "x1 2").has_value());
  // A number without a model (the payer's own reference) is carried as given.
  const auto free = Reference::parse("", "INV-2024/17");
  BOOST_TEST(free.has_error());  // '/' is not allowed
  const auto plain = Reference::parse("", "2024-17");
  BOOST_TEST_REQUIRE(plain.has_value());
  BOOST_TEST(plain.value().model.empty());
  BOOST_TEST(plain.value().number == "2024-17");
  // Nothing at all is a valid (empty) reference.
  const auto none = Reference::parse("", "");
  BOOST_TEST_REQUIRE(none.has_value());
  BOOST_TEST(none.value().empty());
}

BOOST_AUTO_TEST_CASE(shape_rules_for_orders_the_user_types) {
  for (const char* model : {"9", "977", "ab", "9A", " 9"}) {
    BOOST_TEST_INFO("model '" << model << "'");
    const auto reference = Reference::parse(model, "1234");
    BOOST_TEST_REQUIRE(reference.has_error());
    BOOST_TEST(reference.error().where == "model");
  }
  // A model with no number.
  BOOST_TEST(Reference::parse("00", "").error().where == "number");
  BOOST_TEST(Reference::parse("97", "").has_error());
  // At most 23 characters.
  BOOST_TEST(Reference::parse("00", std::string(23, '1')).has_value());
  const auto tooLong = Reference::parse("00", std::string(24, '1'));
  BOOST_TEST_REQUIRE(tooLong.has_error());
  BOOST_TEST(tooLong.error().message.find("23") != std::string::npos);
  // Only digits, letters, spaces and dashes.
  for (const char* bad : {"12/3", "12.3", "12_3", "šifra", "12\t3"}) {
    BOOST_TEST_INFO("number '" << bad << "'");
    BOOST_TEST(Reference::parse("00", bad).has_error());
  }
}

BOOST_AUTO_TEST_CASE(every_made_model_97_reference_checks) {
  // Property: control digits from model97ControlFor over random bodies of digits and letters
  // always pass parse, in upper or lower case and with dashes; a different pair fails.
  std::mt19937 rng(97);
  const std::string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (int i = 0; i < 2000; ++i) {
    std::string body;
    const int length = 1 + static_cast<int>(rng() % 20);
    for (int k = 0; k < length; ++k) {
      body.push_back(alphabet[rng() % (i % 2 == 0 ? 10 : alphabet.size())]);
    }
    const std::string control = Reference::model97ControlFor(body).value();
    BOOST_TEST_INFO("97 " << control << body);
    BOOST_TEST(control.size() == 2u);
    BOOST_TEST(Reference::parse("97", control + body).has_value());
    std::string lower = body;
    for (char& c : lower) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    BOOST_TEST(Reference::parse("97", control + "-" + lower).has_value());
    const int wrong = (std::stoi(control) + 1 + static_cast<int>(rng() % 97)) % 100;
    if (wrong != std::stoi(control)) {
      BOOST_TEST(Reference::parse("97", (wrong < 10 ? "0" : "") + std::to_string(wrong) + body).has_error());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
