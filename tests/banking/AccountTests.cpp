#include "banking/Account.h"
#include "banking/Iban.h"

#include <boost/test/unit_test.hpp>

#include <random>
#include <string>

using namespace platnik::banking;

BOOST_AUTO_TEST_SUITE(AccountTests)

BOOST_AUTO_TEST_CASE(published_valid_accounts_parse) {
  // serbia-domain.md §1.5: ArtBIT tests, real bills and statements, algorithm vectors.
  for (const char* digits :
       {"160000000018203969", "190000000001513090", "170003004062800050", "165000701166855593",
        "165000700598007532", "115038169338697697", "840000071711184351", "845000000040484987",
        "160000000000060216", "205000000010804045", "160000000026565175", "340000001100061119",
        "265110031000049131", "170000000000047738", "908000000002050170", "840000074222184357",
        "275221843408110528", "355000000150000152", "330000000400572356", "100000123456789054",
        "900000000005432144"}) {
    BOOST_TEST_INFO("account: " << digits);
    const auto account = Account::parse(digits);
    BOOST_TEST_REQUIRE(account.has_value());
    BOOST_TEST(account.value().digits() == digits);
  }
}

BOOST_AUTO_TEST_CASE(short_forms_are_padded_to_18_digits) {
  const std::pair<const char*, const char*> cases[] = {
      {"265-1234-88", "265000000000123488"},          {"205-12345-10", "205000000001234510"},
      {"325-123456-98", "325000000012345698"},        {"265-600594-97", "265000000060059497"},
      {"840-955845-10", "840000000095584510"},        {"165-55-74", "165000000000005574"},
      {"310-1234567891211-86", "310123456789121186"}, {"265-1660310005042-68", "265166031000504268"},
      {"115-0381693386976-97", "115038169338697697"}, {"160-0000000182039-69", "160000000018203969"},
  };
  for (const auto& [shortForm, digits] : cases) {
    BOOST_TEST_INFO("short form: " << shortForm);
    const auto account = Account::parse(shortForm);
    BOOST_TEST_REQUIRE(account.has_value());
    BOOST_TEST(account.value().digits() == digits);
  }
}

BOOST_AUTO_TEST_CASE(printed_forms) {
  const Account account = Account::parse("160000000018203969").value();
  BOOST_TEST(account.bankCode() == "160");
  BOOST_TEST(account.shortForm() == "160-182039-69");
  BOOST_TEST(account.longForm() == "160-0000000182039-69");
  BOOST_TEST(account.iban() == "RS35160000000018203969");
  BOOST_TEST(Account::parse("310123456789121186").value().shortForm() == "310-1234567891211-86");
  BOOST_TEST(Account::parse("165000000000005574").value().shortForm() == "165-55-74");
}

BOOST_AUTO_TEST_CASE(serbian_ibans_are_accepted_with_spaces_and_any_case) {
  const Account expected = Account::parse("160000000018203969").value();
  for (const char* iban : {"RS35160000000018203969", "RS35 1600 0000 0018 2039 69",
                           "rs35 1600 0000 0018 2039 69", "  RS35160000000018203969 "}) {
    BOOST_TEST_INFO("IBAN: '" << iban << "'");
    BOOST_TEST((Account::parse(iban).value() == expected));
  }
  // The SWIFT registry's Serbian example.
  BOOST_TEST(Account::parse("RS35 2600 0560 1001 6113 79").value().digits() == "260005601001611379");
  // The Treasury's foreign-currency IBAN quoted in statements.
  BOOST_TEST(Account::parse("RS35 9085 0461 9019 3230 80").value().shortForm() == "908-5046190193230-80");
}

BOOST_AUTO_TEST_CASE(ibans_that_are_not_serbian_or_fail_their_check_are_rejected) {
  // An RS IBAN must pass the IBAN check: RS62 over an account with wrong control digits.
  const auto wrongIban = Account::parse("RS35160000000018203968");
  BOOST_TEST((wrongIban.error().code == Errc::WrongControlDigits));
  // Valid IBAN check digits (62) but an invalid domestic account inside.
  BOOST_TEST(Account::parse("RS62160000000018203968").has_error());
  // A valid IBAN of another country is not a Serbian account.
  const auto german = Account::parse("DE89 3704 0044 0532 0130 00");
  BOOST_TEST((german.error().code == Errc::InvalidAccount));
  BOOST_TEST(german.error().message.find("DE") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(published_invalid_accounts_are_rejected_with_the_right_control_digits) {
  const std::pair<const char*, const char*> cases[] = {
      {"845000000040484999", "87"},    // Lotus015 test
      {"160-0000000548912-67", "12"},  // a docstring example
      {"160000000018203996", "69"},    // last two digits swapped
      {"160000000018206939", "76"},    // one digit changed
      {"111123456789012311", nullptr}, {"222987654321098700", nullptr},
      {"845000000014284968", nullptr}, {"123456789012345678", nullptr},
  };
  for (const auto& [text, control] : cases) {
    BOOST_TEST_INFO("account: " << text);
    const auto account = Account::parse(text);
    BOOST_TEST_REQUIRE(account.has_error());
    BOOST_TEST((account.error().code == Errc::WrongControlDigits));
    if (control != nullptr) {
      BOOST_TEST(account.error().message.find(std::string("should be ") + control) != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(control_digits_are_compared_exactly) {
  // 97 and 98 are real control digits; their "mod 97 == 1" aliases 00 and 01 are not.
  BOOST_TEST(Account::parse("115038169338697697").has_value());
  BOOST_TEST(mod97("115038169338697600").value() == 1);
  BOOST_TEST((Account::parse("115038169338697600").error().code == Errc::WrongControlDigits));
  BOOST_TEST(mod97("200000000012345600").value() == 1);
  const auto nbsExample = Account::parse("200000000012345600");
  BOOST_TEST((nbsExample.error().code == Errc::WrongControlDigits));
  BOOST_TEST(nbsExample.error().message.find("should be 97") != std::string::npos);
  BOOST_TEST(Account::parse("200-123456-00").has_error());
  BOOST_TEST(Account::parse("200-123456-97").has_value());
  // An account whose control digits are 98 (found by search), and its 01 alias.
  std::string with98;
  for (int n = 0; with98.empty(); ++n) {
    const std::string first16 = "160" + std::to_string(1000000000000 + n);
    if (Account::controlDigitsFor(first16).value() == "98") {
      with98 = first16;
    }
  }
  BOOST_TEST(Account::parse(with98 + "98").has_value());
  BOOST_TEST(Account::parse(with98 + "01").has_error());
}

BOOST_AUTO_TEST_CASE(malformed_numbers_are_invalid_accounts) {
  for (const char* bad : {"", "   ", "16000000001820396", "1600000000182039690", "16000000001820396a",
                          "160 0000000018203 69", "160-18203", "160-18203-69-1", "1600-18203-69",
                          "16-18203-69", "160--69", "160-18203-6", "160-18203-699", "160-12345678901234-69",
                          "160-1820a-69", "RS", "160/18203/69", "-160-18203-69", "160-18203-69-"}) {
    BOOST_TEST_INFO("input: '" << bad << "'");
    const auto account = Account::parse(bad);
    BOOST_TEST_REQUIRE(account.has_error());
    BOOST_TEST((account.error().code == Errc::InvalidAccount));
  }
  // The message says what part is wrong.
  BOOST_TEST(Account::parse("160-12345678901234-69").error().message.find("1 to 13 digits") !=
             std::string::npos);
  BOOST_TEST(Account::parse("1600-18203-69").error().message.find("bank code") != std::string::npos);
  BOOST_TEST(Account::parse("160-18203-6").error().message.find("control digits") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(control_digits_for_rejects_anything_but_16_digits) {
  BOOST_TEST(Account::controlDigitsFor("1600000000182039").value() == "69");
  BOOST_TEST(Account::controlDigitsFor("2000000000123456").value() == "97");
  BOOST_TEST(Account::controlDigitsFor("160000000018203").has_error());
  BOOST_TEST(Account::controlDigitsFor("16000000001820396").has_error());
  BOOST_TEST(Account::controlDigitsFor("16000000001820a9").has_error());
}

BOOST_AUTO_TEST_CASE(every_made_account_parses_in_every_form) {
  // Property: for random bank codes and accounts, the digits made by controlDigitsFor always
  // parse; the short form, long form and IBAN parse back to the same account; the IBAN's check
  // digits are always 35; every other pair of control digits is rejected.
  std::mt19937_64 rng(2024);
  for (int i = 0; i < 2000; ++i) {
    const std::string first16 = std::to_string(100 + rng() % 900) + [&] {
      std::string middle = std::to_string(rng() % 10'000'000'000'000ULL);
      if (i % 3 == 0) {
        middle = std::to_string(rng() % 100'000);  // short accounts with many leading zeros
      }
      return std::string(13 - middle.size(), '0') + middle;
    }();
    const std::string control = Account::controlDigitsFor(first16).value();
    BOOST_TEST_INFO("account: " << first16 << control);
    BOOST_TEST(control >= "02");
    BOOST_TEST(control <= "98");
    const auto account = Account::parse(first16 + control);
    BOOST_TEST_REQUIRE(account.has_value());
    BOOST_TEST((Account::parse(account.value().shortForm()).value() == account.value()));
    BOOST_TEST((Account::parse(account.value().longForm()).value() == account.value()));
    BOOST_TEST(account.value().iban().substr(0, 4) == "RS35");
    BOOST_TEST((Account::parse(account.value().iban()).value() == account.value()));
    BOOST_TEST(
        (Account::parse(Iban::parse(account.value().iban()).value().display()).value() == account.value()));
    const int wrong = (std::stoi(control) + 1 + static_cast<int>(rng() % 98)) % 100;
    if (wrong != std::stoi(control)) {
      const std::string tampered = first16 + (wrong < 10 ? "0" : "") + std::to_string(wrong);
      BOOST_TEST(Account::parse(tampered).has_error());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
