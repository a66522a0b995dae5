#include "Generated.h"
#include "storage/Accounts.h"
#include "storage/Database.h"
#include "storage/Entries.h"
#include "storage/StatementImport.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <set>

using namespace platnik;
using namespace platnik::storage;
using testsupport::TempDir;

namespace {

struct Firm {
  TempDir dir;
  Database db = Database::create(dir / "firm.platnik").value();
  std::int64_t first = 0;
  std::int64_t second = 0;

  Firm() {
    StatementImport import(db.connection());
    for (int n = 1; n <= 10; ++n) {
      BOOST_REQUIRE(testing::feed(import, testing::makeStatement(testing::accountNumber(1), n, 30)));
      BOOST_REQUIRE(testing::feed(import, testing::makeStatement(testing::accountNumber(2), n, 20)));
    }
    BOOST_REQUIRE(import.commit("setup"));
    first = db.accounts().find(testing::accountNumber(1)).value()->id;
    second = db.accounts().find(testing::accountNumber(2)).value()->id;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(SearchTests)

BOOST_AUTO_TEST_CASE(DiacriticsAndScriptAreFoldedBothWays) {
  Firm firm;
  auto entries = firm.db.entries();
  const auto cacak = entries.countMatches("cacak", {}).value();
  BOOST_TEST(cacak > 0);
  BOOST_TEST(entries.countMatches("ČAČAK", {}).value() == cacak);
  BOOST_TEST(entries.countMatches("Чачак", {}).value() == cacak);
  const auto page = entries.search("cacak", {}, {.limit = 500}).value();
  BOOST_TEST(static_cast<std::int64_t>(page.entries.size()) == cacak);
  for (const auto& entry : page.entries) {
    BOOST_TEST(entry.entry.counterparty.name == "Čačak Metal d.o.o.");
  }
  // Cyrillic text in the data is found with Latin letters.
  const auto beohemija = entries.search("beohemija", {}, {.limit = 500}).value();
  BOOST_REQUIRE(!beohemija.entries.empty());
  BOOST_TEST(beohemija.entries[0].entry.counterparty.name == "Беохемија д.о.о.");
  BOOST_TEST(entries.countMatches("djurdjevak", {}).value() > 0);
  BOOST_TEST(entries.countMatches("muller", {}).value() > 0);
}

BOOST_AUTO_TEST_CASE(WordsArePrefixesAndAllMustMatch) {
  Firm firm;
  auto entries = firm.db.entries();
  const auto elektro = entries.countMatches("elektro", {}).value();
  BOOST_TEST(elektro == entries.countMatches("Elektroprivreda", {}).value());
  BOOST_TEST(elektro > 0);
  const auto both = entries.countMatches("elektro struju", {}).value();
  BOOST_TEST(both <= elektro);
  BOOST_TEST(entries.countMatches("elektro nepostojecarec", {}).value() == 0);
  // References are searchable too, and FTS syntax in user text is inert.
  BOOST_TEST(entries.countMatches("BR3X7", {}).value() == 2);
  BOOST_TEST(entries.countMatches("\"AND OR* NEAR(", {}).value() == 0);
  BOOST_TEST(!entries.search("  ,.- ", {}));
}

BOOST_AUTO_TEST_CASE(PunctuationInsideAWordSplitsItAsTheIndexDoes) {
  // The index keeps no word positions, so a query may only hold single words: text with
  // quotes, dashes or a euro sign inside a word is split exactly as the index split it.
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  auto statement = testing::makeStatement(testing::accountNumber(7), 1, 2);
  statement.entries[0].purpose = "Račun „Čačak–Beograd“ 12€/2024";
  statement.entries[1].purpose = "Avans";
  StatementImport import(db.connection());
  BOOST_REQUIRE(testing::feed(import, statement));
  BOOST_REQUIRE(import.commit("test"));
  auto entries = db.entries();
  for (const char* text : {"cacak–beograd", "„Čačak“", "ČAČAK-BEO", "12€", "racun 2024", "beograd“ 12€/20"}) {
    const auto found = entries.search(text, {});
    BOOST_REQUIRE_MESSAGE(found, text << ": " << testing::why(found));
    BOOST_REQUIRE_MESSAGE(found.value().entries.size() == 1u, text);
    BOOST_TEST(found.value().entries[0].entry.purpose == statement.entries[0].purpose);
  }
  BOOST_TEST(entries.countMatches("cacak–novi", {}).value() == 0);
  BOOST_TEST(!entries.search("„ – “ €", {}));
}

BOOST_AUTO_TEST_CASE(FiltersNarrowTheResults) {
  Firm firm;
  auto entries = firm.db.entries();
  BOOST_TEST(entries.count({}).value() == 500);
  BOOST_TEST(entries.count({.accountId = firm.first}).value() == 300);
  BOOST_TEST(entries.count({.accountId = firm.second}).value() == 200);
  EntryFilter days{.from = testing::dayNumber(3), .to = testing::dayNumber(4)};
  BOOST_TEST(entries.count(days).value() == 100);
  const auto incoming = entries.count({.direction = Direction::Incoming}).value();
  const auto outgoing = entries.count({.direction = Direction::Outgoing}).value();
  BOOST_TEST(incoming + outgoing == 500);
  BOOST_TEST(outgoing > 0);
  auto page = entries
                  .list({.accountId = firm.second,
                         .minAmount = 1'000'000,
                         .maxAmount = 20'000'000,
                         .direction = Direction::Outgoing},
                        {.limit = 1000})
                  .value();
  BOOST_TEST(!page.entries.empty());
  for (const auto& entry : page.entries) {
    BOOST_TEST(entry.accountId == firm.second);
    BOOST_TEST(entry.entry.amount.minorUnits() <= -1'000'000);
    BOOST_TEST(entry.entry.amount.minorUnits() >= -20'000'000);
  }
  const auto filtered =
      entries.countMatches("cacak", {.accountId = firm.first, .from = testing::dayNumber(5)});
  BOOST_TEST(filtered.value() < entries.countMatches("cacak", {}).value());
}

BOOST_AUTO_TEST_CASE(KeysetAndOffsetPagesCoverEveryEntryOnceNewestFirst) {
  Firm firm;
  auto entries = firm.db.entries();
  std::vector<std::int64_t> byCursor;
  PageRequest request{.limit = 37};
  for (;;) {
    auto page = entries.list({.accountId = firm.first}, request).value();
    for (const auto& entry : page.entries) {
      byCursor.push_back(entry.id);
    }
    if (!page.next) {
      break;
    }
    request.after = page.next;
  }
  BOOST_TEST(byCursor.size() == 300u);
  BOOST_TEST(std::set<std::int64_t>(byCursor.begin(), byCursor.end()).size() == 300u);
  std::vector<std::int64_t> byOffset;
  for (std::int64_t offset = 0; offset < 300; offset += 37) {
    const auto page = entries.list({.accountId = firm.first}, {.limit = 37, .offset = offset}).value();
    for (const auto& entry : page.entries) {
      byOffset.push_back(entry.id);
    }
  }
  BOOST_TEST(byOffset.size() == byCursor.size());
  BOOST_TEST(byOffset == byCursor, boost::test_tools::per_element());
  const auto newest = entries.list({.accountId = firm.first}, {.limit = 300}).value().entries;
  for (std::size_t i = 1; i < newest.size(); ++i) {
    BOOST_TEST((newest[i - 1].date >= newest[i].date));
  }
  BOOST_TEST(!entries.list({}, {.limit = 0}));
}

BOOST_AUTO_TEST_CASE(AnOffsetPageIsTheSameWhereverTheWalkStarts) {
  // A page deep into a list of whole days starts its walk at the day it begins on (the days
  // before are counted in account_days): at every offset, on a day's edge or inside it, for
  // one account or all, with dates or without, it must hold the rows the full list has there.
  Firm firm;
  auto entries = firm.db.entries();
  const std::vector<EntryFilter> filters{
      {},
      {.accountId = firm.first},
      {.accountId = firm.second, .from = testing::dayNumber(3)},
      {.from = testing::dayNumber(2), .to = testing::dayNumber(6)},
  };
  for (std::size_t f = 0; f < filters.size(); ++f) {
    const auto all = entries.list(filters[f], {.limit = 1000}).value().entries;
    BOOST_REQUIRE(all.size() > 100u);
    for (const std::size_t offset :
         {std::size_t{1}, std::size_t{19}, std::size_t{20}, std::size_t{49}, std::size_t{50}, std::size_t{51},
          std::size_t{137}, all.size() - 1, all.size(), all.size() + 5}) {
      const auto page =
          entries.list(filters[f], {.limit = 13, .offset = static_cast<std::int64_t>(offset)}).value();
      const std::size_t expected = offset < all.size() ? std::min<std::size_t>(13, all.size() - offset) : 0;
      BOOST_TEST_REQUIRE(page.entries.size() == expected, "filter " << f << ", offset " << offset);
      for (std::size_t i = 0; i < expected; ++i) {
        BOOST_TEST(page.entries[i].id == all[offset + i].id, "filter " << f << ", offset " << offset);
      }
      BOOST_TEST(page.next.has_value() == (offset + 13 < all.size()),
                 "filter " << f << ", offset " << offset);
    }
  }
}

BOOST_AUTO_TEST_CASE(SearchResultsPageToo) {
  Firm firm;
  auto entries = firm.db.entries();
  const auto total = entries.countMatches("uplata", {}).value();
  BOOST_REQUIRE(total > 10);
  std::int64_t seen = 0;
  PageRequest request{.limit = 7};
  for (;;) {
    auto page = entries.search("uplata", {}, request).value();
    seen += static_cast<std::int64_t>(page.entries.size());
    if (!page.next) {
      break;
    }
    request.after = page.next;
  }
  BOOST_TEST(seen == total);
}

BOOST_AUTO_TEST_SUITE_END()
