#include "CliRunner.h"
#include "banking/Statement.h"
#include "banking/formats/StatementReader.h"
#include "services/StatementJson.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>

using platnik::services::Json;
using platnik::testsupport::runCli;
using platnik::testsupport::TempDir;

namespace {

std::filesystem::path fixture(const std::string& relative) {
  return platnik::testsupport::sourceDir() / "tests/formats" / relative;
}

/// The Halcom turnover fixture and its recap, copied side by side into `dir`.
std::string halcomPair(const TempDir& dir) {
  std::filesystem::copy_file(fixture("halcom/fixtures/turnover_cp1250.txt"), dir / "turnover.txt");
  std::filesystem::copy_file(fixture("halcom/fixtures/turnover_cp1250_cov.txt"), dir / "turnover_cov.txt");
  return (dir / "turnover.txt").string();
}

/// The entries of a file as `statement parse --json` gives them, all statements in a row.
Json entriesOf(const std::string& file) {
  const auto run = runCli({"statement", "parse", file, "--json"});
  BOOST_REQUIRE_MESSAGE(run.exitCode == 0, run.err);
  const Json json = run.json();
  Json entries = Json::array();
  for (const auto& statement : json["statements"]) {
    for (const auto& entry : statement["entries"]) {
      entries.push_back(entry);
    }
  }
  return entries;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(StatementCommandTests)

BOOST_AUTO_TEST_CASE(parse_json_has_the_documented_shape) {
  const auto run =
      runCli({"statement", "parse", fixture("xml/fixtures/camt053_small.xml").string(), "--json"});
  BOOST_REQUIRE_EQUAL(run.exitCode, 0);
  BOOST_TEST(run.err.empty());
  const Json json = run.json();
  BOOST_TEST(json["format"] == "camt.053");
  BOOST_REQUIRE_EQUAL(json["statements"].size(), 1U);
  const Json& statement = json["statements"][0];
  BOOST_TEST(statement["iban"] == "RS35160000000018203969");
  BOOST_TEST(statement["number"] == "42");
  BOOST_TEST(statement["date"] == "2024-03-29");
  BOOST_TEST(statement["opening"]["amount"] == "-1000.00");
  BOOST_TEST(statement["closing"]["amount"] == "917.18");
  BOOST_REQUIRE_EQUAL(statement["entries"].size(), 4U);
  const Json& first = statement["entries"][0];
  BOOST_TEST(first["amount"] == "-1200.00");  // a debit: negative decimal string
  BOOST_TEST(first["booking_date"] == "2024-03-29");
  BOOST_TEST(first["counterparty"]["name"] == "Dobavljač d.o.o.");
  BOOST_TEST(first["reference"]["model"] == "97");
  BOOST_TEST(first["end_to_end_id"] == "E2E-0001");
  BOOST_TEST(first["reversal"] == false);

  // Exactly what the library reads, turned into JSON by the service.
  std::ifstream in(fixture("xml/fixtures/camt053_small.xml"), std::ios::binary);
  platnik::banking::StatementCollector collector;
  BOOST_REQUIRE(platnik::banking::formats::readStatements(in, collector));
  BOOST_TEST(json == platnik::services::statementsToJson("camt.053", collector.statements()));
}

BOOST_AUTO_TEST_CASE(parse_reads_a_halcom_turnover_with_its_recap_beside_it) {
  TempDir dir;
  const auto run = runCli({"statement", "parse", halcomPair(dir), "--json"});
  BOOST_REQUIRE_EQUAL(run.exitCode, 0);
  const Json json = run.json();
  BOOST_TEST(json["format"] == "halcom-txt");
  BOOST_REQUIRE_EQUAL(json["statements"].size(), 3U);
  // Number and balances come from the recap.
  BOOST_TEST(json["statements"][0]["number"] == "42");
  BOOST_TEST(json["statements"][0]["closing"]["amount"] == "1124900.50");

  const auto text = runCli({"statement", "parse", (dir / "turnover.txt").string()});
  BOOST_REQUIRE_EQUAL(text.exitCode, 0);
  BOOST_TEST(text.out.find("3 statement(s), format halcom-txt") != std::string::npos);
  BOOST_TEST(text.out.find("account 160000000018203969  number 42  date 2024-03-03") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_malformed_file_says_format_where_and_reason) {
  TempDir dir;
  const auto text = platnik::testsupport::readFile(fixture("xml/fixtures/camt053_small.xml"));
  const auto path = dir / "cut.xml";
  std::ofstream(path, std::ios::binary) << text.substr(0, 700);
  const auto run = runCli({"statement", "parse", path.string(), "--json"});
  BOOST_TEST(run.exitCode == 1);
  BOOST_TEST(run.out.empty());
  BOOST_TEST(run.err.find("camt.053") != std::string::npos, run.err);
  BOOST_TEST(run.err.find("line ") != std::string::npos, run.err);
  BOOST_TEST(run.err.find("not well-formed XML") != std::string::npos, run.err);
}

BOOST_AUTO_TEST_CASE(a_wrong_format_or_a_missing_file_is_a_usage_error) {
  const auto unknown = runCli(
      {"statement", "parse", fixture("xml/fixtures/camt053_small.xml").string(), "--format", "camt.999"});
  BOOST_TEST(unknown.exitCode == 2);
  BOOST_TEST(unknown.err.find("unknown format 'camt.999'") != std::string::npos, unknown.err);

  const auto missing = runCli({"statement", "parse", "/nonexistent/statement.xml"});
  BOOST_TEST(missing.exitCode == 2);
  BOOST_TEST(missing.err.find("cannot open") != std::string::npos, missing.err);

  // A forced format that does not fit the content is bad data, reported by that reader.
  const auto forced = runCli({"statement", "parse", fixture("xml/fixtures/camt053_small.xml").string(),
                              "--format", "mt940", "--json"});
  BOOST_TEST(forced.exitCode == 1);
  BOOST_TEST(forced.err.find("mt940") != std::string::npos, forced.err);
}

BOOST_AUTO_TEST_CASE(importing_twice_adds_nothing_the_second_time) {
  TempDir dir;
  const auto db = (dir / "company.platnik").string();
  const auto file = fixture("xml/fixtures/camt053_small.xml").string();
  const auto first = runCli({"--db", db, "statement", "import", file, "--json"});
  BOOST_REQUIRE_MESSAGE(first.exitCode == 0, first.err);
  BOOST_TEST(first.json()["ok"] == true);
  BOOST_TEST(first.json()["entries_new"] == 4);
  BOOST_TEST(first.json()["entries_already_present"] == 0);
  const auto second = runCli({"--db", db, "statement", "import", file, "--json"});
  BOOST_REQUIRE_EQUAL(second.exitCode, 0);
  BOOST_TEST(second.json()["entries_new"] == 0);
  BOOST_TEST(second.json()["entries_already_present"] == 4);
  BOOST_TEST(second.json()["files"][0]["statements"] == 1);

  const auto text = runCli({"--db", db, "statement", "import", file});
  BOOST_TEST(text.exitCode == 0);
  BOOST_TEST(text.out.find("0 new entries, 4 already present") != std::string::npos, text.out);
}

BOOST_AUTO_TEST_CASE(each_file_lands_whole_or_not_at_all) {
  TempDir dir;
  const auto db = (dir / "company.platnik").string();
  // A Halcom turnover whose recap disagrees (one entry line removed): its first statement
  // would be fine alone, but nothing of the file may stay.
  const auto turnover = halcomPair(dir);
  auto lines = platnik::testsupport::readFile(turnover);
  const auto second = lines.find("\r\n") + 2;
  const auto third = lines.find("\r\n", second) + 2;
  lines.erase(second, third - second);
  std::ofstream(turnover, std::ios::binary | std::ios::trunc) << lines;

  const auto good = fixture("xml/fixtures/camt053_small.xml").string();
  const auto run = runCli({"--db", db, "statement", "import", good, turnover});
  BOOST_TEST(run.exitCode == 1);
  BOOST_TEST(run.out.find("4 new entries") != std::string::npos, run.out);
  BOOST_TEST(
      run.err.find("turnover.txt: not imported (nothing of it was kept): halcom-txt") != std::string::npos,
      run.err);
  BOOST_TEST(run.err.find("1 of 2 files failed") != std::string::npos, run.err);

  // Nothing of the bad file: exporting its accounts' statements finds only the camt one.
  const auto exported = runCli({"--db", db, "statement", "export", "--format", "csv", "--account",
                                "160000000018203969", "--out", (dir / "out.csv").string()});
  BOOST_REQUIRE_MESSAGE(exported.exitCode == 0, exported.err);
  BOOST_TEST(entriesOf((dir / "out.csv").string()).size() == 4U);
  const auto other =
      runCli({"--db", db, "statement", "export", "--format", "csv", "--account", "325000000012345698"});
  BOOST_TEST(other.exitCode == 1);
  BOOST_TEST(other.err.find("no account") != std::string::npos, other.err);
}

BOOST_AUTO_TEST_CASE(export_camt053_reads_back_to_the_same_entries) {
  TempDir dir;
  const auto db = (dir / "company.platnik").string();
  const auto file = fixture("xml/fixtures/camt053_small.xml").string();
  BOOST_REQUIRE_EQUAL(runCli({"--db", db, "statement", "import", file}).exitCode, 0);
  const auto out = (dir / "export.xml").string();
  const auto run = runCli({"--db", db, "statement", "export", "--format", "camt.053", "--account",
                           "RS35160000000018203969", "--out", out});
  BOOST_REQUIRE_MESSAGE(run.exitCode == 0, run.err);
  const auto parsed = runCli({"statement", "parse", out, "--json"});
  BOOST_REQUIRE_EQUAL(parsed.exitCode, 0);
  BOOST_TEST(parsed.json()["format"] == "camt.053");
  BOOST_TEST(parsed.json()["statements"][0]["closing"]["amount"] == "917.18");
  BOOST_TEST(entriesOf(out) == entriesOf(file));
}

BOOST_AUTO_TEST_CASE(export_halcom_writes_turnover_and_recap_that_read_back) {
  TempDir dir;
  const auto db = (dir / "company.platnik").string();
  const auto turnover = halcomPair(dir);
  BOOST_REQUIRE_EQUAL(runCli({"--db", db, "statement", "import", turnover}).exitCode, 0);
  const auto out = (dir / "export.txt").string();
  const auto run = runCli({"--db", db, "statement", "export", "--format", "halcom-txt", "--account",
                           "160-182039-69", "--out", out});
  BOOST_REQUIRE_MESSAGE(run.exitCode == 0, run.err);
  BOOST_REQUIRE(std::filesystem::exists(dir / "export_cov.txt"));
  const auto parsed = runCli({"statement", "parse", out, "--json"});
  BOOST_REQUIRE_MESSAGE(parsed.exitCode == 0, parsed.err);
  const Json json = parsed.json();
  BOOST_REQUIRE_EQUAL(json["statements"].size(), 1U);
  BOOST_TEST(json["statements"][0]["number"] == "42");
  BOOST_TEST(json["statements"][0]["closing"]["amount"] == "1124900.50");
  const Json original = runCli({"statement", "parse", turnover, "--json"}).json();
  BOOST_TEST(json["statements"][0]["entries"] == original["statements"][0]["entries"]);

  // Without --out there is nowhere to put the recap.
  const auto noOut =
      runCli({"--db", db, "statement", "export", "--format", "halcom-txt", "--account", "160-182039-69"});
  BOOST_TEST(noOut.exitCode == 2);
}

BOOST_AUTO_TEST_CASE(export_csv_reads_back_and_honours_the_dates) {
  TempDir dir;
  const auto db = (dir / "company.platnik").string();
  const auto turnover = halcomPair(dir);
  const auto camt = fixture("xml/fixtures/camt053_small.xml").string();
  BOOST_REQUIRE_EQUAL(runCli({"--db", db, "statement", "import", turnover, camt}).exitCode, 0);

  const auto all =
      runCli({"--db", db, "statement", "export", "--format", "csv", "--account", "160000000018203969"});
  BOOST_REQUIRE_MESSAGE(all.exitCode == 0, all.err);
  const auto path = (dir / "all.csv").string();
  std::ofstream(path, std::ios::binary) << all.out;
  BOOST_TEST(entriesOf(path).size() == 8U);

  const auto late = (dir / "late.csv").string();
  const auto run = runCli({"--db", db, "statement", "export", "--format", "csv", "--account",
                           "160000000018203969", "--from", "2024-03-10", "--out", late});
  BOOST_REQUIRE_EQUAL(run.exitCode, 0);
  const Json entries = entriesOf(late);
  BOOST_REQUIRE_EQUAL(entries.size(), 4U);
  // The CSV keeps what its columns hold (no BIC column): compare amounts, parties, references.
  const Json original = entriesOf(camt);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    BOOST_TEST(entries[i]["amount"] == original[i]["amount"]);
    BOOST_TEST(entries[i]["counterparty"]["name"] == original[i]["counterparty"]["name"]);
    BOOST_TEST(entries[i]["counterparty"].value("account", "") ==
               original[i]["counterparty"].value("account", ""));
    BOOST_TEST(entries[i]["bank_reference"] == original[i]["bank_reference"]);
  }
  BOOST_TEST(runCli({"--db", db, "statement", "export", "--format", "xls", "--account", "x"}).exitCode == 2);
}

BOOST_AUTO_TEST_SUITE_END()
