// pain.001 in a SWIFT (CBPR+) envelope: the Document inside is read exactly as the bare
// Document, after checking that the business application header names it (rule pain.001-R3).

#include "XmlTestSupport.h"
#include "banking/formats/Format.h"
#include "banking/formats/Iso20022.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

using namespace platnik::banking;
using namespace platnik::formats_xml_tests;
using namespace platnik::banking::formats;

namespace {

std::string envelopeText() {
  return platnik::testsupport::readFile(fixture("pain001_envelope.xml"));
}

/// The <Document> element of the envelope, cut out: the bare message it carries.
std::string bareDocument(const std::string& envelope) {
  const auto start = envelope.find("<Document");
  const std::string close = "</Document>";
  const auto end = envelope.find(close);
  BOOST_REQUIRE(start != std::string::npos && end != std::string::npos);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + envelope.substr(start, end + close.size() - start);
}

Result<Pain001Message> read(const std::string& text) {
  std::istringstream in(text);
  return readPain001(in);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  BOOST_REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(Pain001EnvelopeTests)

BOOST_AUTO_TEST_CASE(enveloped_orders_read_like_the_bare_document) {
  const std::string envelope = envelopeText();
  BOOST_CHECK(detectFormat(envelope).value() == Format::Pain001);
  const auto enveloped = read(envelope);
  BOOST_REQUIRE_MESSAGE(enveloped.has_value(), why(enveloped));
  const auto bare = read(bareDocument(envelope));
  BOOST_REQUIRE_MESSAGE(bare.has_value(), why(bare));
  BOOST_CHECK(enveloped.value() == bare.value());

  const Pain001Message& message = enveloped.value();
  BOOST_CHECK_EQUAL(message.messageId, "PLATNIK-ENV-1");
  BOOST_CHECK_EQUAL(message.initiatingParty, "Žitopromet d.o.o.");
  BOOST_REQUIRE_EQUAL(message.payments.size(), 2U);
  const PaymentOrder& first = message.payments[0].order;
  BOOST_CHECK_EQUAL(message.payments[0].endToEndId, "E2E-ENV-1");
  BOOST_CHECK_EQUAL(first.amount, money("1500.00"));
  BOOST_CHECK_EQUAL(first.payerName, "Žitopromet d.o.o.");
  BOOST_CHECK_EQUAL(first.payerPlace, "Čačak");
  BOOST_CHECK_EQUAL(first.payerAccount, "160000000018203969");  // the IBAN as the domestic account
  BOOST_CHECK_EQUAL(first.recipientName, "Dobavljač Šećerana");
  BOOST_CHECK_EQUAL(first.recipientPlace, "Niš");
  BOOST_CHECK_EQUAL(first.recipientAccount, "205000000010804045");
  BOOST_CHECK_EQUAL(first.paymentCode, "221");
  BOOST_CHECK_EQUAL(first.purpose, "Račun 12/2024 đubrivo");
  BOOST_CHECK_EQUAL(first.creditReference.model, "97");
  BOOST_CHECK_EQUAL(first.creditReference.number, "91-345-678");
  BOOST_CHECK_EQUAL(first.debitReference.model, "00");
  BOOST_CHECK_EQUAL(first.debitReference.number, "2024-17");
  BOOST_CHECK_EQUAL(iso(first.executionDate), "2024-04-03");
  const PaymentOrder& second = message.payments[1].order;
  BOOST_CHECK_EQUAL(second.amount, money("210.50"));
  BOOST_CHECK_EQUAL(second.recipientName, "Ćirić i sinovi");
  BOOST_CHECK_EQUAL(second.recipientAccount, "160000000000000367");  // short form padded
  BOOST_CHECK_EQUAL(second.creditReference.model, "00");
  BOOST_CHECK_EQUAL(second.creditReference.number, "123-456");
}

BOOST_AUTO_TEST_CASE(header_naming_another_message_is_refused) {
  const auto other = read(replaced(envelopeText(), "<MsgDefIdr>pain.001.001.09</MsgDefIdr>",
                                   "<MsgDefIdr>pain.001.001.03</MsgDefIdr>"));
  BOOST_REQUIRE(!other);
  BOOST_CHECK(other.error().code == Errc::MalformedFile);
  // The path is exact; XmlReader's line is the parser's, which may run a few lines ahead.
  BOOST_CHECK_MESSAGE(other.error().where.starts_with("pain.001 Envelope/AppHdr/MsgDefIdr, line "),
                      other.error().where);
  BOOST_CHECK_EQUAL(
      other.error().message,
      "the envelope's application header names the message 'pain.001.001.03' (AppHdr/MsgDefIdr), "
      "but the Document it carries is pain.001.001.09 (CBPR+ rule pain.001-R3)");

  const auto none = read(replaced(envelopeText(), "<MsgDefIdr>pain.001.001.09</MsgDefIdr>", ""));
  BOOST_REQUIRE(!none);
  BOOST_CHECK_MESSAGE(none.error().where.starts_with("pain.001 Envelope/AppHdr, line "), none.error().where);
  BOOST_CHECK(none.error().message.find("names no message (MsgDefIdr)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(envelope_without_document_or_with_another_message_is_refused) {
  const auto empty = read(
      "<Envelope xmlns=\"urn:swift:xsd:envelope\"><AppHdr "
      "xmlns=\"urn:iso:std:iso:20022:tech:xsd:head.001.001.02\"><MsgDefIdr>pain.001.001.09</MsgDefIdr></"
      "AppHdr>"
      "</Envelope>");
  BOOST_REQUIRE(!empty);
  BOOST_CHECK(empty.error().message.find("holds no Document") != std::string::npos);

  const std::string camt = replaced(replaced(envelopeText(), "<MsgDefIdr>pain.001.001.09</MsgDefIdr>",
                                             "<MsgDefIdr>camt.053.001.08</MsgDefIdr>"),
                                    "xsd:pain.001.001.09", "xsd:camt.053.001.08");
  const auto notPain = read(camt);
  BOOST_REQUIRE(!notPain);
  BOOST_CHECK(notPain.error().code == Errc::UnsupportedFormat);
  BOOST_CHECK(notPain.error().message.find("is not a pain.001 Document") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(detection_names_what_the_envelope_carries) {
  const auto pacs = detectFormat(replaced(envelopeText(), "xsd:pain.001.001.09", "xsd:pacs.008.001.08"));
  BOOST_REQUIRE(!pacs);
  BOOST_CHECK(pacs.error().message.find("pacs.008.001.08") != std::string::npos);
  const auto bare = detectFormat("<Envelope><AppHdr/><Document><CstmrCdtTrfInitn/></Document></Envelope>");
  BOOST_REQUIRE(!bare);
  BOOST_CHECK(bare.error().code == Errc::UnsupportedFormat);
  BOOST_CHECK(bare.error().message.find("SWIFT envelope") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
