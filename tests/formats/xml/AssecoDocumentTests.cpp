// Asseco FX Client foreign-currency statements: the <documentlist> describes the <stmttrn>
// lines that name its documents (docs/formats.md, "Asseco OfficeBanking / FX Client XML").

#include "XmlTestSupport.h"
#include "banking/StatementSink.h"
#include "banking/formats/Format.h"
#include "banking/formats/StatementReader.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include <sstream>
#include <string>

using namespace platnik::banking;
using namespace platnik::formats_xml_tests;
using formats::Format;

namespace {

/// A foreign-currency statement with one line naming document 42 and one document.
std::string statementWithDocument(const std::string& document) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<stmtrs>\n"
         " <curdef>EUR</curdef>\n"
         " <stmtno>7</stmtno>\n"
         " <trnlist>\n"
         "  <stmttrn><fitid>F1</fitid><documentid>42</documentid><trnamt>10.00</trnamt>"
         "<benefit>debit</benefit></stmttrn>\n"
         " </trnlist>\n"
         " <documentlist>\n"
         "  <document>\n" +
         document +
         "  </document>\n"
         " </documentlist>\n"
         "</stmtrs>\n";
}

/// Whether an error's `where` names that element path and a line. (XmlReader reports the
/// parser's line, which may run some lines ahead of a small element; the path is exact.)
bool namesPathAndLine(const Error& error, const std::string& path) {
  return error.where.starts_with("asseco-xml " + path + ", line ");
}

void checkFxStatement(const Parsed& parsed) {
  BOOST_CHECK(parsed.format == Format::AssecoXml);
  BOOST_REQUIRE_EQUAL(parsed.statements.size(), 1U);
  const Statement& statement = parsed.statements[0];
  BOOST_CHECK_EQUAL(statement.info.account, "00-516-0000006.7");  // the bank's partija, as written
  BOOST_CHECK_EQUAL(statement.info.currency->code(), "EUR");
  BOOST_CHECK_EQUAL(statement.info.number, "2006007");                         // stmtno
  BOOST_CHECK_EQUAL(iso(statement.info.date), "2006-01-20");                   // dateasto
  BOOST_CHECK_EQUAL(statement.info.opening->amount, money("4041.35", "EUR"));  // stmbal, before curdef
  BOOST_CHECK_EQUAL(iso(statement.info.opening->date), "2006-01-19");
  BOOST_CHECK_EQUAL(statement.info.closing->amount, money("7142.53", "EUR"));  // closing
  BOOST_CHECK_EQUAL(iso(statement.info.closing->date), "2006-01-20");
  // The documents add no lines: the two stmttrn are the turnover, and they reconcile.
  BOOST_REQUIRE_EQUAL(statement.entries.size(), 2U);
  Money sum = statement.info.opening->amount;
  for (const Entry& entry : statement.entries) {
    sum = sum.plus(entry.amount).value();
  }
  BOOST_CHECK_EQUAL(sum, statement.info.closing->amount);

  // A debit: the general order's beneficiary is the other side.
  const Entry& paid = statement.entries[0];
  BOOST_CHECK_EQUAL(paid.amount, money("-3101.18", "EUR"));
  BOOST_CHECK_EQUAL(paid.bankReference, "03360210444004");                     // the line's fitid
  BOOST_CHECK_EQUAL(paid.transactionCode, "ibank.fps.document.generalorder");  // the line's trntype
  BOOST_CHECK_EQUAL(iso(paid.bookingDate), "2006-01-20");
  BOOST_CHECK_EQUAL(paid.counterparty.name, "Wiener Stahlhandel GmbH");
  BOOST_CHECK_EQUAL(paid.counterparty.place, "Wien");
  BOOST_CHECK_EQUAL(paid.counterparty.account, "AT611904300234573201");
  BOOST_CHECK_EQUAL(paid.counterparty.bic, "BKAUATWW");
  BOOST_CHECK_EQUAL(paid.purpose, "Plaćanje fakture 17/2006 – čelični profili");
  BOOST_CHECK_EQUAL(paid.paymentCode, "112");
  BOOST_CHECK_EQUAL(paid.endToEndId, "1450031123615");  // refnumber: the order it came from
  BOOST_CHECK_EQUAL(paid.exchangeRate, "87.1906");
  BOOST_CHECK(!paid.originalAmount);  // the document is in the statement's currency
  BOOST_CHECK_EQUAL(paid.additionalInfo,
                    "PRENOS POKRIĆA ZA NALOG 1450031123615; legal id FN 123456a; charges sha");

  // A credit: the remittance's ordering party is the other side; it was sent in dollars.
  const Entry& received = statement.entries[1];
  BOOST_CHECK_EQUAL(received.amount, money("6202.36", "EUR"));
  BOOST_CHECK_EQUAL(received.bankReference, "03360210444005");
  BOOST_CHECK_EQUAL(iso(received.bookingDate), "2006-01-20");  // the line's dtposted
  BOOST_CHECK_EQUAL(iso(received.valueDate), "2006-01-19");    // the line has no dtavail: the document's
  BOOST_CHECK_EQUAL(received.counterparty.name, "Đorđe Ćosić");
  BOOST_CHECK_EQUAL(received.counterparty.place, "Čikago");
  BOOST_CHECK_EQUAL(received.counterparty.account, "021000021-4412");
  BOOST_CHECK_EQUAL(received.counterparty.bic, "CHASUS33");
  BOOST_CHECK_EQUAL(received.purpose, "Pozajmica – povraćaj duga");
  BOOST_CHECK_EQUAL(received.paymentCode, "310");
  BOOST_CHECK_EQUAL(received.endToEndId, "0743-0143728/JJ");
  BOOST_REQUIRE(received.originalAmount.has_value());
  BOOST_CHECK_EQUAL(*received.originalAmount, money("7000.00", "USD"));
  BOOST_CHECK_EQUAL(received.exchangeRate, "0.886051");
  BOOST_CHECK_EQUAL(received.additionalInfo, "charges ben");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(AssecoDocumentTests)

BOOST_AUTO_TEST_CASE(foreign_currency_documents_describe_their_lines) {
  const auto parsed = parseFile(fixture("asseco_fx_documents.xml"));
  BOOST_REQUIRE_MESSAGE(parsed.has_value(), why(parsed));
  checkFxStatement(parsed.value());
}

BOOST_AUTO_TEST_CASE(windows_1250_reads_like_utf8) {
  const std::string cp1250 = platnik::testsupport::readFile(fixture("asseco_fx_documents_cp1250.xml"));
  BOOST_REQUIRE(cp1250.find("\x8e"
                            "itopromet") != std::string::npos);  // "Ž" as one cp1250 byte
  const auto parsed = parseText(cp1250);
  BOOST_REQUIRE_MESSAGE(parsed.has_value(), why(parsed));
  checkFxStatement(parsed.value());
  const auto utf8 = parseFile(fixture("asseco_fx_documents.xml"));
  BOOST_REQUIRE(utf8.has_value());
  BOOST_CHECK(parsed.value().statements == utf8.value().statements);
}

BOOST_AUTO_TEST_CASE(the_line_wins_over_its_document) {
  const auto parsed = parseText(
      "<stmtrs><curdef>EUR</curdef><trnlist>"
      "<stmttrn><documentid>7</documentid><trnamt>5</trnamt><benefit>credit</benefit>"
      "<purpose>Svrha sa linije</purpose><payeeinfo><name>Ime sa linije</name></payeeinfo></stmttrn>"
      "<stmttrn><trnamt>1</trnamt><benefit>debit</benefit></stmttrn>"
      "</trnlist><documentlist><document><documentid>7</documentid><purpose>Svrha dokumenta</purpose>"
      "<orderingparty><name>Ime iz dokumenta</name><address><city>Niš</city></address></orderingparty>"
      "</document></documentlist></stmtrs>");
  BOOST_REQUIRE_MESSAGE(parsed.has_value(), why(parsed));
  const auto& entries = parsed.value().statements.at(0).entries;
  BOOST_REQUIRE_EQUAL(entries.size(), 2U);  // the line after a waiting one keeps its place
  BOOST_CHECK_EQUAL(entries[0].purpose, "Svrha sa linije");
  BOOST_CHECK_EQUAL(entries[0].counterparty.name, "Ime sa linije");
  BOOST_CHECK_EQUAL(entries[0].counterparty.place, "Niš");  // what the line lacks comes from the document
  BOOST_CHECK_EQUAL(entries[1].amount, money("-1", "EUR"));
  BOOST_CHECK(entries[1].counterparty.name.empty());
}

BOOST_AUTO_TEST_CASE(malformed_documentlist_is_refused_with_path_and_line) {
  // The document's <trnamt> written with a decimal comma.
  const auto amount =
      parseText(statementWithDocument("   <documentid>42</documentid>\n"
                                      "   <trnamt>3.101,18</trnamt>\n"));
  BOOST_REQUIRE(!amount);
  BOOST_CHECK(amount.error().code == Errc::MalformedFile);
  BOOST_CHECK_MESSAGE(namesPathAndLine(amount.error(), "stmtrs/documentlist/document/trnamt"),
                      amount.error().describe());
  BOOST_CHECK_MESSAGE(amount.error().message.find("3.101,18") != std::string::npos, amount.error().message);

  const auto day =
      parseText(statementWithDocument("   <documentid>42</documentid>\n"
                                      "   <valuedate>2006-02-30T00:00:00</valuedate>\n"));
  BOOST_REQUIRE(!day);
  BOOST_CHECK_MESSAGE(namesPathAndLine(day.error(), "stmtrs/documentlist/document/valuedate"),
                      day.error().describe());
  BOOST_CHECK_MESSAGE(day.error().message.find("2006-02-30") != std::string::npos, day.error().message);

  const auto currency =
      parseText(statementWithDocument("   <documentid>42</documentid>\n"
                                      "   <trnamt>1.00</trnamt><curdef>EVRO</curdef>\n"));
  BOOST_REQUIRE(!currency);
  BOOST_CHECK_MESSAGE(namesPathAndLine(currency.error(), "stmtrs/documentlist/document/curdef"),
                      currency.error().describe());
  BOOST_CHECK(currency.error().message.find("EVRO") != std::string::npos);

  const auto unnamed = parseText(statementWithDocument("   <purpose>Bez broja</purpose>\n"));
  BOOST_REQUIRE(!unnamed);
  BOOST_CHECK_MESSAGE(namesPathAndLine(unnamed.error(), "stmtrs/documentlist/document"),
                      unnamed.error().describe());
  BOOST_CHECK(unnamed.error().message.find("<documentid>") != std::string::npos);

  // Not well-formed inside the list: libxml2's reason and line.
  const auto broken =
      parseText(statementWithDocument("   <documentid>42</documentid>\n"
                                      "   <beneficiary><name>Ćirić</beneficiary>\n"));
  BOOST_REQUIRE(!broken);
  BOOST_CHECK(broken.error().code == Errc::MalformedFile);
  BOOST_CHECK_MESSAGE(broken.error().describe().find("line 11") != std::string::npos &&
                          broken.error().message.find("beneficiary") != std::string::npos,
                      broken.error().describe());
}

BOOST_AUTO_TEST_CASE(balance_before_curdef_is_checked_in_its_currency) {
  // JPY has no decimals: a balance written before <curdef> is read in the statement's currency.
  const auto parsed =
      parseText("<stmtrs><stmbal><balamt>1.50</balamt></stmbal><curdef>JPY</curdef><trnlist/></stmtrs>");
  BOOST_REQUIRE(!parsed);
  BOOST_CHECK_EQUAL(parsed.error().where, "asseco-xml stmtrs/stmbal/balamt, line 1");  // one line
  BOOST_CHECK(parsed.error().message.find("1.50") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(only_lines_that_name_a_document_wait_for_it) {
  // The file breaks after its first line. A dinar line (no documentid) is delivered as soon as
  // it is read; a line naming a document waits for the documentlist, so it never is.
  class CountingSink final : public StatementSink {
   public:
    Result<void> begin(const StatementInfo&) override { return boost::outcome_v2::success(); }
    Result<void> entry(const Entry&) override {
      ++entries;
      return boost::outcome_v2::success();
    }
    Result<void> end(const StatementInfo&) override { return boost::outcome_v2::success(); }
    int entries = 0;
  };
  const auto deliveredBeforeTheBreak = [](const std::string& line) {
    // The filler puts the break well past what libxml2 parses ahead of the reader.
    std::istringstream in("<stmtrs><curdef>DIN</curdef><trnlist><stmttrn>" + line +
                          "<trnamt>1</trnamt><benefit>credit</benefit></stmttrn><!--" +
                          std::string(100'000, ' ') + "--><stmttrn><broken></trnlist>");
    CountingSink sink;
    const auto read = formats::readStatements(in, sink);
    BOOST_CHECK(!read);
    return sink.entries;
  };
  BOOST_CHECK_EQUAL(deliveredBeforeTheBreak("<fitid>1</fitid>"), 1);
  BOOST_CHECK_EQUAL(deliveredBeforeTheBreak("<documentid>42</documentid>"), 0);
}

BOOST_AUTO_TEST_CASE(lines_waiting_for_documents_are_bounded) {
  // 10,000 lines may wait for the documentlist; the next one refuses the file.
  const auto statement = [](int lines) {
    std::string text = "<stmtrs><curdef>EUR</curdef><trnlist>\n";
    for (int i = 0; i < lines; ++i) {
      text += fmt::format(
          "<stmttrn><documentid>{}</documentid><trnamt>1</trnamt><benefit>credit</benefit></stmttrn>\n", i);
    }
    return text + "</trnlist><documentlist/></stmtrs>";
  };
  const auto most = parseText(statement(10'000));
  BOOST_REQUIRE_MESSAGE(most.has_value(), why(most));
  BOOST_CHECK_EQUAL(most.value().statements.at(0).entries.size(), 10'000U);
  const auto tooMany = parseText(statement(10'001));
  BOOST_REQUIRE(!tooMany);
  BOOST_CHECK_MESSAGE(namesPathAndLine(tooMany.error(), "stmtrs/trnlist/stmttrn"),
                      tooMany.error().describe());
  BOOST_CHECK(tooMany.error().message.find("more than 10000 lines") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
