#include "Generated.h"
#include "storage/Accounts.h"
#include "storage/AuditLog.h"
#include "storage/Balances.h"
#include "storage/Connection.h"
#include "storage/Database.h"
#include "storage/Entries.h"
#include "storage/Statement.h"
#include "storage/StatementImport.h"
#include "storage/StatementSummaries.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <array>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace platnik;
using namespace platnik::storage;
using testsupport::TempDir;

namespace {

ImportReport importStatements(Database& db, const std::vector<banking::Statement>& statements) {
  StatementImport import(db.connection());
  for (const auto& statement : statements) {
    auto fed = testing::feed(import, statement);
    BOOST_REQUIRE_MESSAGE(fed, testing::why(fed));
  }
  auto report = import.commit("test file");
  BOOST_REQUIRE_MESSAGE(report, testing::why(report));
  return report.value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ImportTests)

BOOST_AUTO_TEST_CASE(ImportingTheSameStatementTwiceAddsNothing) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  const auto account = testing::accountNumber(42);
  const auto statement = testing::makeStatement(account, 3, 250);
  const auto first = importStatements(db, {statement});
  BOOST_TEST(first.statements == 1);
  BOOST_TEST(first.entriesNew == 250);
  BOOST_TEST(first.entriesAlreadyPresent == 0);
  BOOST_TEST(first.accountsCreated == 1);
  const auto second = importStatements(db, {statement});
  BOOST_TEST(second.statements == 1);
  BOOST_TEST(second.entriesNew == 0);
  BOOST_TEST(second.entriesAlreadyPresent == 250);
  BOOST_TEST(second.accountsCreated == 0);
  BOOST_TEST(db.entries().count({}).value() == 250);
  BOOST_TEST(db.accounts().list().value().size() == 1u);
}

BOOST_AUTO_TEST_CASE(IdenticalLinesInOneStatementAreAllKeptAndStayIdempotent) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  auto statement = testing::makeStatement(testing::accountNumber(42), 1, 3);
  statement.entries.push_back(statement.entries[1]);  // the bank booked the same fee twice
  statement.entries.push_back(statement.entries[1]);
  BOOST_TEST(importStatements(db, {statement}).entriesNew == 5);
  BOOST_TEST(importStatements(db, {statement}).entriesNew == 0);
  // The same lines arriving in another statement (an intraday and the final one) are not
  // duplicated either; a third copy there is new.
  auto later = statement;
  later.info.number = "1-final";
  later.entries.push_back(statement.entries[1]);
  const auto report = importStatements(db, {later});
  BOOST_TEST(report.entriesNew == 1);
  BOOST_TEST(report.entriesAlreadyPresent == 5);
  BOOST_TEST(db.entries().count({}).value() == 6);
}

BOOST_AUTO_TEST_CASE(EntriesComeBackAsTheyWereRead) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  auto statement = testing::makeStatement(testing::accountNumber(42), 1, 1);
  auto& entry = statement.entries[0];
  entry.counterparty.place = "Čačak";
  entry.counterparty.bic = "AIKBRS22";
  entry.debitReference = {"97", "12-345"};
  entry.endToEndId = "E2E-1";
  entry.transactionCode = "PMNT";
  entry.reversal = true;
  entry.originalAmount = banking::Money(12345, banking::Currency::eur());
  entry.exchangeRate = "117.1735";
  entry.charges = banking::Money(-150, banking::Currency::rsd());
  entry.returnReason = "AC04";
  entry.additionalInfo = "napomena";
  entry.valueDate = testing::dayNumber(5);
  importStatements(db, {statement});
  auto page = db.entries().list({}).value();
  BOOST_REQUIRE(page.entries.size() == 1u);
  BOOST_TEST((page.entries[0].entry == entry));
}

BOOST_AUTO_TEST_CASE(AStatementThatDoesNotFinishLeavesNothingBehind) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  const auto account = testing::accountNumber(42);
  importStatements(db, {testing::makeStatement(account, 1, 10)});
  {
    StatementImport import(db.connection());
    BOOST_REQUIRE(testing::feed(import, testing::makeStatement(account, 2, 10)));
    const auto third = testing::makeStatement(account, 3, 10);
    BOOST_REQUIRE(import.begin(third.info));
    BOOST_REQUIRE(import.entry(third.entries[0]));
    // The reader failed here: the import is dropped without commit.
  }
  {
    StatementImport import(db.connection());
    BOOST_REQUIRE(import.begin(testing::makeStatement(account, 4, 1).info));
    auto committed = import.commit("cut file");
    BOOST_REQUIRE(!committed);
    BOOST_TEST(committed.error().message.find("inside a statement") != std::string::npos);
  }
  BOOST_TEST(db.entries().count({}).value() == 10);
  BOOST_TEST(db.check().value().ok());
}

BOOST_AUTO_TEST_CASE(ForeignKeysAreCheckedAgainOnceAnImportEnds) {
  // The import turns SQLite's per-row foreign-key probes off for its own transaction only:
  // after a commit, after an import dropped half-way, and after a failed commit, a row
  // naming a parent that does not exist is refused again.
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  const auto account = testing::accountNumber(42);
  const auto enforced = [&] {
    auto query = db.connection().prepare("PRAGMA foreign_keys").value();
    BOOST_REQUIRE(query.step().value());
    return query.integer(0) == 1;
  };
  const auto orphanRefused = [&] {
    return !db.connection().exec(
        "INSERT INTO balances(account_id, balance_date, source, amount_minor, currency, recorded_at) "
        "VALUES (999, '2026-01-01', 'query', 1, 'RSD', 'x')");
  };
  BOOST_TEST(enforced());
  importStatements(db, {testing::makeStatement(account, 1, 10)});
  BOOST_TEST(enforced());
  BOOST_TEST(orphanRefused());
  {
    StatementImport import(db.connection());
    BOOST_REQUIRE(testing::feed(import, testing::makeStatement(account, 2, 10)));
    // Dropped without commit.
  }
  BOOST_TEST(enforced());
  {
    StatementImport import(db.connection());
    BOOST_REQUIRE(import.begin(testing::makeStatement(account, 3, 1).info));
    BOOST_REQUIRE(!import.commit("cut file"));
  }
  BOOST_TEST(enforced());
  BOOST_TEST(orphanRefused());
  BOOST_TEST(db.entries().count({}).value() == 10);
  BOOST_TEST(db.check().value().ok());
}

BOOST_AUTO_TEST_CASE(CheckFindsEntryKeysAndDayCountsThatDisagree) {
  // Lists and counts trust an entry's key (its account and day) and account_days: the
  // database check says when either was changed behind the import's back.
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  importStatements(db, {testing::makeStatement(testing::accountNumber(42), 1, 10),
                        testing::makeStatement(testing::accountNumber(43), 2, 10)});
  BOOST_TEST(db.check().value().ok());
  BOOST_REQUIRE(db.connection().exec("UPDATE account_days SET entries = entries + 1 WHERE account_id = 1"));
  auto report = db.check().value();
  BOOST_TEST(!report.ok());
  BOOST_TEST(report.describe().find("account_days counts 11 entries of account 1") != std::string::npos,
             report.describe());
  BOOST_REQUIRE(db.connection().exec("UPDATE account_days SET entries = entries - 1 WHERE account_id = 1"));
  BOOST_REQUIRE(
      db.connection().exec("UPDATE entries SET account_id = 2 WHERE id = (SELECT min(id) FROM entries)"));
  report = db.check().value();
  BOOST_TEST(!report.ok());
  BOOST_TEST(report.describe().find("is keyed under account 1 but belongs to 2") != std::string::npos,
             report.describe());
}

BOOST_AUTO_TEST_CASE(AnEntryWithoutAnyDateIsRejectedWithItsPosition) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  auto statement = testing::makeStatement(testing::accountNumber(42), 1, 3);
  statement.info.date.reset();
  statement.entries[2].bookingDate.reset();
  statement.entries[2].valueDate.reset();
  StatementImport import(db.connection());
  auto fed = testing::feed(import, statement);
  BOOST_REQUIRE(!fed);
  BOOST_TEST(fed.error().where == "statement 1, entry 3");
}

BOOST_AUTO_TEST_CASE(AnImportIsAuditedAndRecordsTheClosingBalance) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  const auto statement = testing::makeStatement(testing::accountNumber(42), 9, 20);
  importStatements(db, {statement});
  const auto records = db.auditLog().recent(1).value();
  BOOST_REQUIRE(records.size() == 1u);
  BOOST_TEST(records[0].action == "import");
  BOOST_TEST(records[0].subject == "test file");
  BOOST_TEST(records[0].details.find("20 new entries") != std::string::npos);
  const auto account = db.accounts().find(testing::accountNumber(42)).value();
  BOOST_REQUIRE(account.has_value());
  const auto balance = db.balances().current(account->id).value();
  BOOST_REQUIRE(balance.has_value());
  BOOST_TEST((balance->amount == statement.info.closing->amount));
  BOOST_TEST((balance->date == *statement.info.date));
}

BOOST_AUTO_TEST_CASE(WithoutAClosingBalanceItIsComputedFromTheOpeningAndTheLines) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  auto statement = testing::makeStatement(testing::accountNumber(42), 9, 20);
  const auto expected = statement.info.closing->amount;
  statement.info.closing.reset();
  importStatements(db, {statement});
  const auto account = db.accounts().find(testing::accountNumber(42)).value();
  const auto balance = db.balances().current(account->id).value();
  BOOST_REQUIRE(balance.has_value());
  BOOST_TEST((balance->amount == expected));
}

BOOST_AUTO_TEST_CASE(AStatementWithoutAccountIsRejected) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  auto statement = testing::makeStatement("", 1, 1);
  StatementImport import(db.connection());
  auto fed = testing::feed(import, statement);
  BOOST_REQUIRE(!fed);
  BOOST_TEST((fed.error().code == banking::Errc::MalformedFile));
}

BOOST_AUTO_TEST_CASE(ALargeImportIndexesEveryNewEntryForSearchWhateverItsOrder) {
  // More entries than one batch of search rows, newest statement first, on two accounts:
  // every new entry must be found exactly once, whichever batch its search row went in.
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  const std::array<std::string, 2> accounts{testing::accountNumber(42), testing::accountNumber(43)};
  constexpr int kStatements = 61;
  constexpr int kLines = 1000;
  std::vector<banking::Statement> statements;
  for (int n = 1; n <= kStatements; ++n) {
    statements.push_back(
        testing::makeStatement(accounts[static_cast<std::size_t>(n % 2)], n, kLines, kStatements - n));
  }
  const auto report = importStatements(db, statements);
  BOOST_TEST(report.entriesNew == kStatements * kLines);
  auto entries = db.entries();
  // Every entry's references start with the model "97".
  BOOST_TEST(entries.countMatches("97", {}).value() == kStatements * kLines);
  for (const auto& [number, line] :
       {std::pair{1, 0}, std::pair{50, 999}, std::pair{51, 0}, std::pair{61, 999}}) {
    const auto& expected =
        statements[static_cast<std::size_t>(number - 1)].entries[static_cast<std::size_t>(line)];
    const auto found = entries.search(expected.bankReference, {}).value();
    BOOST_REQUIRE_MESSAGE(found.entries.size() == 1u, expected.bankReference);
    BOOST_TEST(found.entries[0].entry.purpose == expected.purpose);
    BOOST_TEST((found.entries[0].date == *expected.bookingDate));
  }
  const auto again = importStatements(db, {statements[30]});
  BOOST_TEST(again.entriesNew == 0);
  BOOST_TEST(entries.countMatches("97", {}).value() == kStatements * kLines);
}

BOOST_AUTO_TEST_CASE(EntriesAreKeptInDateOrderWhateverOrderTheyArrive) {
  // Entry ids are keys by booking day and account: a statement of an older day imported later
  // goes in its place, two accounts share a day without clashing (each account's lines of the
  // day together), and an account's lines of a day keep the order they were read in.
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  const auto a = testing::accountNumber(42);
  const auto b = testing::accountNumber(43);
  importStatements(db, {testing::makeStatement(a, 5, 40, 10), testing::makeStatement(b, 6, 30, 10)});
  importStatements(db, {testing::makeStatement(a, 7, 20, 12)});
  const auto older = testing::makeStatement(b, 3, 25, 4);
  // The same statement twice in one file: the second copy adds nothing.
  const auto report = importStatements(db, {older, older});
  BOOST_TEST(report.entriesNew == 25);
  BOOST_TEST(report.entriesAlreadyPresent == 25);
  importStatements(db, {testing::makeStatement(a, 8, 15, 10)});  // day 10 again, later

  auto entries = db.entries();
  const auto all = entries.list({}, {.limit = 1000}).value();
  BOOST_REQUIRE(all.entries.size() == 130u);
  std::set<std::int64_t> ids;
  for (std::size_t i = 0; i < all.entries.size(); ++i) {
    ids.insert(all.entries[i].id);
    if (i > 0) {
      BOOST_TEST((all.entries[i - 1].date >= all.entries[i].date));
      BOOST_TEST(all.entries[i - 1].id > all.entries[i].id);
    }
  }
  BOOST_TEST(ids.size() == all.entries.size());
  // Day 10 holds statement 5 (40 lines) and 8 (15) of account a, read in that order, and
  // 6 (30) of account b, added after a: newest first, b's last line on top, then a's lines
  // with 8's last line first, a's first line at the bottom.
  const auto day = testing::dayNumber(10);
  const auto tenth = entries.list({.from = day, .to = day}, {.limit = 1000}).value();
  BOOST_REQUIRE(tenth.entries.size() == 85u);
  BOOST_TEST(tenth.entries.front().entry.purpose == testing::makeEntry(6, 29, day).purpose);
  BOOST_TEST(tenth.entries[30].entry.purpose == testing::makeEntry(8, 14, day).purpose);
  BOOST_TEST(tenth.entries.back().entry.purpose == testing::makeEntry(5, 0, day).purpose);
  const auto accountB = db.accounts().find(b).value()->id;
  const auto ofB = entries.list({.accountId = accountB}, {.limit = 1000}).value();
  BOOST_REQUIRE(ofB.entries.size() == 55u);
  BOOST_TEST(ofB.entries.back().entry.purpose == testing::makeEntry(3, 0, testing::dayNumber(4)).purpose);
  BOOST_TEST(entries.count({.accountId = accountB, .from = testing::dayNumber(5)}).value() == 30);
  // One statement's lines, alone or within its account.
  const auto summaries = listStatementSummaries(db, std::nullopt, 10).value();
  BOOST_REQUIRE(summaries.size() == 5u);
  for (const auto& summary : summaries) {
    const std::int64_t expected = summary.number == "5"   ? 40
                                  : summary.number == "6" ? 30
                                  : summary.number == "7" ? 20
                                  : summary.number == "3" ? 25
                                                          : 15;
    BOOST_TEST(entries.count({.statementId = summary.id}).value() == expected, summary.number);
    const auto page =
        entries.list({.accountId = summary.accountId, .statementId = summary.id}, {.limit = 10}).value();
    BOOST_TEST(page.entries.size() == 10u);
    for (const auto& stored : page.entries) {
      BOOST_TEST(stored.statementId == summary.id);
    }
  }
}

BOOST_AUTO_TEST_CASE(IdentityDependsOnContentAndOccurrence) {
  const auto entry = testing::makeEntry(1, 1, testing::dayNumber(1));
  const auto a = StatementImport::identityOf("160", entry, std::nullopt, 0);
  BOOST_TEST((a == StatementImport::identityOf("160", entry, std::nullopt, 0)));
  BOOST_TEST((a != StatementImport::identityOf("160", entry, std::nullopt, 1)));
  BOOST_TEST((a != StatementImport::identityOf("161", entry, std::nullopt, 0)));
  auto other = entry;
  other.purpose += ".";
  BOOST_TEST((a != StatementImport::identityOf("160", other, std::nullopt, 0)));
  other = entry;
  other.amount = banking::Money(entry.amount.minorUnits() + 1, banking::Currency::rsd());
  BOOST_TEST((a != StatementImport::identityOf("160", other, std::nullopt, 0)));
}

BOOST_AUTO_TEST_SUITE_END()
