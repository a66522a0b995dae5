#include "StatementFixture.h"
#include "services/EntryBrowser.h"
#include "storage/Entries.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace platnik;
using platnik::servicestest::FilledCompany;

namespace {

/// Every entry of the selection straight from storage, in one page (the reference order).
std::vector<storage::StoredEntry> everything(FilledCompany& company,
                                             const storage::EntryFilter& filter = {}) {
  auto listed = company.database.entries().list(filter, {.limit = 10000});
  BOOST_REQUIRE(listed.has_value());
  return listed.value().entries;
}

std::int64_t countWritten(const FilledCompany& company, const auto& predicate) {
  std::int64_t count = 0;
  for (const auto& statement : company.written) {
    count += std::count_if(statement.entries.begin(), statement.entries.end(), predicate);
  }
  return count;
}

std::int64_t rowId(services::EntryBrowser& browser, std::int64_t index) {
  auto row = browser.row(index);
  BOOST_REQUIRE_MESSAGE(row.has_value(), "row " << index << ": " << storage::testing::why(row));
  return row.value()->id;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(EntryBrowserTests)

BOOST_AUTO_TEST_CASE(rows_are_the_entries_newest_first_page_by_page) {
  FilledCompany company;
  services::EntryBrowser browser(company.database, 7, 3);
  BOOST_REQUIRE(browser.select({}).has_value());
  const auto expected = everything(company);
  BOOST_REQUIRE_EQUAL(expected.size(), 3U * FilledCompany::kStatements * FilledCompany::kLines);
  BOOST_CHECK_EQUAL(browser.rowCount(), static_cast<std::int64_t>(expected.size()));
  for (std::size_t i = 0; i < expected.size(); ++i) {
    BOOST_CHECK_EQUAL(rowId(browser, static_cast<std::int64_t>(i)), expected[i].id);
  }
  // Scrolling through reads each page once and keeps no more than asked.
  BOOST_CHECK_EQUAL(browser.pageReads(), (static_cast<std::int64_t>(expected.size()) + 6) / 7);
  BOOST_CHECK_LE(browser.pagesHeld(), 3U);
  BOOST_CHECK(!browser.row(browser.rowCount()).has_value());
  BOOST_CHECK(!browser.row(-1).has_value());
}

BOOST_AUTO_TEST_CASE(jumps_back_and_forth_give_the_same_rows) {
  FilledCompany company;
  services::EntryBrowser browser(company.database, 5, 2);
  BOOST_REQUIRE(browser.select({}).has_value());
  const auto expected = everything(company);
  for (const std::int64_t index : {100, 3, 119, 57, 0, 58, 101, 42, 119}) {
    BOOST_CHECK_EQUAL(rowId(browser, index), expected[static_cast<std::size_t>(index)].id);
  }
  BOOST_CHECK_LE(browser.pagesHeld(), 2U);
  // Cached rows are not read again.
  const auto reads = browser.pageReads();
  BOOST_CHECK_EQUAL(rowId(browser, 118), expected[118].id);
  BOOST_CHECK_EQUAL(browser.pageReads(), reads);
}

BOOST_AUTO_TEST_CASE(search_folds_diacritics_over_every_account) {
  FilledCompany company;
  services::EntryBrowser browser(company.database, 4, 2);
  BOOST_REQUIRE(browser.select({.filter = {}, .searchText = "cacak"}).has_value());
  const auto expected = countWritten(
      company, [](const banking::Entry& entry) { return entry.counterparty.name == "Čačak Metal d.o.o."; });
  BOOST_REQUIRE_GT(expected, 0);
  BOOST_CHECK_EQUAL(browser.rowCount(), expected);
  std::vector<std::int64_t> accounts;
  for (std::int64_t i = 0; i < browser.rowCount(); ++i) {
    auto row = browser.row(i);
    BOOST_REQUIRE(row.has_value());
    BOOST_CHECK_EQUAL(row.value()->entry.counterparty.name, "Čačak Metal d.o.o.");
    accounts.push_back(row.value()->accountId);
  }
  std::sort(accounts.begin(), accounts.end());
  BOOST_CHECK_GT(std::unique(accounts.begin(), accounts.end()) - accounts.begin(), 1);
}

BOOST_AUTO_TEST_CASE(filters_narrow_the_rows) {
  FilledCompany company;
  services::EntryBrowser browser(company.database, 6, 2);
  services::EntrySelection selection;
  selection.filter.direction = storage::Direction::Outgoing;
  BOOST_REQUIRE(browser.select(selection).has_value());
  BOOST_CHECK_EQUAL(browser.rowCount(), countWritten(company, [](const banking::Entry& entry) {
                      return entry.amount.minorUnits() < 0;
                    }));
  for (std::int64_t i = 0; i < browser.rowCount(); ++i) {
    auto row = browser.row(i);
    BOOST_REQUIRE(row.has_value());
    BOOST_CHECK_LT(row.value()->entry.amount.minorUnits(), 0);
  }

  selection = {};
  selection.filter.accountId = company.accountId(company.eur);
  selection.filter.from = storage::testing::dayNumber(1);
  selection.filter.to = storage::testing::dayNumber(2);
  BOOST_REQUIRE(browser.select(selection).has_value());
  BOOST_CHECK_EQUAL(browser.rowCount(), 2 * FilledCompany::kLines);
  const auto expected = everything(company, selection.filter);
  for (std::int64_t i = 0; i < browser.rowCount(); ++i) {
    BOOST_CHECK_EQUAL(rowId(browser, i), expected[static_cast<std::size_t>(i)].id);
    BOOST_CHECK_EQUAL(browser.row(i).value()->entry.amount.currency().code(), "EUR");
  }

  selection = {};
  selection.filter.minAmount = 500'000;
  selection.filter.maxAmount = 1'000'000;
  BOOST_REQUIRE(browser.select(selection).has_value());
  BOOST_CHECK_EQUAL(browser.rowCount(), countWritten(company, [](const banking::Entry& entry) {
                      const auto size = std::abs(entry.amount.minorUnits());
                      return size >= 500'000 && size <= 1'000'000;
                    }));
  BOOST_CHECK_GT(browser.rowCount(), 0);
}

BOOST_AUTO_TEST_CASE(a_search_for_nothing_is_refused_and_keeps_the_selection) {
  FilledCompany company;
  services::EntryBrowser browser(company.database);
  BOOST_REQUIRE(browser.select({.filter = {}, .searchText = "cacak"}).has_value());
  const auto before = browser.rowCount();
  auto refused = browser.select({.filter = {}, .searchText = " ,.; "});
  BOOST_REQUIRE(!refused.has_value());
  BOOST_CHECK(refused.error().code == banking::Errc::InvalidArgument);
  BOOST_CHECK_EQUAL(browser.selection().searchText, "cacak");
  BOOST_CHECK_EQUAL(browser.rowCount(), before);
}

BOOST_AUTO_TEST_CASE(refresh_sees_a_new_import) {
  FilledCompany company;
  services::EntryBrowser browser(company.database);
  BOOST_REQUIRE(browser.select({}).has_value());
  const auto before = browser.rowCount();
  BOOST_REQUIRE(browser.row(0).has_value());
  company.importStatements(storage::testing::accountNumber(3000), banking::Currency::rsd(), 301);
  BOOST_REQUIRE(browser.refresh().has_value());
  BOOST_CHECK_EQUAL(browser.rowCount(), before + FilledCompany::kStatements * FilledCompany::kLines);
}

BOOST_AUTO_TEST_SUITE_END()
