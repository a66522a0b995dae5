#include "banking/Account.h"
#include "banking/Banks.h"

#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

using namespace platnik::banking;

BOOST_AUTO_TEST_SUITE(BanksTests)

BOOST_AUTO_TEST_CASE(current_banks_are_found_by_code) {
  BOOST_TEST(findBank("160").value().name == "Banca Intesa");
  BOOST_TEST(findBank("265").value().name == "Raiffeisen banka");
  BOOST_TEST(findBank("115").value().name == "Yettel banka");
  BOOST_TEST(findBank("840").value().name == "Uprava za trezor");
  BOOST_TEST(findBank("205").value().current);
}

BOOST_AUTO_TEST_CASE(historical_codes_are_known_but_not_current) {
  for (const char* code : {"210", "225", "275", "330", "355"}) {
    BOOST_TEST_INFO("code " << code);
    const auto bank = findBank(code);
    BOOST_TEST_REQUIRE(bank.has_value());
    BOOST_TEST(!bank->current);
  }
}

BOOST_AUTO_TEST_CASE(unknown_codes_are_not_found) {
  BOOST_TEST(!findBank("999").has_value());
  BOOST_TEST(!findBank("").has_value());
  BOOST_TEST(!findBank("16").has_value());
  BOOST_TEST(!findBank("1600").has_value());
}

BOOST_AUTO_TEST_CASE(the_table_is_well_formed) {
  std::set<std::string_view> codes;
  int current = 0;
  for (const Bank& bank : allBanks()) {
    BOOST_TEST_INFO("code " << bank.code);
    BOOST_TEST(bank.code.size() == 3u);
    BOOST_TEST(bank.code.find_first_not_of("0123456789") == std::string_view::npos);
    BOOST_TEST(!bank.name.empty());
    BOOST_TEST(codes.insert(bank.code).second);  // no code twice
    current += bank.current ? 1 : 0;
  }
  BOOST_TEST(current >= 20);
}

BOOST_AUTO_TEST_CASE(real_statement_accounts_name_their_bank) {
  for (const char* digits :
       {"205000000010804045", "160000000026565175", "340000001100061119", "265110031000049131",
        "170000000000047738", "908000000002050170", "840000074222184357", "275221843408110528",
        "355000000150000152", "330000000400572356"}) {
    BOOST_TEST_INFO("account " << digits);
    BOOST_TEST(findBank(Account::parse(digits).value().bankCode()).has_value());
  }
}

BOOST_AUTO_TEST_SUITE_END()
