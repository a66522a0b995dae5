#include "XmlTestSupport.h"
#include "banking/Account.h"
#include "banking/formats/Iso20022.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

using namespace platnik::banking;
using namespace platnik::formats_xml_tests;
using namespace platnik::banking::formats;

namespace {

PaymentOrder order(std::string payerAccount, std::string recipientAccount, std::string_view amount) {
  PaymentOrder o;
  o.payerName = "Moja firma d.o.o.";
  o.payerPlace = "Beograd";
  o.payerAccount = std::move(payerAccount);
  o.recipientName = "Dobavljač & sin";
  o.recipientPlace = "Čačak";
  o.recipientAccount = std::move(recipientAccount);
  o.amount = money(amount);
  o.paymentCode = "221";
  o.purpose = "Račun <12>/2024";
  o.creditReference = {"97", "12-345-678"};
  o.debitReference = {"00", "555"};
  o.executionDate = date("2024-04-03");
  return o;
}

Pain001Message batch() {
  Pain001Message message;
  message.messageId = "PLATNIK-20240402-0001";
  message.creationTime =
      std::chrono::sys_days(date("2024-04-02")) + std::chrono::hours(9) + std::chrono::minutes(5);
  message.initiatingParty = "Moja firma d.o.o.";
  message.payments.push_back({order("160-182039-69", "205-108040-45", "1500.00"), "E2E-1"});
  PaymentOrder urgent = order("160-182039-69", "RS35220000000005682934", "299999.99");
  urgent.urgent = true;
  urgent.creditReference = {};
  urgent.debitReference = {};
  message.payments.push_back({urgent, "E2E-2"});
  PaymentOrder other = order("265-1100310000088-76", "160-3-67", "0.01");
  other.creditReference = {"", "INV 77"};
  message.payments.push_back({other, "E2E-3"});
  message.payments.push_back({order("160-182039-69", "160-3-67", "10.00"), "E2E-4"});
  return message;
}

std::size_t count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(PainTests)

BOOST_AUTO_TEST_CASE(pain001_is_written_valid_and_grouped) {
  for (const auto version : {Pain001Version::V03, Pain001Version::V09}) {
    const auto written = writePain001(batch(), version);
    BOOST_REQUIRE_MESSAGE(written.has_value(), why(written));
    const std::string& xml = written.value();
    BOOST_CHECK(validateAgainstSchema(xml, pain001Schema(version), "test"));
    BOOST_CHECK(xml.find(std::string(namespaceOf(version))) != std::string::npos);
    // Groups: (160-182039-69, 3 April, normal) with orders 1 and 4, the urgent one, the other payer.
    BOOST_CHECK_EQUAL(count(xml, "<PmtInf>"), 3U);
    BOOST_CHECK(xml.find("<NbOfTxs>4</NbOfTxs>") != std::string::npos);
    BOOST_CHECK(xml.find("<CtrlSum>301510.00</CtrlSum>") != std::string::npos);
    BOOST_CHECK(xml.find("<CtrlSum>1510.00</CtrlSum>") != std::string::npos);
    BOOST_CHECK(xml.find("<InstrPrty>HIGH</InstrPrty>") != std::string::npos);
    BOOST_CHECK(xml.find("<IBAN>RS35160000000018203969</IBAN>") != std::string::npos);
    BOOST_CHECK(xml.find("<InstdAmt Ccy=\"RSD\">1500.00</InstdAmt>") != std::string::npos);
    BOOST_CHECK(xml.find("<Prtry>221</Prtry>") != std::string::npos);
    BOOST_CHECK(xml.find("<Ref>9712-345-678</Ref>") != std::string::npos);
    BOOST_CHECK(xml.find("Račun &lt;12&gt;/2024") != std::string::npos);
    BOOST_CHECK(xml.find("Dobavljač &amp; sin") != std::string::npos);
    BOOST_CHECK(xml.find("<CreDtTm>2024-04-02T09:05:00</CreDtTm>") != std::string::npos);
    if (version == Pain001Version::V09) {
      BOOST_CHECK(xml.find("<ReqdExctnDt>\n        <Dt>2024-04-03</Dt>") != std::string::npos);
    } else {
      BOOST_CHECK(xml.find("<ReqdExctnDt>2024-04-03</ReqdExctnDt>") != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(pain001_reads_back_to_the_same_orders) {
  for (const auto version : {Pain001Version::V03, Pain001Version::V09}) {
    const Pain001Message original = batch();
    const auto written = writePain001(original, version);
    BOOST_REQUIRE(written);
    std::istringstream in(written.value());
    const auto read = readPain001(in);
    BOOST_REQUIRE_MESSAGE(read.has_value(), why(read));
    const Pain001Message& back = read.value();
    BOOST_CHECK_EQUAL(back.messageId, original.messageId);
    BOOST_CHECK(back.creationTime == original.creationTime);
    BOOST_CHECK_EQUAL(back.initiatingParty, original.initiatingParty);
    BOOST_REQUIRE_EQUAL(back.payments.size(), original.payments.size());
    // The writer groups by payer: order 4 travels with order 1, before the urgent one.
    const std::vector<std::size_t> order = {0, 3, 1, 2};
    for (std::size_t i = 0; i < order.size(); ++i) {
      const Pain001Payment& expected = original.payments[order[i]];
      const Pain001Payment& got = back.payments[i];
      BOOST_TEST_CONTEXT("payment " << i) {
        BOOST_CHECK_EQUAL(got.endToEndId, expected.endToEndId);
        BOOST_CHECK_EQUAL(got.order.amount, expected.order.amount);
        BOOST_CHECK_EQUAL(got.order.payerAccount,
                          Account::parse(expected.order.payerAccount).value().digits());
        BOOST_CHECK_EQUAL(got.order.recipientAccount,
                          Account::parse(expected.order.recipientAccount).value().digits());
        BOOST_CHECK_EQUAL(got.order.recipientName, expected.order.recipientName);
        BOOST_CHECK_EQUAL(got.order.recipientPlace, expected.order.recipientPlace);
        BOOST_CHECK_EQUAL(got.order.payerName, expected.order.payerName);
        BOOST_CHECK_EQUAL(got.order.purpose, expected.order.purpose);
        BOOST_CHECK_EQUAL(got.order.paymentCode, expected.order.paymentCode);
        BOOST_CHECK(got.order.creditReference == expected.order.creditReference);
        BOOST_CHECK(got.order.debitReference == expected.order.debitReference);
        BOOST_CHECK_EQUAL(got.order.urgent, expected.order.urgent);
        BOOST_CHECK(got.order.executionDate == expected.order.executionDate);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(pain001_refuses_what_it_cannot_write) {
  Pain001Message message = batch();
  message.payments[2].order.recipientAccount = "160-182039-68";  // wrong control digits
  const auto badAccount = writePain001(message, Pain001Version::V03);
  BOOST_REQUIRE(!badAccount);
  BOOST_CHECK(badAccount.error().code == Errc::InvalidAccount);
  BOOST_CHECK_EQUAL(badAccount.error().where, "order 3: recipient_account");

  message = batch();
  message.payments[1].endToEndId.clear();
  BOOST_CHECK(!writePain001(message, Pain001Version::V09));

  message = batch();
  message.payments[0].order.purpose = std::string(141, 'x');  // longer than Max140Text
  const auto invalid = writePain001(message, Pain001Version::V09);
  BOOST_REQUIRE(!invalid);
  BOOST_CHECK(invalid.error().message.find("Ustrd") != std::string::npos);

  BOOST_CHECK(!writePain001(Pain001Message{"ID", {}, "x", {}}, Pain001Version::V03));
}

BOOST_AUTO_TEST_CASE(schema_validation_reports_problems) {
  const auto result = validateAgainstSchema(
      "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"><CstmrCdtTrfInitn/></Document>",
      pain001Schema(Pain001Version::V03), "probe");
  BOOST_REQUIRE(!result);
  BOOST_CHECK(result.error().message.find("line 1") != std::string::npos);
  BOOST_CHECK_EQUAL(result.error().where, "probe");
}

BOOST_AUTO_TEST_CASE(pain002_statuses_at_every_level) {
  std::ifstream in(fixture("pain002_small.xml"), std::ios::binary);
  const auto read = readPain002(in);
  BOOST_REQUIRE_MESSAGE(read.has_value(), why(read));
  const PaymentStatusReport& report = read.value();
  BOOST_CHECK_EQUAL(report.messageId, "STS-1");
  BOOST_CHECK_EQUAL(report.originalMessageId, "PLATNIK-0001");
  BOOST_CHECK_EQUAL(report.originalMessageType, "pain.001.001.03");
  BOOST_CHECK_EQUAL(report.groupStatus, "PART");
  BOOST_REQUIRE_EQUAL(report.groupReasons.size(), 1U);
  BOOST_CHECK_EQUAL(report.groupReasons[0].code, "PARTIAL");
  BOOST_REQUIRE_EQUAL(report.payments.size(), 1U);
  const PaymentInformationStatus& payment = report.payments[0];
  BOOST_CHECK_EQUAL(payment.originalPaymentInformationId, "PLATNIK-0001-1");
  BOOST_CHECK_EQUAL(payment.status, "PART");
  BOOST_REQUIRE_EQUAL(payment.transactions.size(), 2U);
  BOOST_CHECK_EQUAL(payment.transactions[0].originalInstructionId, "I-1");
  BOOST_CHECK_EQUAL(payment.transactions[0].status, "ACSC");
  BOOST_CHECK(payment.transactions[0].reasons.empty());
  const TransactionStatus& rejected = payment.transactions[1];
  BOOST_CHECK_EQUAL(rejected.originalEndToEndId, "E2E-2");
  BOOST_CHECK_EQUAL(rejected.status, "RJCT");
  BOOST_REQUIRE_EQUAL(rejected.reasons.size(), 1U);
  BOOST_CHECK_EQUAL(rejected.reasons[0].code, "AC01");
  BOOST_REQUIRE_EQUAL(rejected.reasons[0].additionalInfo.size(), 2U);
  BOOST_CHECK_EQUAL(rejected.reasons[0].additionalInfo[0], "Pogrešan broj računa");
}

BOOST_AUTO_TEST_CASE(pain002_refuses_other_documents) {
  std::istringstream camt("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"/>");
  const auto notPain = readPain002(camt);
  BOOST_REQUIRE(!notPain);
  BOOST_CHECK(notPain.error().code == Errc::UnsupportedFormat);
  std::istringstream empty(
      "<Document "
      "xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\"><CstmrPmtStsRpt><GrpHdr><MsgId>1</MsgId>"
      "</GrpHdr></CstmrPmtStsRpt></Document>");
  const auto noGroup = readPain002(empty);
  BOOST_REQUIRE(!noGroup);
  BOOST_CHECK(noGroup.error().message.find("OrgnlGrpInfAndSts") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
