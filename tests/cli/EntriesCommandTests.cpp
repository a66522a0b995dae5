#include "CliRunner.h"
#include "banking/Statement.h"
#include "storage/Database.h"
#include "storage/StatementImport.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>
#include <vector>

using platnik::services::Json;
using platnik::testsupport::runCli;
namespace banking = platnik::banking;

namespace {

constexpr const char* kAccount = "160000000018203969";

banking::Money rsd(std::int64_t minor) {
  return {minor, banking::Currency::rsd()};
}

banking::Entry entry(int day, std::int64_t minor, const std::string& name, const std::string& purpose) {
  banking::Entry line;
  line.bookingDate = std::chrono::year{2024} / std::chrono::March / day;
  line.valueDate = line.bookingDate;
  line.amount = rsd(minor);
  line.counterparty.name = name;
  line.counterparty.account = "115038169338697697";
  line.purpose = purpose;
  return line;
}

/// A database with two statements of one account (imported through storage::StatementImport,
/// as `statement import` does), and platnik-cli run on it.
struct Imported {
  platnik::testsupport::TempDir dir;
  std::string path = (dir / "company.platnik").string();

  Imported() {
    auto database = platnik::storage::Database::create(path).value();
    importStatement(database, "1", 5, 1'000'000,
                    {entry(4, 250'000, "Elektro Čačak d.o.o.", "Uplata po fakturi 17"),
                     entry(5, -120'000, "JP EPS Beograd", "Račun za struju 02/2024")});
    importStatement(database, "2", 8, 1'130'000,
                    {entry(6, -5'000, "Banca Intesa", "Provizija"),
                     entry(7, 1'000'000, "Чачак Промет", "Avans po ugovoru 3"),
                     entry(8, -15'000, "Telekom Srbija", "Račun 02/2024")});
  }

  static void importStatement(platnik::storage::Database& database, const std::string& number, int day,
                              std::int64_t opening, const std::vector<banking::Entry>& lines) {
    banking::StatementInfo info;
    info.account = kAccount;
    info.currency = banking::Currency::rsd();
    info.number = number;
    info.date = std::chrono::year{2024} / std::chrono::March / day;
    std::int64_t closing = opening;
    for (const auto& line : lines) {
      closing += line.amount.minorUnits();
    }
    info.opening = banking::Balance{banking::BalanceType::Opening, rsd(opening), info.date};
    info.closing = banking::Balance{banking::BalanceType::Closing, rsd(closing), info.date};
    platnik::storage::StatementImport import(database.connection());
    BOOST_REQUIRE(import.begin(info));
    for (const auto& line : lines) {
      BOOST_REQUIRE(import.entry(line));
    }
    BOOST_REQUIRE(import.end(info));
    BOOST_REQUIRE(import.commit("test statement " + number));
  }

  platnik::testsupport::CliRun run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", path});
    return runCli(args);
  }
  Json json(std::vector<std::string> args) const {
    args.emplace_back("--json");
    const auto result = run(std::move(args));
    BOOST_TEST_REQUIRE(result.exitCode == 0, result.err);
    return result.json();
  }
};

std::vector<std::string> purposes(const Json& page) {
  std::vector<std::string> out;
  for (const auto& item : page["entries"]) {
    out.push_back(item["purpose"].get<std::string>());
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(EntriesCommandTests)

BOOST_AUTO_TEST_CASE(listIsNewestFirstWithFilters) {
  const Imported company;
  const auto all = company.json({"entries", "list"});
  BOOST_TEST(all["total"] == 5);
  BOOST_TEST(all["next"].is_null());
  const std::vector<std::string> expected{"Račun 02/2024", "Avans po ugovoru 3", "Provizija",
                                          "Račun za struju 02/2024", "Uplata po fakturi 17"};
  BOOST_TEST(purposes(all) == expected, boost::test_tools::per_element());
  BOOST_TEST(all["entries"][0]["account"] == kAccount);
  BOOST_TEST(all["entries"][0]["date"] == "2024-03-08");
  BOOST_TEST(all["entries"][0]["amount"] == "-150.00");

  BOOST_TEST(company.json({"entries", "list", "--direction", "in"})["total"] == 2);
  BOOST_TEST(company.json({"entries", "list", "--direction", "out", "--account", "160-182039-69"})["total"] ==
             3);
  const auto range = company.json({"entries", "list", "--from", "2024-03-05", "--to", "2024-03-07"});
  BOOST_TEST(purposes(range) ==
                 (std::vector<std::string>{"Avans po ugovoru 3", "Provizija", "Račun za struju 02/2024"}),
             boost::test_tools::per_element());
  const auto amounts = company.json({"entries", "list", "--min", "1.000,00", "--max", "2500"});
  BOOST_TEST(
      purposes(amounts) == (std::vector<std::string>{"Račun za struju 02/2024", "Uplata po fakturi 17"}),
      boost::test_tools::per_element());

  const auto text = company.run({"entries", "list", "--limit", "1"});
  BOOST_TEST(text.exitCode == 0);
  BOOST_TEST(text.out.find("2024-03-08          -150.00 RSD") != std::string::npos, text.out);
  BOOST_TEST(text.out.find("1 shown, 5 in all; next page: --after 2024-03-08.") != std::string::npos,
             text.out);
}

BOOST_AUTO_TEST_CASE(pagesByCursorAndByNumber) {
  const Imported company;
  std::vector<std::string> seen;
  std::string after;
  for (int pages = 0; pages < 10; ++pages) {
    std::vector<std::string> args{"entries", "list", "--limit", "2"};
    if (!after.empty()) {
      args.insert(args.end(), {"--after", after});
    }
    const auto page = company.json(args);
    for (const auto& purpose : purposes(page)) {
      seen.push_back(purpose);
    }
    if (page["next"].is_null()) {
      break;
    }
    after = page["next"].get<std::string>();
  }
  BOOST_TEST(seen == purposes(company.json({"entries", "list"})), boost::test_tools::per_element());
  BOOST_TEST(purposes(company.json({"entries", "list", "--limit", "2", "--page", "2"})) ==
                 (std::vector<std::string>{"Provizija", "Račun za struju 02/2024"}),
             boost::test_tools::per_element());
  BOOST_TEST(company.run({"entries", "list", "--after", "yesterday"}).exitCode == 2);
  BOOST_TEST(company.run({"entries", "list", "--page", "2", "--after", "2024-03-08.5"}).exitCode == 2);
}

BOOST_AUTO_TEST_CASE(statementListAndOneStatementsLines) {
  const Imported company;
  const Json listed = company.json({"statement", "list"});
  BOOST_TEST_REQUIRE(listed["statements"].size() == 2U);
  const Json& newest = listed["statements"][0];
  BOOST_TEST(newest["number"].get<std::string>() == "2");
  BOOST_TEST(newest["account"].get<std::string>() == kAccount);
  BOOST_TEST(newest["date"].get<std::string>() == "2024-03-08");
  BOOST_TEST(newest["currency"].get<std::string>() == "RSD");
  BOOST_TEST(newest["opening"].get<std::string>() == "11300.00");
  BOOST_TEST(newest["closing"].get<std::string>() == "21100.00");
  BOOST_TEST(newest["entries"].get<int>() == 3);
  BOOST_TEST(listed["statements"][1]["number"].get<std::string>() == "1");
  BOOST_TEST(
      company.json({"statement", "list", "--account", kAccount, "--limit", "1"})["statements"].size() == 1U);

  // Statement 1's lines only: two, newest first.
  const std::string first = std::to_string(listed["statements"][1]["id"].get<std::int64_t>());
  const Json lines = company.json({"entries", "list", "--statement", first});
  BOOST_TEST(lines["total"].get<int>() == 2);
  BOOST_TEST(purposes(lines) == (std::vector<std::string>{"Račun za struju 02/2024", "Uplata po fakturi 17"}),
             boost::test_tools::per_element());
  // With a search: the words within that statement only.
  BOOST_TEST(company.json({"search", "racun", "--statement", first})["total"].get<int>() == 1);

  const auto text = company.run({"statement", "list"});
  BOOST_TEST_REQUIRE(text.exitCode == 0, text.err);
  BOOST_TEST(text.out.find("2 statements") != std::string::npos, text.out);
  BOOST_TEST(text.out.find("21100.00 RSD") != std::string::npos, text.out);
  BOOST_TEST(company.run({"statement", "list", "--account", "160000000000000000"}).exitCode != 0);
  BOOST_TEST(company.run({"entries", "list", "--statement", "-1"}).exitCode == 2);
}

BOOST_AUTO_TEST_CASE(badFiltersAreUsageErrors) {
  const Imported company;
  const auto date = company.run({"entries", "list", "--from", "2024-02-30"});
  BOOST_TEST(date.exitCode == 2);
  BOOST_TEST(date.err.find("--from") != std::string::npos);
  BOOST_TEST(company.run({"entries", "list", "--direction", "sideways"}).exitCode == 2);
  BOOST_TEST(company.run({"entries", "list", "--min", "12,345"}).exitCode == 2);
  const auto unknown = company.run({"entries", "list", "--account", "115-0381693386976-97"});
  BOOST_TEST(unknown.exitCode == 1);
  BOOST_TEST(unknown.err.find("not one of the company's accounts") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(searchFoldsDiacriticsAndScript) {
  const Imported company;
  // "cacak" finds both the Latin "Čačak" and the Cyrillic "Чачак".
  const auto found = company.json({"search", "cacak"});
  BOOST_TEST(found["total"] == 2);
  BOOST_TEST(purposes(found) == (std::vector<std::string>{"Avans po ugovoru 3", "Uplata po fakturi 17"}),
             boost::test_tools::per_element());
  BOOST_TEST(company.json({"search", "cacak", "--direction", "in", "--to", "2024-03-05"})["total"] == 1);
  BOOST_TEST(company.json({"search", "racun 02"})["total"] == 2);
  const auto paged = company.json({"search", "racun", "--limit", "1"});
  BOOST_TEST(paged["entries"].size() == 1U);
  BOOST_TEST(!paged["next"].is_null());
  BOOST_TEST(company.json({"search", "nothing-like-this"})["total"] == 0);
  const auto text = company.run({"search", "EPS"});
  BOOST_TEST(text.out.find("JP EPS Beograd") != std::string::npos, text.out);
}

BOOST_AUTO_TEST_CASE(balancesAndHistory) {
  const Imported company;
  const auto all = company.json({"balance"});
  BOOST_TEST_REQUIRE(all["balances"].size() == 1U);
  BOOST_TEST(all["balances"][0]["account"] == kAccount);
  // Opening 11,300.00 on the 8th, then -50.00 + 10,000.00 - 150.00.
  BOOST_TEST(all["balances"][0]["amount"] == "21100.00");
  BOOST_TEST(all["balances"][0]["date"] == "2024-03-08");
  BOOST_TEST(all["balances"][0]["source"] == "statement");

  const auto history = company.json({"balance", "160-182039-69", "--history"});
  BOOST_TEST(history["balance"]["amount"] == "21100.00");
  BOOST_TEST_REQUIRE(history["history"].size() == 2U);
  BOOST_TEST(history["history"][0]["date"] == "2024-03-05");
  BOOST_TEST(history["history"][0]["amount"] == "11300.00");
  BOOST_TEST(company.json({"balance", kAccount, "--history", "--from", "2024-03-06"})["history"].size() ==
             1U);

  const auto text = company.run({"balance", kAccount});
  BOOST_TEST(
      text.out.find("160000000018203969 RSD: 2024-03-08         21100.00  (statement)") != std::string::npos,
      text.out);
  BOOST_TEST(company.run({"balance", "115-0381693386976-97"}).exitCode == 1);
  BOOST_TEST(company.run({"balance", "--history"}).exitCode == 2);
}

BOOST_AUTO_TEST_SUITE_END()
