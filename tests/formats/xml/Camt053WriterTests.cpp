#include "banking/Statement.h"
#include "banking/formats/Camt053Writer.h"
#include "banking/formats/HalcomTxt.h"
#include "banking/formats/StatementReader.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace banking = platnik::banking;
namespace formats = platnik::banking::formats;

namespace {

const formats::Camt053Header kHeader{"PLATNIK-TEST-1",
                                     std::chrono::sys_seconds{std::chrono::seconds{1711700000}}};

std::vector<banking::Statement> read(std::istream& in) {
  banking::StatementCollector collector;
  auto format = formats::readStatements(in, collector);
  BOOST_REQUIRE_MESSAGE(format, (format ? std::string() : format.error().describe()));
  BOOST_TEST((format.value() == formats::Format::Camt053));
  return collector.take();
}

std::vector<banking::Statement> fixture(const std::string& relative) {
  std::ifstream in(platnik::testsupport::sourceDir() / "tests/formats" / relative, std::ios::binary);
  banking::StatementCollector collector;
  BOOST_REQUIRE(formats::readStatements(in, collector));
  return collector.take();
}

std::vector<banking::Statement> roundTrip(const std::vector<banking::Statement>& statements) {
  auto written = formats::writeCamt053(statements, kHeader);
  BOOST_REQUIRE_MESSAGE(written, (written ? std::string() : written.error().describe()));
  std::istringstream in(written.value());
  return read(in);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(Camt053WriterTests)

BOOST_AUTO_TEST_CASE(a_camt053_reads_back_to_the_same_entries_and_balances) {
  const auto original = fixture("xml/fixtures/camt053_small.xml");
  const auto back = roundTrip(original);
  BOOST_REQUIRE_EQUAL(back.size(), original.size());
  BOOST_TEST((back[0].entries == original[0].entries));
  BOOST_TEST(back[0].info.iban == original[0].info.iban);
  BOOST_TEST(back[0].info.number == original[0].info.number);
  BOOST_TEST((back[0].info.date == original[0].info.date));
  BOOST_TEST((back[0].info.opening == original[0].info.opening));
  BOOST_TEST((back[0].info.closing == original[0].info.closing));
  BOOST_TEST((back[0].info.otherBalances == original[0].info.otherBalances));
  BOOST_TEST(back[0].info.messageId == kHeader.messageId);
}

BOOST_AUTO_TEST_CASE(halcom_entries_keep_everything_but_the_debit_reference) {
  std::ifstream turnover(
      platnik::testsupport::sourceDir() / "tests/formats/halcom/fixtures/turnover_cp1250.txt",
      std::ios::binary);
  std::ifstream recap(
      platnik::testsupport::sourceDir() / "tests/formats/halcom/fixtures/turnover_cp1250_cov.txt",
      std::ios::binary);
  banking::StatementCollector collector;
  BOOST_REQUIRE(formats::readHalcomStatementWithRecap(turnover, recap, collector));
  auto original = collector.take();
  const auto back = roundTrip(original);
  BOOST_REQUIRE_EQUAL(back.size(), original.size());
  for (std::size_t i = 0; i < original.size(); ++i) {
    for (auto& entry : original[i].entries) {
      entry.debitReference = {};  // camt.053 has no field for it (docs/formats.md)
    }
    BOOST_TEST((back[i].entries == original[i].entries));
    BOOST_TEST(back[i].info.iban == original[i].info.iban);
    BOOST_TEST((back[i].info.closing->amount == original[i].info.closing->amount));
  }
}

BOOST_AUTO_TEST_CASE(a_long_purpose_is_split_into_schema_sized_pieces) {
  auto statements = fixture("xml/fixtures/camt053_small.xml");
  std::string purpose;
  for (int i = 0; i < 36; ++i) {
    purpose += "Račun";  // 5 characters in 6 bytes: 180 characters, cut by characters, not bytes
  }
  statements[0].entries[0].purpose = purpose;
  const auto written = formats::writeCamt053(statements, kHeader);
  BOOST_REQUIRE(written);
  const std::string first = purpose.substr(0, 28 * 6);  // 140 characters
  const std::string rest = purpose.substr(28 * 6);
  BOOST_TEST(written.value().find("<Ustrd>" + first + "</Ustrd>") != std::string::npos);
  BOOST_TEST(written.value().find("<Ustrd>" + rest + "</Ustrd>") != std::string::npos);
  const auto back = roundTrip(statements);
  BOOST_TEST(back[0].entries[0].purpose == first + " " + rest);  // the reader joins pieces with a space
}

BOOST_AUTO_TEST_CASE(what_camt053_cannot_hold_is_refused) {
  auto statements = fixture("xml/fixtures/camt053_small.xml");
  auto noBalance = statements;
  noBalance[0].info.opening.reset();
  noBalance[0].info.closing.reset();
  auto refused = formats::writeCamt053(noBalance, kHeader);
  BOOST_REQUIRE(!refused);
  BOOST_TEST(refused.error().where == "statement 1");
  BOOST_TEST(refused.error().message.find("balance") != std::string::npos);

  auto noDate = statements;
  noDate[0].info.date.reset();
  BOOST_TEST(!formats::writeCamt053(noDate, kHeader));

  BOOST_TEST(!formats::writeCamt053(statements, {std::string(36, 'X'), kHeader.creationTime}));

  // The schema itself is checked: a payment code longer than Max35Text does not validate.
  auto longCode = statements;
  longCode[0].entries[0].paymentCode = std::string(36, '1');
  auto invalid = formats::writeCamt053(longCode, kHeader);
  BOOST_REQUIRE(!invalid);
  BOOST_TEST((invalid.error().code == banking::Errc::InvalidArgument));
  BOOST_TEST(invalid.error().message.find("do not make a valid camt.053") != std::string::npos,
             invalid.error().message);
}

BOOST_AUTO_TEST_SUITE_END()
