#include "XmlTestSupport.h"
#include "banking/formats/Format.h"

#include <boost/test/unit_test.hpp>

using namespace platnik::banking;
using namespace platnik::formats_xml_tests;
using formats::Format;

BOOST_AUTO_TEST_SUITE(SerbianXmlTests)

BOOST_AUTO_TEST_CASE(asseco_statement_list) {
  const auto parsed = parseFile(fixture("asseco_list.xml"));
  BOOST_REQUIRE_MESSAGE(parsed.has_value(), why(parsed));
  BOOST_CHECK(parsed.value().format == Format::AssecoXml);
  const auto& statements = parsed.value().statements;
  BOOST_REQUIRE_EQUAL(statements.size(), 2U);

  const Statement& first = statements[0];
  BOOST_CHECK_EQUAL(first.info.account, "160000000018203969");
  BOOST_CHECK_EQUAL(first.info.number, "12");
  BOOST_CHECK_EQUAL(first.info.currency->code(), "RSD");        // curdef DIN
  BOOST_CHECK_EQUAL(first.info.opening->amount, money("500"));  // ledgerbal: the previous closing
  BOOST_CHECK_EQUAL(iso(first.info.opening->date), "2024-03-28");
  BOOST_CHECK_EQUAL(first.info.closing->amount, money("1500"));  // availbal
  BOOST_CHECK_EQUAL(iso(first.info.date), "2024-03-29");
  BOOST_REQUIRE_EQUAL(first.entries.size(), 1U);
  const Entry& credit = first.entries[0];
  BOOST_CHECK_EQUAL(credit.amount, money("1000"));
  BOOST_CHECK_EQUAL(credit.bankReference, "FIT-1");
  BOOST_CHECK_EQUAL(credit.counterparty.name, "Kupac doo");
  BOOST_CHECK_EQUAL(credit.counterparty.place, "Niš");
  BOOST_CHECK_EQUAL(credit.counterparty.account, "205000000010804045");
  BOOST_CHECK_EQUAL(credit.purpose, "Uplata po računu 5");
  BOOST_CHECK_EQUAL(credit.paymentCode, "221");
  // On a credit the account owner's reference is the credit ("odobrenja") one.
  BOOST_CHECK_EQUAL(credit.reference.model, "97");
  BOOST_CHECK_EQUAL(credit.reference.number, "1234");
  BOOST_CHECK_EQUAL(credit.debitReference.number, "55");

  const Entry& debit = statements[1].entries.at(0);
  BOOST_CHECK_EQUAL(debit.amount, money("-200.01"));
  BOOST_CHECK_EQUAL(debit.reference.model, "97");  // the payee's on a debit
  BOOST_CHECK_EQUAL(debit.reference.number, "111-222");
  BOOST_CHECK(debit.debitReference.empty());
  BOOST_CHECK_EQUAL(statements[1].info.closing->amount, money("1299.99"));
}

BOOST_AUTO_TEST_CASE(asseco_notification_in_windows_1250) {
  const auto parsed = parseFile(fixture("asseco_notification_cp1250.xml"));
  BOOST_REQUIRE_MESSAGE(parsed.has_value(), why(parsed));
  const Statement& statement = parsed.value().statements.at(0);
  BOOST_CHECK_EQUAL(statement.info.number, "14");
  const Entry& entry = statement.entries.at(0);
  BOOST_CHECK_EQUAL(entry.counterparty.name, "Đorđe Šćepanović");
  BOOST_CHECK_EQUAL(entry.counterparty.place, "Čačak");
  BOOST_CHECK_EQUAL(entry.purpose, "Pozajmica žiro");
  BOOST_CHECK_EQUAL(entry.counterparty.account, "160000000000000367");  // short form padded
  BOOST_CHECK_EQUAL(entry.amount, money("10"));
}

BOOST_AUTO_TEST_CASE(asseco_errors) {
  const auto status =
      parseText("<stmtrs><status><code>42</code><severity>ERROR</severity></status></stmtrs>");
  BOOST_REQUIRE(!status);
  BOOST_CHECK(status.error().message.find("status 42") != std::string::npos);
  const auto benefit = parseText(
      "<stmtrs><curdef>DIN</curdef><trnlist><stmttrn><benefit>maybe</benefit><trnamt>1</trnamt></stmttrn></"
      "trnlist>"
      "</stmtrs>");
  BOOST_REQUIRE(!benefit);
  BOOST_CHECK(benefit.error().message.find("maybe") != std::string::npos);
  BOOST_CHECK(benefit.error().where.find("stmttrn") != std::string::npos);
  const auto amount = parseText(
      "<stmtrs><curdef>DIN</curdef><trnlist><stmttrn><benefit>credit</benefit><trnamt>1,5</trnamt></stmttrn>"
      "</trnlist></stmtrs>");
  BOOST_REQUIRE(!amount);
  BOOST_CHECK(amount.error().message.find("1,5") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(rol_dinar_statement_with_storno) {
  const auto parsed = parseFile(fixture("rol_dinar.xml"));
  BOOST_REQUIRE_MESSAGE(parsed.has_value(), why(parsed));
  BOOST_CHECK(parsed.value().format == Format::RolXml);
  const Statement& statement = parsed.value().statements.at(0);
  BOOST_CHECK_EQUAL(statement.info.account, "265110031000008888");
  BOOST_CHECK_EQUAL(statement.info.number, "5");
  BOOST_CHECK_EQUAL(iso(statement.info.date), "2024-04-02");
  BOOST_CHECK_EQUAL(statement.info.opening->amount, money("1000"));
  BOOST_CHECK_EQUAL(statement.info.closing->amount, money("850.50"));
  BOOST_REQUIRE_EQUAL(statement.entries.size(), 3U);
  const Entry& credit = statement.entries[0];
  BOOST_CHECK_EQUAL(credit.amount, money("250.50"));
  BOOST_CHECK_EQUAL(iso(credit.bookingDate), "2024-04-02");  // the statement's date
  BOOST_CHECK_EQUAL(iso(credit.valueDate), "2024-04-01");
  BOOST_CHECK_EQUAL(credit.counterparty.name, "KUPAC DOO");
  BOOST_CHECK_EQUAL(credit.counterparty.place, "NOVI SAD");
  BOOST_CHECK_EQUAL(credit.bankReference, "R-1");
  BOOST_CHECK_EQUAL(credit.reference.model, "97");
  BOOST_CHECK_EQUAL(credit.reference.number, "12-34");
  BOOST_CHECK_EQUAL(credit.debitReference.number, "9009");
  BOOST_CHECK(!credit.reversal);
  // A negative Potrazuje is a storno: it keeps its sign.
  const Entry& storno = statement.entries[1];
  BOOST_CHECK_EQUAL(storno.amount, money("-100"));
  BOOST_CHECK(storno.reversal);
  const Entry& debit = statement.entries[2];
  BOOST_CHECK_EQUAL(debit.amount, money("-300"));
  BOOST_CHECK_EQUAL(debit.counterparty.account, "160000000000000367");
  BOOST_CHECK_EQUAL(debit.reference.number, "55-66");  // the recipient's reference on a debit
  // The balance equation holds.
  Money sum = statement.info.opening->amount;
  for (const Entry& entry : statement.entries) {
    sum = sum.plus(entry.amount).value();
  }
  BOOST_CHECK_EQUAL(sum, statement.info.closing->amount);
}

BOOST_AUTO_TEST_CASE(rol_foreign_currency_statement) {
  const auto parsed = parseFile(fixture("rol_foreign.xml"));
  BOOST_REQUIRE_MESSAGE(parsed.has_value(), why(parsed));
  const Statement& statement = parsed.value().statements.at(0);
  BOOST_CHECK_EQUAL(statement.info.currency->code(), "EUR");
  BOOST_CHECK_EQUAL(statement.info.iban, "RS35265100000000066666");
  BOOST_CHECK_EQUAL(iso(statement.info.opening->date), "2024-03-29");
  BOOST_CHECK_EQUAL(statement.info.closing->amount, money("139.75", "EUR"));
  BOOST_REQUIRE_EQUAL(statement.entries.size(), 2U);
  const Entry& inflow = statement.entries[0];
  BOOST_CHECK_EQUAL(inflow.amount, money("50", "EUR"));
  BOOST_CHECK_EQUAL(inflow.purpose, "INVOICE 9");
  BOOST_CHECK_EQUAL(inflow.counterparty.account, "GB29NWBK60161331926819");
  BOOST_CHECK_EQUAL(inflow.paymentCode, "506");
  BOOST_CHECK_EQUAL(inflow.transactionCode, "310111");
  const Entry& fee = statement.entries[1];
  BOOST_CHECK_EQUAL(fee.amount, money("-10.25", "EUR"));
  BOOST_CHECK_EQUAL(fee.purpose, "Provizija");
  BOOST_CHECK_EQUAL(iso(fee.valueDate), "2024-04-03");
  BOOST_CHECK_EQUAL(iso(fee.bookingDate), "2024-04-02");
}

BOOST_AUTO_TEST_CASE(rol_errors) {
  const auto noHeader =
      parseText("<TransakcioniRacunPrivredaIzvod><Stavke Duguje=\"1\"/></TransakcioniRacunPrivredaIzvod>");
  BOOST_REQUIRE(!noHeader);
  BOOST_CHECK(noHeader.error().message.find("Zaglavlje") != std::string::npos);
  const auto badDate = parseText(
      "<TransakcioniRacunPrivredaIzvod><Zaglavlje "
      "DatumIzvoda=\"31.02.2024\"/></TransakcioniRacunPrivredaIzvod>");
  BOOST_REQUIRE(!badDate);
  BOOST_CHECK(badDate.error().message.find("DatumIzvoda") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
