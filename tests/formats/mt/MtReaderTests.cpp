// MT940/MT942 reading on fixtures of our own (tests/formats/mt/fixtures): every dialect
// feature the reader handles, and every rule it enforces on bad input.

#include "banking/formats/StatementReader.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

using namespace platnik::banking;
using namespace platnik::banking::formats;

namespace {

std::string fixture(const std::string& name) {
  return platnik::testsupport::readFile(platnik::testsupport::sourceDir() / "tests/formats/mt/fixtures" /
                                        name);
}

Result<std::vector<Statement>> parse(const std::string& bytes, std::optional<Format> format = {}) {
  std::istringstream in(bytes);
  StatementCollector collector;
  BOOST_OUTCOME_TRY(read, readStatements(in, collector, format));
  (void)read;
  return collector.take();
}

std::vector<Statement> parseOk(const std::string& bytes, std::optional<Format> format = {}) {
  auto result = parse(bytes, format);
  BOOST_TEST_REQUIRE(result.has_value(), (result ? "" : result.error().describe()));
  return result.value();
}

Error parseError(const std::string& bytes, Format format = Format::Mt940) {
  auto result = parse(bytes, format);
  BOOST_TEST_REQUIRE(result.has_error());
  return result.error();
}

std::string amount(const Money& money) {
  return money.toString();
}
std::string date(const std::optional<Date>& d) {
  return d ? toIsoString(*d) : "none";
}

/// A minimal well-formed statement around the given lines.
std::string around(const std::string& body, const std::string& closing = ":62F:C240102EUR100,00\n") {
  return ":20:T1\n:25:DE89370400440532013000\n:28C:1/1\n:60F:C240101EUR100,00\n" + body + closing + "-\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(MtReaderTests)

BOOST_AUTO_TEST_CASE(serbian_subfields_envelope_and_cp1250) {
  const auto statements = parseOk(fixture("serbian_cp1250.sta"));
  BOOST_TEST_REQUIRE(statements.size() == 1U);
  const auto& s = statements[0];
  BOOST_TEST(s.info.messageId == "IZV-2024-0017");
  BOOST_TEST(s.info.iban == "RS35105008123123123173");
  BOOST_TEST(s.info.number == "17/1");
  BOOST_TEST(amount(s.info.opening->amount) == "125000.00");
  BOOST_TEST(s.info.opening->amount.currency().code() == "RSD");
  BOOST_TEST(amount(s.info.closing->amount) == "142999.50");
  BOOST_TEST(date(s.info.date) == "2024-03-01");
  BOOST_TEST_REQUIRE(s.info.otherBalances.size() == 1U);
  BOOST_TEST((s.info.otherBalances[0].type == BalanceType::ClosingAvailable));
  BOOST_TEST_REQUIRE(s.entries.size() == 3U);

  const auto& e0 = s.entries[0];
  BOOST_TEST(amount(e0.amount) == "-12500.50");
  BOOST_TEST(e0.purpose == "Promet robe i usluga finalna potrošnja");
  BOOST_TEST(e0.paymentCode == "221");
  BOOST_TEST(e0.debitReference.empty());
  BOOST_TEST(e0.reference.model == "97");
  BOOST_TEST(e0.reference.number == "1874020210000");
  BOOST_TEST(e0.counterparty.account == "160000000000003718");
  BOOST_TEST(e0.counterparty.name == "BOGUNOVIĆ AUTO DOO ZEMUN");  // cp1250 0xC6 -> UTF-8
  BOOST_TEST(e0.counterparty.place == "ZEMUN");
  BOOST_TEST(e0.bankReference == "9400001");
  BOOST_TEST(e0.transactionCode == "221");

  const auto& e1 = s.entries[1];
  BOOST_TEST(amount(e1.amount) == "30000.00");  // "30000," has no decimals
  BOOST_TEST(e1.endToEndId == "FAKTURA-77");    // the customer's reference of :61:
  BOOST_TEST(e1.debitReference.model == "97");
  BOOST_TEST(e1.debitReference.number == "4412");
  BOOST_TEST(e1.reference.model == "00");
  BOOST_TEST(e1.reference.number == "77");
  BOOST_TEST(e1.counterparty.place == "NOVI SAD");

  const auto& e2 = s.entries[2];
  BOOST_TEST(e2.reversal);
  BOOST_TEST(amount(e2.amount) == "500.00");  // RD: a debit reversed gives money back
  BOOST_TEST(e2.endToEndId.empty());          // NONREF is no reference
}

BOOST_AUTO_TEST_CASE(german_subfields_balances_and_year_rollover) {
  const auto statements = parseOk(fixture("german_multi.sta"));
  BOOST_TEST_REQUIRE(statements.size() == 2U);
  const auto& s = statements[0];
  BOOST_TEST(s.info.account == "10020030/1234567890");
  BOOST_TEST(s.info.iban.empty());
  BOOST_TEST((s.info.opening->type == BalanceType::Opening));
  BOOST_TEST((s.info.closing->type == BalanceType::InterimClosing));
  BOOST_TEST_REQUIRE(s.entries.size() == 3U);  // the :86: after :62M: is about the statement

  const auto& e0 = s.entries[0];
  BOOST_TEST(date(e0.valueDate) == "2023-12-31");
  BOOST_TEST(date(e0.bookingDate) == "2024-01-02");  // entry date in January of the next year
  BOOST_TEST(amount(e0.amount) == "250.00");         // "CR": credit with funds code R
  BOOST_TEST(!e0.reversal);
  BOOST_TEST(e0.transactionCode == "166");  // the GVC wins over the SWIFT type
  BOOST_TEST(e0.endToEndId == "E2E-4711");
  BOOST_TEST(e0.purpose == "Rechnung 2023-12, Betrag inkl. USt");
  BOOST_TEST(e0.counterparty.bic == "DEUTDEFFXXX");
  BOOST_TEST(e0.counterparty.account == "DE89370400440532013000");
  BOOST_TEST(e0.counterparty.name == "Max Mustermann");
  BOOST_TEST(e0.bankReference == "BANKREF1");
  BOOST_TEST(e0.additionalInfo.find("GUTSCHRIFT") != std::string::npos);

  const auto& e1 = s.entries[1];
  BOOST_TEST(date(e1.valueDate) == "2024-01-02");
  BOOST_TEST(date(e1.bookingDate) == "2023-12-31");  // entry date in December of the year before
  BOOST_TEST(amount(e1.amount) == "-19.99");
  BOOST_TEST(e1.endToEndId == "KD-REF-0001");
  // A continuation line that starts with ':' but is no tag stays text; a second :86: adds on.
  BOOST_TEST(e1.purpose == "Kartenzahlung Tankstelle 22-04-2019T03:46:08 Uhr Zusatzinfo");
  BOOST_TEST(e1.counterparty.name == "TANKE GMBH");
  BOOST_TEST(e1.additionalInfo.find("/OCMT/EUR19,99/") != std::string::npos);

  const auto& e2 = s.entries[2];
  BOOST_TEST(e2.reversal);
  BOOST_TEST(amount(e2.amount) == "-5.00");  // RC: a credit reversed takes money out

  const auto& t = statements[1];
  BOOST_TEST((t.info.opening->type == BalanceType::InterimOpening));
  BOOST_TEST((t.info.closing->type == BalanceType::Closing));
  BOOST_TEST(amount(t.entries.at(0).amount) == "0.30");  // "0,3"
  BOOST_TEST_REQUIRE(t.info.otherBalances.size() == 3U);
  BOOST_TEST((t.info.otherBalances[1].type == BalanceType::ForwardAvailable));
  BOOST_TEST(date(t.info.otherBalances[2].date) == "2024-01-05");
}

BOOST_AUTO_TEST_CASE(dutch_structure_preamble_and_mixed_line_endings) {
  const auto statements = parseOk(fixture("dutch_mixed_endings.sta"));
  BOOST_TEST_REQUIRE(statements.size() == 1U);
  const auto& s = statements[0];
  BOOST_TEST(s.info.iban == "NL91ABNA0417164300");
  BOOST_TEST(s.info.currency->code() == "EUR");
  BOOST_TEST(s.info.number == "23801/1");
  BOOST_TEST_REQUIRE(s.entries.size() == 3U);

  const auto& e0 = s.entries[0];
  BOOST_TEST(e0.transactionCode == "N426");
  BOOST_TEST(e0.counterparty.account == "NL20INGB0001234567");
  BOOST_TEST(e0.counterparty.bic == "INGBNL2A");
  BOOST_TEST(e0.counterparty.name == "J.JANSEN");  // wrapped mid-word, joined as written
  BOOST_TEST(e0.purpose == "FACTUUR 2019-001");
  BOOST_TEST(e0.endToEndId.empty());  // NOTPROVIDED
  BOOST_TEST(e0.additionalInfo == "SEPA OVERBOEKING");

  const auto& e1 = s.entries[1];
  BOOST_TEST(amount(e1.amount) == "2.00");  // "2,"
  BOOST_TEST(e1.endToEndId == "ORDER-1234-E2E");
  BOOST_TEST(e1.bankReference == "B9H24XX0001");
  BOOST_TEST(e1.additionalInfo.find("ONLINE BANKING") != std::string::npos);

  const auto& e2 = s.entries[2];  // no transaction type at all (as Penta writes it)
  BOOST_TEST(amount(e2.amount) == "-20.00");
  BOOST_TEST(e2.transactionCode.empty());
  BOOST_TEST(e2.purpose == "999SEPA_STANDING_ORDER:Rent:Landlord:NL02ABNA0123456789");
}

BOOST_AUTO_TEST_CASE(other_subfield_separators) {
  const auto statements = parseOk(fixture("separators.sta"));
  BOOST_TEST_REQUIRE(statements.size() == 1U);
  const auto& s = statements[0];
  BOOST_TEST(s.info.iban == "PL61109010140000071219812874");
  BOOST_TEST_REQUIRE(s.entries.size() == 2U);
  BOOST_TEST(s.entries[0].purpose == "Faktura 12/2024 za uslugi");
  BOOST_TEST(s.entries[0].counterparty.account == "61109010140000071219812874");
  BOOST_TEST(s.entries[0].counterparty.name == "JAN NOWAK");
  BOOST_TEST(s.entries[0].transactionCode == "020");
  BOOST_TEST(s.entries[1].purpose == "OMSCHRIJVING EEN EN TWEE");
  BOOST_TEST(s.entries[1].counterparty.account == "0666666666");
  BOOST_TEST(s.entries[1].counterparty.name == "T. TEGEN");
}

BOOST_AUTO_TEST_CASE(mt942_interim_report) {
  std::istringstream in(fixture("report.mt942"));
  StatementCollector collector;
  auto format = readStatements(in, collector);
  BOOST_TEST_REQUIRE(format.has_value(), (format ? "" : format.error().describe()));
  BOOST_TEST((format.value() == Format::Mt942));
  const auto& statements = collector.statements();
  BOOST_TEST_REQUIRE(statements.size() == 1U);
  const auto& s = statements[0];
  BOOST_TEST(!s.info.opening.has_value());
  BOOST_TEST(s.info.currency->code() == "EUR");
  BOOST_TEST(date(s.info.date) == "2024-02-15");
  BOOST_TEST_REQUIRE(s.entries.size() == 2U);
  BOOST_TEST(amount(s.entries[0].amount) == "-12.50");
  BOOST_TEST(s.entries[0].purpose == "Miete Februar");
  BOOST_TEST(s.entries[0].counterparty.name == "Vermieter GmbH");
  BOOST_TEST(amount(s.entries[1].amount) == "100.00");
}

BOOST_AUTO_TEST_CASE(several_messages_without_trailers_and_blank_lines) {
  const std::string one =
      ":20:A\n:25:X/1\n:28C:1\n:60F:C240101EUR1,00\n\n:61:240101C1,00NTRFNONREF\n:62F:C240101EUR2,00\n";
  const auto statements = parseOk(one + one, Format::Mt940);
  BOOST_TEST(statements.size() == 2U);
}

BOOST_AUTO_TEST_CASE(statement_level_information_is_no_entry) {
  const auto statements = parseOk(around(":61:240102C1,00NTRFNONREF\n:86:166?20Zins\n",
                                         ":62F:C240102EUR101,00\n:86:D000001C000000D0,00C1,00\n"));
  BOOST_TEST_REQUIRE(statements.at(0).entries.size() == 1U);
  BOOST_TEST(statements[0].entries[0].purpose == "Zins");
}

BOOST_AUTO_TEST_CASE(rejects_unknown_tag) {
  const auto error = parseError(around(":61:240102C1,00NTRFNONREF\n:86:text\n:12:11\n"));
  BOOST_TEST((error.code == Errc::MalformedFile));
  BOOST_TEST(error.message.find("unknown tag :12:") != std::string::npos);
  BOOST_TEST(error.where == "line 7");
}

BOOST_AUTO_TEST_CASE(rejects_tag_out_of_order) {
  const auto error = parseError(":20:T1\n:28C:1\n:25:X/1\n:60F:C240101EUR1,00\n:62F:C240101EUR1,00\n-\n");
  BOOST_TEST(error.message.find("out of order") != std::string::npos);
  BOOST_TEST(error.where == "line 3");
  const auto again = parseError(around(":61:240102C1,00NTRFNONREF\n:25:X/2\n"));
  BOOST_TEST(again.where == "line 6");
}

BOOST_AUTO_TEST_CASE(rejects_impossible_dates) {
  const auto error = parseError(around(":61:2402300230D1,00NTRFNONREF\n"));
  BOOST_TEST(error.message.find("240230") != std::string::npos);
  BOOST_TEST(error.where == "line 5");
  const auto entry = parseError(around(":61:2402280230D1,00NTRFNONREF\n"));
  BOOST_TEST(entry.message.find("entry date") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(rejects_bad_amounts) {
  BOOST_TEST(parseError(around(":61:240102C1.00NTRFNONREF\n")).message.find("amount") != std::string::npos);
  BOOST_TEST(parseError(around(":61:240102C1,001NTRFNONREF\n")).message.find("amount") != std::string::npos);
  BOOST_TEST(parseError(":20:T\n:25:X\n:28C:1\n:60F:C240101EUR1,0,0\n:62F:C240101EUR1,00\n-\n").where ==
             "line 4");
  BOOST_TEST(parseError(":20:T\n:25:X\n:28C:1\n:60F:C240101XXQ1,00\n:62F:C240101EUR1,00\n-\n")
                 .message.find("currency") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(rejects_lines_without_account_or_opening) {
  const auto error =
      parseError(":20:T1\n:25:X/1\n:28C:1\n:61:240102C1,00NTRFNONREF\n:62F:C240101EUR1,00\n-\n");
  BOOST_TEST(error.message.find("opening balance") != std::string::npos);
  BOOST_TEST(error.where == "line 4");
}

BOOST_AUTO_TEST_CASE(rejects_message_without_closing_balance) {
  // The first message is complete, the second is not: the reader fails at the second's end
  // (the caller discards what the sink received: the reader streams).
  const std::string good = around(":61:240102C1,00NTRFNONREF\n", ":62F:C240102EUR101,00\n");
  const std::string bad = ":20:T2\n:25:X/1\n:28C:2\n:60F:C240101EUR1,00\n:61:240102C1,00NTRFNONREF\n-\n";
  std::istringstream in(good + bad);
  StatementCollector collector;
  auto result = readStatements(in, collector, Format::Mt940);
  BOOST_TEST_REQUIRE(result.has_error());
  BOOST_TEST(result.error().message.find("closing balance") != std::string::npos);
  BOOST_TEST(result.error().where.starts_with("line "));
  BOOST_TEST_REQUIRE(!collector.statements().empty());
  BOOST_TEST(collector.statements()[0].info.closing.has_value());
}

BOOST_AUTO_TEST_CASE(rejects_overlong_information) {
  std::string details = ":86:166?20";
  for (int line = 0; line < 8; ++line) {
    details += std::string(60, 'X') + "\n";
  }
  const auto error = parseError(around(":61:240102C1,00NTRFNONREF\n" + details));
  BOOST_TEST(error.message.find(":86:") != std::string::npos);
  BOOST_TEST(error.where == "line 6");
}

BOOST_AUTO_TEST_CASE(rejects_files_without_messages_and_stray_tags) {
  BOOST_TEST(parseError("hello\nworld\n").message.find("no MT940 message") != std::string::npos);
  BOOST_TEST(parseError(":61:110701CN50,00NZ10NONREF\n-\n").message.find("before the start") !=
             std::string::npos);
  BOOST_TEST(parseError(":9401:\n:20:X\n").message.find("not a SWIFT field tag") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(rejects_bytes_invalid_in_the_encoding) {
  // 0x81 is undefined in cp1250, the encoding a non-UTF-8 Latin file is taken to be.
  const auto error = parseError(around(":61:240102C1,00NTRFNONREF\n:86:bel\x81li\n"));
  BOOST_TEST(error.where == "line 6");
  BOOST_TEST(error.message.find("0x81") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(reads_latin1_text_after_an_ascii_start) {
  // The first 64 KiB are plain ASCII: the encoding is decided by the first line that is not.
  std::string body;
  for (int i = 0; i < 2000; ++i) {
    body += ":61:240102C1,00NTRFNONREF\n:86:166?20Zahlung Nummer 1234567890\n";
  }
  // German umlauts have the same bytes in ISO-8859-1 and cp1250.
  body +=
      ":61:240102C1,00NTRFNONREF\n:86:166?20Miete f\xFCr M\xFCller, Hauptstra\xDF"
      "e 5\n";
  const auto statements = parseOk(around(body, ":62F:C240102EUR2101,00\n"), Format::Mt940);
  BOOST_TEST(statements.at(0).entries.back().purpose == "Miete für Müller, Hauptstraße 5");
}

BOOST_AUTO_TEST_SUITE_END()
