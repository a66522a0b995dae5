#include "StatementFixture.h"
#include "services/AccountOverview.h"

#include <boost/test/unit_test.hpp>

#include <map>
#include <string>

using namespace platnik;
using platnik::servicestest::FilledCompany;

namespace {

banking::Money lastClosing(const FilledCompany& company, const std::string& account) {
  return servicestest::lastClosing(company.written, account);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(AccountOverviewTests)

BOOST_AUTO_TEST_CASE(accounts_show_their_last_balance_under_their_bank_with_totals_per_currency) {
  FilledCompany company;
  auto overview = services::accountOverview(company.database);
  BOOST_REQUIRE_MESSAGE(overview.has_value(), storage::testing::why(overview));
  std::map<std::string, services::AccountBalance> seen;
  for (const auto& bank : overview.value().banks) {
    for (const auto& account : bank.accounts) {
      if (bank.bank) {
        BOOST_CHECK_EQUAL(account.account.number.substr(0, 3), bank.bank->code);
      }
      seen.emplace(account.account.number, account);
    }
  }
  BOOST_REQUIRE_EQUAL(seen.size(), 3U);
  for (const auto& number : {company.rsdFirst, company.rsdSecond, company.eur}) {
    const auto& account = seen.at(number);
    BOOST_REQUIRE(account.balance.has_value());
    BOOST_CHECK(account.balance->amount == lastClosing(company, number));
    BOOST_CHECK(account.balance->date == storage::testing::dayNumber(FilledCompany::kStatements - 1));
  }
  const auto& totals = overview.value().totals;
  BOOST_REQUIRE_EQUAL(totals.size(), 2U);
  BOOST_CHECK_EQUAL(totals[0].currency().code(), "EUR");
  BOOST_CHECK(totals[0] == lastClosing(company, company.eur));
  BOOST_CHECK_EQUAL(totals[1].currency().code(), "RSD");
  BOOST_CHECK_EQUAL(totals[1].minorUnits(), lastClosing(company, company.rsdFirst).minorUnits() +
                                                lastClosing(company, company.rsdSecond).minorUnits());
}

BOOST_AUTO_TEST_CASE(an_empty_company_has_no_totals) {
  testsupport::TempDir dir;
  auto database = FilledCompany::create(dir / "empty.platnik");
  auto overview = services::accountOverview(database);
  BOOST_REQUIRE(overview.has_value());
  BOOST_CHECK(overview.value().totals.empty());
  for (const auto& bank : overview.value().banks) {
    BOOST_CHECK(bank.accounts.empty());
  }
}

BOOST_AUTO_TEST_CASE(balance_history_is_one_point_per_statement_day_within_the_period) {
  FilledCompany company;
  const auto id = company.accountId(company.rsdSecond);
  auto all = services::balanceHistory(company.database, id, std::nullopt, std::nullopt);
  BOOST_REQUIRE(all.has_value());
  BOOST_REQUIRE_EQUAL(all.value().size(), static_cast<std::size_t>(FilledCompany::kStatements));
  for (int n = 0; n < FilledCompany::kStatements; ++n) {
    BOOST_CHECK(all.value()[static_cast<std::size_t>(n)].date == storage::testing::dayNumber(n));
  }
  BOOST_CHECK(all.value().back().amount == lastClosing(company, company.rsdSecond));
  auto part = services::balanceHistory(company.database, id, storage::testing::dayNumber(1),
                                       storage::testing::dayNumber(2));
  BOOST_REQUIRE(part.has_value());
  BOOST_CHECK_EQUAL(part.value().size(), 2U);
  BOOST_CHECK(!services::balanceHistory(company.database, id, storage::testing::dayNumber(2),
                                        storage::testing::dayNumber(1))
                   .has_value());
}

BOOST_AUTO_TEST_CASE(statement_summaries_are_newest_first_with_balances_and_counts) {
  FilledCompany company;
  const auto id = company.accountId(company.rsdFirst);
  auto summaries = services::statementSummaries(company.database, id, 100);
  BOOST_REQUIRE(summaries.has_value());
  BOOST_REQUIRE_EQUAL(summaries.value().size(), static_cast<std::size_t>(FilledCompany::kStatements));
  const auto& newest = summaries.value().front();
  BOOST_CHECK_EQUAL(newest.number, "4");
  BOOST_CHECK(newest.date == storage::testing::dayNumber(FilledCompany::kStatements - 1));
  BOOST_CHECK_EQUAL(newest.entryCount, FilledCompany::kLines);
  BOOST_REQUIRE(newest.closing.has_value());
  BOOST_CHECK(*newest.closing == lastClosing(company, company.rsdFirst));
  BOOST_CHECK_EQUAL(summaries.value().back().number, "1");
  auto every = services::statementSummaries(company.database, std::nullopt, 5);
  BOOST_REQUIRE(every.has_value());
  BOOST_CHECK_EQUAL(every.value().size(), 5U);
  BOOST_CHECK(!services::statementSummaries(company.database, id, 0).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
