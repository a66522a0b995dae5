#include "HalcomTestUtil.h"
#include "banking/formats/Csv.h"
#include "banking/formats/Format.h"
#include "banking/formats/HalcomTxt.h"

#include <boost/test/unit_test.hpp>

#include <sstream>

using namespace platnik::banking;
using namespace platnik::halcomtest;

namespace {

const std::string kSerbianHeader =
    "booking_date;value_date;amount;currency;counterparty_name;counterparty_account;counterparty_place;"
    "purpose;"
    "payment_code;debit_model;debit_reference;credit_model;credit_reference;end_to_end_id;bank_reference;"
    "transaction_code;reversal;account;statement_number\r\n";

Statement smallStatement() {
  Statement s;
  s.info.account = "160000000018203969";
  s.info.number = "42";
  s.info.currency = Currency::rsd();
  Entry e;
  e.bookingDate = ymd(2024, 3, 3);
  e.valueDate = ymd(2024, 3, 2);
  e.amount = rsd(-123456789);
  e.counterparty = Counterparty{"Đorđević; \"Sinovi\"", "205000000001234510", "Niš", ""};
  e.purpose = "Zakup\r\nza mart";
  e.paymentCode = "221";
  e.debitReference = Reference{"00", "2024-17"};
  e.reference = Reference{"97", "4521750940-2204"};
  e.endToEndId = "E2E-1";
  e.bankReference = "24063000123//000002";
  e.transactionCode = "10";
  s.entries.push_back(e);
  Entry small;
  small.bookingDate = ymd(2024, 3, 3);
  small.amount = rsd(50);
  small.reversal = true;
  s.entries.push_back(small);
  return s;
}

std::string csv(const std::vector<Statement>& statements, formats::CsvOptions options) {
  std::ostringstream out;
  auto result = formats::writeCsv(out, statements, options);
  HALCOM_REQUIRE_OK(result);
  return out.str();
}

Result<std::vector<Statement>> readBack(const std::string& text) {
  std::istringstream in(text);
  return formats::readCsv(in);
}

void expectMalformed(const std::string& text, const std::string& where, const std::string& reason) {
  auto read = readBack(text);
  BOOST_REQUIRE_MESSAGE(!read, "accepted; expected: " << reason);
  BOOST_TEST((read.error().code == Errc::MalformedFile));
  BOOST_TEST(read.error().where == where);
  BOOST_TEST(read.error().message.find(reason) != std::string::npos, read.error().message);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(CsvTests)

BOOST_AUTO_TEST_CASE(SerbianStyleWithByteOrderMark) {
  const std::string text = csv({smallStatement()}, {formats::CsvStyle::Serbian, true});
  const std::string expected =
      "\xEF\xBB\xBF" + kSerbianHeader +
      "03.03.2024;02.03.2024;-1.234.567,89;RSD;\"Đorđević; "
      "\"\"Sinovi\"\"\";205000000001234510;Niš;\"Zakup\r\nza "
      "mart\";221;00;2024-17;97;4521750940-2204;E2E-1;24063000123//000002;10;0;160000000018203969;42\r\n"
      "03.03.2024;;0,50;RSD;;;;;;;;;;;;;1;160000000018203969;42\r\n";
  BOOST_TEST(text == expected);
}

BOOST_AUTO_TEST_CASE(MachineStyle) {
  const std::string text = csv({smallStatement()}, {formats::CsvStyle::Machine, false});
  const std::string expected =
      "booking_date,value_date,amount,currency,counterparty_name,counterparty_account,counterparty_place,"
      "purpose,"
      "payment_code,debit_model,debit_reference,credit_model,credit_reference,end_to_end_id,bank_reference,"
      "transaction_code,reversal,account,statement_number\r\n"
      "2024-03-03,2024-03-02,-1234567.89,RSD,\"Đorđević; "
      "\"\"Sinovi\"\"\",205000000001234510,Niš,\"Zakup\r\nza "
      "mart\",221,00,2024-17,97,4521750940-2204,E2E-1,24063000123//000002,10,0,160000000018203969,42\r\n"
      "2024-03-03,,0.50,RSD,,,,,,,,,,,,,1,160000000018203969,42\r\n";
  BOOST_TEST(text == expected);
}

BOOST_AUTO_TEST_CASE(NoStatementsGiveTheHeaderOnly) {
  BOOST_TEST(csv({}, {}) == kSerbianHeader);
}

BOOST_AUTO_TEST_CASE(BothStylesRoundTrip) {
  for (const auto style : {formats::CsvStyle::Serbian, formats::CsvStyle::Machine}) {
    for (const bool bom : {false, true}) {
      const Statement s = smallStatement();
      auto read = readBack(csv({s}, {style, bom}));
      HALCOM_REQUIRE_OK(read);
      BOOST_REQUIRE_EQUAL(read.value().size(), 1u);
      const Statement& back = read.value()[0];
      BOOST_TEST(back.info.account == s.info.account);
      BOOST_TEST(back.info.number == s.info.number);
      BOOST_TEST((back.info.currency == s.info.currency));
      BOOST_TEST((back.entries == s.entries));
    }
  }
}

BOOST_AUTO_TEST_CASE(HalcomStatementsRoundTripThroughCsv) {
  std::istringstream turnover(fixtureBytes("turnover_cp1250.txt"));
  std::istringstream recap(fixtureBytes("turnover_cp1250_cov.txt"));
  auto statements = formats::readHalcomStatementWithRecap(turnover, recap);
  HALCOM_REQUIRE_OK(statements);
  auto read = readBack(csv(statements.value(), {}));
  HALCOM_REQUIRE_OK(read);
  // The third statement has no entries, so no rows.
  BOOST_REQUIRE_EQUAL(read.value().size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    BOOST_TEST((read.value()[i].entries == statements.value()[i].entries));
    BOOST_TEST(read.value()[i].info.number == statements.value()[i].info.number);
  }
}

BOOST_AUTO_TEST_CASE(TheWriterFeedsFromAnyReaderAsASink) {
  std::istringstream in(fixtureBytes("extended_cp1250.txt"));
  std::ostringstream out;
  formats::CsvWriter writer(out, {formats::CsvStyle::Machine, false});
  HALCOM_REQUIRE_OK(formats::readStatements(in, writer));
  HALCOM_REQUIRE_OK(writer.finish());
  auto read = readBack(out.str());
  HALCOM_REQUIRE_OK(read);
  BOOST_REQUIRE_EQUAL(read.value().size(), 2u);
  BOOST_TEST(read.value()[0].entries[0].amount == rsd(-123456789));
  BOOST_TEST(read.value()[1].info.number == "43");
}

BOOST_AUTO_TEST_CASE(PlatnikCsvIsDetectedFromItsHeader) {
  for (const auto style : {formats::CsvStyle::Serbian, formats::CsvStyle::Machine}) {
    auto detected = formats::detectFormat(csv({smallStatement()}, {style, true}));
    HALCOM_REQUIRE_OK(detected);
    BOOST_TEST((detected.value() == formats::Format::Csv));
  }
}

BOOST_AUTO_TEST_CASE(FixturesOfBothStylesRead) {
  std::istringstream serbian(fixtureBytes("entries_serbian.csv"));
  auto read = formats::readCsv(serbian);
  HALCOM_REQUIRE_OK(read);
  BOOST_REQUIRE_EQUAL(read.value().size(), 2u);  // statement 42, then 43
  const Entry& e = read.value()[0].entries.at(0);
  BOOST_TEST(e.amount == rsd(-123456789));
  BOOST_TEST(e.counterparty.name == "Đorđević; \"Sinovi\"");
  BOOST_TEST(e.purpose == "Zakup\r\nza mart");  // a line break inside quotes is kept as written
  BOOST_TEST((e.valueDate == ymd(2024, 3, 2)));
  BOOST_TEST(read.value()[1].info.number == "43");
  BOOST_TEST(read.value()[1].entries.at(0).reversal);
  BOOST_TEST(!read.value()[1].entries.at(0).valueDate.has_value());

  std::istringstream machine(fixtureBytes("entries_machine.csv"));
  auto machineRead = formats::readCsv(machine);
  HALCOM_REQUIRE_OK(machineRead);
  const Statement& s = machineRead.value().at(0);
  BOOST_TEST(s.info.currency->code() == "EUR");
  BOOST_TEST(s.info.account == "160-000000018203969");
  BOOST_TEST(s.entries.at(0).amount == Money(20050, Currency::eur()));
  BOOST_TEST(s.entries.at(0).counterparty.place == "München");
}

BOOST_AUTO_TEST_CASE(MalformedCsv) {
  const std::string good = csv({smallStatement()}, {});
  expectMalformed("date;amount\r\n", "line 1", "not Platnik's");
  expectMalformed(kSerbianHeader.substr(0, kSerbianHeader.size() - 20) + "\r\n", "line 1", "columns");
  std::string badAmount = good;
  badAmount.replace(badAmount.find("-1.234.567,89"), 13, "-1,234,567.89");
  expectMalformed(badAmount, "line 2, column amount", "-1,234,567.89");
  std::string badDate = good;
  badDate.replace(badDate.find("02.03.2024"), 10, "2024-03-02");
  expectMalformed(badDate, "line 2, column value_date", "DD.MM.YYYY");
  std::string badReversal = good;
  badReversal.replace(badReversal.rfind(";1;"), 3, ";x;");
  expectMalformed(badReversal, "line 4, column reversal", "neither 0 nor 1");
  std::string missingField = good;
  missingField.replace(missingField.rfind(";42"), 3, "");
  expectMalformed(missingField, "line 4", "18 fields");
  std::string strayQuote = good;
  strayQuote.replace(strayQuote.find("E2E-1"), 5, "E2\"-1");
  expectMalformed(strayQuote, "line 2", "quote in the middle");
  expectMalformed(kSerbianHeader + "03.03.2024;;\"0,50", "line 2", "ends inside a quoted field");
  expectMalformed(kSerbianHeader + std::string(3 << 20, 'x'), "line 2", "longer than a megabyte");
  std::string badCurrency = good;
  badCurrency.replace(badCurrency.rfind("RSD"), 3, "XYZ");
  expectMalformed(badCurrency, "line 4, column currency", "XYZ");
}

BOOST_AUTO_TEST_SUITE_END()
