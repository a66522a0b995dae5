#include "XmlTestSupport.h"
#include "banking/formats/Format.h"
#include "banking/formats/StatementReader.h"

#include <boost/test/unit_test.hpp>

#include <sstream>

using namespace platnik::banking;
using namespace platnik::formats_xml_tests;
using formats::Format;

BOOST_AUTO_TEST_SUITE(CamtTests)

BOOST_AUTO_TEST_CASE(camt053_statement_header_and_balances) {
  const auto parsed = parseFile(fixture("camt053_small.xml"));
  BOOST_REQUIRE_MESSAGE(parsed.has_value(), why(parsed));
  BOOST_CHECK(parsed.value().format == Format::Camt053);
  const auto& statements = parsed.value().statements;
  BOOST_REQUIRE_EQUAL(statements.size(), 1U);
  const StatementInfo& info = statements[0].info;
  BOOST_CHECK_EQUAL(info.iban, "RS35160000000018203969");
  BOOST_CHECK_EQUAL(info.account, "RS35160000000018203969");
  BOOST_CHECK_EQUAL(info.number, "42");  // ElctrncSeqNb before Id
  BOOST_CHECK_EQUAL(info.messageId, "STMT-2024-0042");
  BOOST_CHECK_EQUAL(iso(info.date), "2024-03-29");  // the period's end, not the creation time
  BOOST_REQUIRE(info.currency);
  BOOST_CHECK_EQUAL(info.currency->code(), "RSD");
  BOOST_REQUIRE(info.opening && info.closing);
  BOOST_CHECK_EQUAL(info.opening->amount, money("-1000.00"));
  BOOST_CHECK_EQUAL(iso(info.opening->date), "2024-03-28");
  BOOST_CHECK_EQUAL(info.closing->amount, money("917.18"));
  BOOST_CHECK_EQUAL(iso(info.closing->date), "2024-03-29");
  BOOST_REQUIRE_EQUAL(info.otherBalances.size(), 1U);
  BOOST_CHECK(info.otherBalances[0].type == BalanceType::ClosingAvailable);
  BOOST_CHECK_EQUAL(info.otherBalances[0].amount, money("4750"));
}

BOOST_AUTO_TEST_CASE(camt053_entries_batch_reversal_return) {
  const auto parsed = parseFile(fixture("camt053_small.xml"));
  BOOST_REQUIRE(parsed);
  const auto& entries = parsed.value().statements.at(0).entries;
  // 1 single entry + a batch of 2 transactions + 1 return = 4 entries.
  BOOST_REQUIRE_EQUAL(entries.size(), 4U);

  const Entry& debit = entries[0];
  BOOST_CHECK_EQUAL(debit.amount, money("-1200.00"));
  BOOST_CHECK_EQUAL(iso(debit.bookingDate), "2024-03-29");
  BOOST_CHECK_EQUAL(debit.bankReference, "BANK-REF-1");
  BOOST_CHECK_EQUAL(debit.endToEndId, "E2E-0001");
  BOOST_CHECK_EQUAL(debit.counterparty.name, "Dobavljač d.o.o.");  // the creditor on a debit
  BOOST_CHECK_EQUAL(debit.counterparty.place, "Čačak");
  BOOST_CHECK_EQUAL(debit.counterparty.account, "RS35265110031000008888");
  BOOST_CHECK_EQUAL(debit.purpose, "Račun 12/2024 i avans");
  BOOST_CHECK_EQUAL(debit.paymentCode, "221");
  BOOST_CHECK_EQUAL(debit.reference.model, "97");
  BOOST_CHECK_EQUAL(debit.reference.number, "12-345-678");
  BOOST_CHECK_EQUAL(debit.transactionCode, "PMNT/ICDT/DMCT");
  BOOST_CHECK(!debit.reversal);

  // The batch: one entry per TxDtls with its own amount; they add up to the Ntry amount.
  const Entry& first = entries[1];
  const Entry& second = entries[2];
  BOOST_CHECK_EQUAL(first.amount, money("1000.25"));
  BOOST_CHECK_EQUAL(second.amount, money("1999.75"));
  BOOST_CHECK_EQUAL(first.amount.plus(second.amount).value(), money("3000.00"));
  BOOST_CHECK_EQUAL(first.counterparty.name, "Kupac Jedan");  // the debtor on a credit
  BOOST_CHECK_EQUAL(first.counterparty.account, "205000000010804045");
  BOOST_CHECK_EQUAL(first.reference.model, "RF");
  BOOST_CHECK_EQUAL(first.reference.number, "18539007547034");
  BOOST_CHECK_EQUAL(first.endToEndId, "B-1");
  BOOST_CHECK_EQUAL(second.endToEndId, "B-2");
  BOOST_CHECK_EQUAL(second.purpose, "Uplata po fakturi 7");
  BOOST_CHECK_EQUAL(first.bankReference, "BANK-BATCH-7");
  BOOST_CHECK_EQUAL(second.transactionCode, "NTRF+166");
  BOOST_CHECK_EQUAL(iso(second.valueDate), "2024-03-28");

  // A reversal keeps the sign its CdtDbtInd gives; the parties are the original transfer's.
  const Entry& back = entries[3];
  BOOST_CHECK(back.reversal);
  BOOST_CHECK_EQUAL(back.amount, money("117.18"));
  BOOST_CHECK_EQUAL(iso(back.bookingDate), "2024-03-29");  // from a DtTm
  BOOST_CHECK_EQUAL(back.counterparty.name, "Inostrani partner GmbH");
  BOOST_CHECK_EQUAL(back.counterparty.bic, "COBADEFFXXX");
  BOOST_CHECK_EQUAL(back.returnReason, "AC04");
  BOOST_REQUIRE(back.originalAmount);
  BOOST_CHECK_EQUAL(*back.originalAmount, money("1.00", "EUR"));
  BOOST_CHECK_EQUAL(back.exchangeRate, "117.1800");
  BOOST_REQUIRE(back.charges);
  BOOST_CHECK_EQUAL(*back.charges, money("2.50"));
  BOOST_CHECK(back.additionalInfo.find("Account closed") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(camt052_v08_layout) {
  const auto parsed = parseFile(fixture("camt052_small.xml"));
  BOOST_REQUIRE_MESSAGE(parsed.has_value(), why(parsed));
  BOOST_CHECK(parsed.value().format == Format::Camt052);
  const Statement& report = parsed.value().statements.at(0);
  BOOST_CHECK_EQUAL(report.info.account, "160000000018203969");
  BOOST_CHECK(report.info.iban.empty());
  BOOST_CHECK_EQUAL(report.info.number, "RPT-1-1");
  BOOST_CHECK_EQUAL(report.info.currency->code(), "EUR");  // from the balance: Acct has no Ccy
  BOOST_CHECK(!report.info.opening);
  BOOST_REQUIRE_EQUAL(report.info.otherBalances.size(), 1U);
  BOOST_CHECK(report.info.otherBalances[0].type == BalanceType::InterimOpening);
  BOOST_REQUIRE_EQUAL(report.entries.size(), 2U);
  const Entry& credit = report.entries[0];
  BOOST_CHECK_EQUAL(credit.amount, money("5.00", "EUR"));
  BOOST_CHECK_EQUAL(credit.counterparty.name, "Platilac AG");
  BOOST_CHECK_EQUAL(credit.counterparty.bic, "BKAUATWWXXX");
  BOOST_CHECK_EQUAL(credit.bankReference, "TX-REF-9");
  BOOST_CHECK_EQUAL(iso(credit.bookingDate), "2024-04-02");
  const Entry& fee = report.entries[1];
  BOOST_CHECK_EQUAL(fee.amount, money("-0.50", "EUR"));
  BOOST_CHECK_EQUAL(fee.purpose, "Naknada za vođenje računa");  // AddtlNtryInf when nothing else
  BOOST_CHECK(!fee.valueDate);
}

BOOST_AUTO_TEST_CASE(camt054_with_prefixed_namespace) {
  const auto parsed = parseFile(fixture("camt054_small.xml"));
  BOOST_REQUIRE_MESSAGE(parsed.has_value(), why(parsed));
  BOOST_CHECK(parsed.value().format == Format::Camt054);
  const Statement& notification = parsed.value().statements.at(0);
  BOOST_CHECK_EQUAL(notification.info.iban, "CH9300762011623852957");
  BOOST_REQUIRE_EQUAL(notification.entries.size(), 1U);
  BOOST_CHECK_EQUAL(notification.entries[0].amount, money("150.00", "CHF"));
  BOOST_CHECK_EQUAL(notification.entries[0].counterparty.name, "Kunde & Co");
}

std::string minimalCamt(std::string_view entry, std::string_view ns = "camt.053.001.02") {
  return "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:" + std::string(ns) +
         "\"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId></GrpHdr><Stmt><Id>1</Id>\n" + std::string(entry) +
         "</Stmt></BkToCstmrStmt></Document>";
}

BOOST_AUTO_TEST_CASE(amounts_are_never_rounded) {
  const auto parsed = parseText(
      minimalCamt("<Ntry><Amt Ccy=\"EUR\">100.0000000000005</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>"));
  BOOST_REQUIRE(!parsed);
  BOOST_CHECK(parsed.error().code == Errc::MalformedFile);
  BOOST_CHECK(parsed.error().message.find("100.0000000000005") != std::string::npos);
  BOOST_CHECK(parsed.error().where.find("Stmt/Ntry") != std::string::npos);
  BOOST_CHECK(parsed.error().where.find("line 2") != std::string::npos);
  // JPY has no decimals: "5.5" cannot be yen.
  BOOST_CHECK(!parseText(minimalCamt("<Ntry><Amt Ccy=\"JPY\">5.5</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>")));
  const auto yen = parseText(minimalCamt("<Ntry><Amt Ccy=\"JPY\">5</Amt><CdtDbtInd>DBIT</CdtDbtInd></Ntry>"));
  BOOST_REQUIRE(yen);
  BOOST_CHECK_EQUAL(yen.value().statements[0].entries[0].amount, money("-5", "JPY"));
}

BOOST_AUTO_TEST_CASE(an_error_inside_a_transaction_names_its_full_path_and_line) {
  // Entries are streamed, not built into trees: the error still points at the element.
  const auto parsed = parseText(
      minimalCamt("<Ntry><Amt Ccy=\"EUR\">3</Amt><CdtDbtInd>CRDT</CdtDbtInd><NtryDtls>\n"
                  "<TxDtls><Amt Ccy=\"EUR\">1</Amt></TxDtls>\n"
                  "<TxDtls><AmtDtls><InstdAmt>\n<Amt Ccy=\"USD\">2.005</Amt></InstdAmt></AmtDtls></TxDtls>"
                  "</NtryDtls></Ntry>"));
  BOOST_REQUIRE(!parsed);
  BOOST_CHECK(parsed.error().code == Errc::MalformedFile);
  BOOST_CHECK_MESSAGE(parsed.error().message.find("2.005") != std::string::npos, parsed.error().message);
  BOOST_CHECK_MESSAGE(parsed.error().where.find("Stmt/Ntry/NtryDtls/TxDtls/AmtDtls/InstdAmt/Amt, line 5") !=
                          std::string::npos,
                      parsed.error().where);
}

BOOST_AUTO_TEST_CASE(streamed_entries_keep_first_elements_and_accept_empty_ones) {
  // The first of a repeated element counts (as a tree's first child did); empty elements
  // and unknown subtrees change nothing; each Ntry starts afresh.
  const auto parsed = parseText(minimalCamt(
      "<Ntry><Amt Ccy=\"EUR\">5.00</Amt><Amt Ccy=\"EUR\">9.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>"
      "<AcctSvcrRef>FIRST</AcctSvcrRef><AcctSvcrRef>SECOND</AcctSvcrRef><Sts/><Unknown><Nm>x</Nm></Unknown>"
      "<NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Prodavac</Nm></Cdtr><Dbtr><Nm>Mi</Nm></Dbtr></RltdPties>"
      "<RmtInf><Ustrd>a</Ustrd><Ustrd/><Ustrd> b </Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>"
      "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>"));
  BOOST_REQUIRE_MESSAGE(parsed.has_value(), why(parsed));
  const auto& entries = parsed.value().statements.at(0).entries;
  BOOST_REQUIRE_EQUAL(entries.size(), 2U);
  BOOST_CHECK_EQUAL(entries[0].amount, money("-5.00", "EUR"));
  BOOST_CHECK_EQUAL(entries[0].bankReference, "FIRST");
  BOOST_CHECK_EQUAL(entries[0].counterparty.name, "Prodavac");
  BOOST_CHECK_EQUAL(entries[0].purpose, "a b");
  BOOST_CHECK_EQUAL(entries[1].amount, money("1.00", "EUR"));
  BOOST_CHECK_EQUAL(entries[1].bankReference, "");
  BOOST_CHECK_EQUAL(entries[1].counterparty.name, "");
  BOOST_CHECK_EQUAL(entries[1].purpose, "");
}

BOOST_AUTO_TEST_CASE(streamed_entries_follow_nesting_and_carry_nothing_over) {
  // The stream keeps its place by depth (no End is reported for most elements): unknown
  // subtrees, comments, CDATA and empty elements must not shift what the elements after them
  // mean. Each entry is written into the same Entry: nothing of one may remain in the next.
  std::string unknown;
  for (int i = 0; i < 12; ++i) {
    unknown += "<Deep" + std::to_string(i) + ">t<Amt Ccy=\"EUR\">99</Amt>";
  }
  for (int i = 11; i >= 0; --i) {
    unknown += "</Deep" + std::to_string(i) + ">";
  }
  const auto parsed = parseText(
      minimalCamt("<Ntry>\n  <Amt Ccy=\"EUR\">5.00</Amt><!-- a comment -->\n  <CdtDbtInd>DBIT</CdtDbtInd>" +
                  unknown + "<BookgDt><Dt>2024-03-01</Dt></BookgDt><ValDt><Dt>2024-03-02</Dt></ValDt>" +
                  unknown + "<AcctSvcrRef>R1</AcctSvcrRef><NtryDtls><TxDtls>" + unknown +
                  "<Refs><EndToEndId>E1</EndToEndId></Refs>"
                  "<AmtDtls><InstdAmt><Amt "
                  "Ccy=\"USD\">6</Amt><CcyXchg><XchgRate>0.9</XchgRate></CcyXchg></InstdAmt></AmtDtls>"
                  "<Chrgs><TtlChrgsAndTaxAmt Ccy=\"EUR\">1</TtlChrgsAndTaxAmt></Chrgs>"
                  "<RltdPties><Dbtr><Nm>Ko<!-- c "
                  "-->mi<![CDATA[tent]]></Nm><PstlAdr><TwnNm>Beograd</TwnNm></PstlAdr></Dbtr>"
                  "<DbtrAcct><Id><IBAN>RS35205000000010804045</IBAN></Id></DbtrAcct></RltdPties>"
                  "<Purp><Prtry>221</Prtry></Purp>"
                  "<RmtInf><Ustrd><![CDATA[pla]]>ćanje</Ustrd><Strd/>" +
                  unknown +
                  "<Strd><CdtrRefInf><Tp><CdOrPrtry><Prtry>97</Prtry></CdOrPrtry></Tp><Ref>97123</Ref></"
                  "CdtrRefInf></Strd>"
                  "</RmtInf><RtrInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>vraćeno</AddtlInf></RtrInf>"
                  "<AddtlTxInf>info</AddtlTxInf></TxDtls></NtryDtls></Ntry>\n"
                  "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
                  "<BookgDt><Dt>2024-03-01</Dt></BookgDt><ValDt><Dt>2024-03-03</Dt></ValDt></Ntry>"));
  BOOST_REQUIRE_MESSAGE(parsed.has_value(), why(parsed));
  const auto& entries = parsed.value().statements.at(0).entries;
  BOOST_REQUIRE_EQUAL(entries.size(), 2U);
  const Entry& first = entries[0];
  BOOST_CHECK_EQUAL(first.amount, money("-5.00", "EUR"));
  BOOST_CHECK_EQUAL(iso(first.bookingDate), "2024-03-01");
  BOOST_CHECK_EQUAL(iso(first.valueDate), "2024-03-02");
  BOOST_CHECK_EQUAL(first.bankReference, "R1");
  BOOST_CHECK_EQUAL(first.endToEndId, "E1");
  BOOST_REQUIRE(first.originalAmount);
  BOOST_CHECK_EQUAL(*first.originalAmount, money("6", "USD"));
  BOOST_CHECK_EQUAL(first.exchangeRate, "0.9");
  BOOST_REQUIRE(first.charges);
  BOOST_CHECK_EQUAL(*first.charges, money("1", "EUR"));
  // A return books the opposite direction: the other side of this debit is the debtor.
  BOOST_CHECK_EQUAL(first.counterparty.name, "Komitent");
  BOOST_CHECK_EQUAL(first.counterparty.place, "Beograd");
  BOOST_CHECK_EQUAL(first.counterparty.account, "RS35205000000010804045");
  BOOST_CHECK_EQUAL(first.paymentCode, "221");
  BOOST_CHECK_EQUAL(first.purpose, "plaćanje");
  BOOST_CHECK_EQUAL(first.reference.model, "97");
  BOOST_CHECK_EQUAL(first.reference.number, "123");
  BOOST_CHECK_EQUAL(first.returnReason, "AC04");
  BOOST_CHECK_EQUAL(first.additionalInfo, "vraćeno; info");
  const Entry& second = entries[1];
  BOOST_CHECK_EQUAL(second.amount, money("1.00", "EUR"));
  BOOST_CHECK_EQUAL(iso(second.bookingDate), "2024-03-01");
  BOOST_CHECK_EQUAL(iso(second.valueDate), "2024-03-03");
  Entry expected;
  expected.amount = second.amount;
  expected.bookingDate = second.bookingDate;
  expected.valueDate = second.valueDate;
  BOOST_CHECK_MESSAGE(second == expected, "the second entry holds only what its own Ntry says");

  // Nesting past the limit inside an entry is refused where it happens.
  std::string deep = "<Ntry><Amt Ccy=\"EUR\">1</Amt><CdtDbtInd>CRDT</CdtDbtInd>";
  for (int i = 0; i < 80; ++i) {
    deep += "<X>";
  }
  for (int i = 0; i < 80; ++i) {
    deep += "</X>";
  }
  const auto tooDeep = parseText(minimalCamt(deep + "</Ntry>"));
  BOOST_REQUIRE(!tooDeep);
  BOOST_CHECK_MESSAGE(tooDeep.error().message.find("nested deeper") != std::string::npos,
                      tooDeep.error().message);
  BOOST_CHECK_MESSAGE(tooDeep.error().where.find("Stmt/Ntry/X/X") != std::string::npos,
                      tooDeep.error().where);
}

BOOST_AUTO_TEST_CASE(an_entry_with_too_many_elements_is_refused) {
  std::string flood = "<Ntry><Amt Ccy=\"EUR\">1</Amt><CdtDbtInd>CRDT</CdtDbtInd><NtryDtls>";
  for (int i = 0; i < 100'001; ++i) {
    flood += "<X/>";
  }
  flood += "</NtryDtls></Ntry>";
  const auto parsed = parseText(minimalCamt(flood));
  BOOST_REQUIRE(!parsed);
  BOOST_CHECK_MESSAGE(parsed.error().message.find("elements in one Ntry") != std::string::npos,
                      parsed.error().message);
}

BOOST_AUTO_TEST_CASE(bad_entries_are_rejected_with_their_place) {
  const auto noIndicator = parseText(minimalCamt("<Ntry><Amt Ccy=\"EUR\">1</Amt></Ntry>"));
  BOOST_REQUIRE(!noIndicator);
  BOOST_CHECK(noIndicator.error().message.find("CdtDbtInd") != std::string::npos);
  const auto noCurrency = parseText(minimalCamt("<Ntry><Amt>1</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>"));
  BOOST_REQUIRE(!noCurrency);
  BOOST_CHECK(noCurrency.error().message.find("Ccy") != std::string::npos);
  const auto badDate = parseText(minimalCamt(
      "<Ntry><Amt "
      "Ccy=\"EUR\">1</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-02-30</Dt></BookgDt></Ntry>"));
  BOOST_REQUIRE(!badDate);
  BOOST_CHECK(badDate.error().message.find("2024-02-30") != std::string::npos);
  const auto truncated = parseText(minimalCamt("<Ntry><Amt Ccy=\"EUR\">1</Amt>").substr(0, 150));
  BOOST_REQUIRE(!truncated);
  BOOST_CHECK(truncated.error().code == Errc::MalformedFile);
}

BOOST_AUTO_TEST_CASE(detection_by_namespace_and_version) {
  BOOST_CHECK(formats::detectFormat(minimalCamt("", "camt.053.001.08")).value() == Format::Camt053);
  BOOST_CHECK(formats::detectFormat(minimalCamt("", "camt.052.001.02")).value() == Format::Camt052);
  const auto tooNew = formats::detectFormat(minimalCamt("", "camt.053.001.12"));
  BOOST_REQUIRE(!tooNew);
  BOOST_CHECK(tooNew.error().code == Errc::UnsupportedFormat);
  BOOST_CHECK(tooNew.error().message.find("camt.053.001.12") != std::string::npos);
  const auto other = formats::detectFormat(minimalCamt("", "other.054.001.02"));
  BOOST_REQUIRE(!other);
  BOOST_CHECK(other.error().message.find("other.054.001.02") != std::string::npos);
  const auto unknownRoot = formats::detectFormat("<?xml version=\"1.0\"?><Invoice/>");
  BOOST_REQUIRE(!unknownRoot);
  BOOST_CHECK(unknownRoot.error().message.find("<Invoice>") != std::string::npos);
  BOOST_CHECK(formats::detectFormat("<stmtrs><curdef>DIN</curdef></stmtrs>").value() == Format::AssecoXml);
  BOOST_CHECK(formats::detectFormat("<RacunPrivredaIzvod/>").value() == Format::RolXml);
  BOOST_CHECK(
      formats::detectFormat("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\"/>").value() ==
      Format::Pain002);
}

BOOST_AUTO_TEST_CASE(a_camt_file_read_as_another_message_is_refused) {
  std::istringstream in(minimalCamt("", "camt.054.001.02"));
  StatementCollector collector;
  const auto result = formats::readStatements(in, collector, Format::Camt053);
  BOOST_REQUIRE(!result);
  BOOST_CHECK(result.error().code == Errc::UnsupportedFormat);
}

BOOST_AUTO_TEST_SUITE_END()
