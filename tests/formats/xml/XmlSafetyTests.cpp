// Hostile XML: nothing outside the file is read, nothing expands, nothing grows unbounded,
// and each attack is refused with a clear message rather than a crash or a hang.

#include "XmlTestSupport.h"
#include "banking/formats/Iso20022.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>
#include <vector>

using namespace platnik::banking;
using namespace platnik::formats_xml_tests;

namespace {

const std::string kCamtOpen =
    "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>1</Id>";
const std::string kCamtClose = "</Stmt></BkToCstmrStmt></Document>";

void checkRefused(const Result<Parsed>& result, std::string_view reasonPart) {
  BOOST_REQUIRE(!result);
  BOOST_TEST_MESSAGE(result.error().describe());
  BOOST_CHECK(result.error().code == Errc::MalformedFile || result.error().code == Errc::UnsupportedFormat);
  BOOST_CHECK_MESSAGE(result.error().describe().find(reasonPart) != std::string::npos,
                      result.error().describe() << " should mention " << reasonPart);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(XmlSafetyTests)

BOOST_AUTO_TEST_CASE(billion_laughs_is_refused) {
  std::string dtd = "<!DOCTYPE Document [<!ENTITY lol \"lol\">";
  std::string previous = "lol";
  for (int i = 1; i <= 9; ++i) {
    const std::string name = "lol" + std::to_string(i);
    dtd += "<!ENTITY " + name + " \"";
    for (int k = 0; k < 10; ++k) {
      dtd += "&" + previous + ";";
    }
    dtd += "\">";
    previous = name;
  }
  dtd += "]>";
  const std::string xml = "<?xml version=\"1.0\"?>" + dtd + kCamtOpen +
                          "<Ntry><Amt Ccy=\"EUR\">1</Amt><CdtDbtInd>CRDT" +
                          "</CdtDbtInd><AddtlNtryInf>&lol9;</AddtlNtryInf></Ntry>" + kCamtClose;
  // libxml2 stops it while reading the declarations, before the reader sees the DTD node.
  checkRefused(parseText(xml), "entity reference loop");
}

BOOST_AUTO_TEST_CASE(external_entity_file_is_not_read) {
  platnik::testsupport::TempDir dir;
  const auto secret = dir / "secret.txt";
  std::ofstream(secret) << "TOP-SECRET-CONTENT";
  for (const std::string& target : std::vector<std::string>{"file://" + secret.string(), secret.string()}) {
    const std::string xml = "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY xxe SYSTEM \"" + target +
                            "\">]>" + kCamtOpen +
                            "<Ntry><Amt Ccy=\"EUR\">1</Amt><CdtDbtInd>CRDT</CdtDbtInd><AddtlNtryInf>&xxe;" +
                            "</AddtlNtryInf></Ntry>" + kCamtClose;
    const auto result = parseText(xml);
    checkRefused(result, "DTD");
    BOOST_CHECK(result.error().describe().find("TOP-SECRET") == std::string::npos);
  }
  // Without a document type declaration an undeclared entity is simply an error.
  const auto undeclared = parseText(kCamtOpen + "<Ntry><Amt Ccy=\"EUR\">1</Amt><CdtDbtInd>CRDT</CdtDbtInd>" +
                                    "<AddtlNtryInf>&xxe;</AddtlNtryInf></Ntry>" + kCamtClose);
  checkRefused(undeclared, "xxe");
}

BOOST_AUTO_TEST_CASE(external_dtd_is_not_loaded) {
  platnik::testsupport::TempDir dir;
  const auto dtdFile = dir / "evil.dtd";
  std::ofstream(dtdFile) << "<!ENTITY leak \"LEAKED-FROM-DTD\">";
  const std::string xml = "<?xml version=\"1.0\"?><!DOCTYPE stmtrs SYSTEM \"" + dtdFile.string() +
                          "\"><stmtrs><curdef>DIN</curdef><stmtnumber>&leak;</stmtnumber></stmtrs>";
  const auto result = parseText(xml);
  // The DTD is never loaded, so the entity it would declare is unknown.
  checkRefused(result, "Entity 'leak' not defined");
  BOOST_CHECK(result.error().describe().find("LEAKED") == std::string::npos);
  // Network DTDs neither.
  checkRefused(
      parseText("<?xml version=\"1.0\"?><!DOCTYPE stmtrs SYSTEM \"http://127.0.0.1:9/x.dtd\"><stmtrs/>"),
      "DTD");
  // A DTD that is harmless in itself is refused too: no bank format has one.
  checkRefused(parseText("<?xml version=\"1.0\"?><!DOCTYPE stmtrs [<!ELEMENT stmtrs ANY>]><stmtrs/>"), "DTD");
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_refused) {
  std::string xml = "<stmtrs><curdef>DIN</curdef><trnlist><stmttrn>";
  for (int i = 0; i < 5000; ++i) {
    xml += "<a>";
  }
  for (int i = 0; i < 5000; ++i) {
    xml += "</a>";
  }
  xml += "</stmttrn></trnlist></stmtrs>";
  checkRefused(parseText(xml), "nested deeper");
}

BOOST_AUTO_TEST_CASE(huge_text_is_refused) {
  const std::string xml = kCamtOpen +
                          "<Ntry><Amt Ccy=\"EUR\">1</Amt><CdtDbtInd>CRDT</CdtDbtInd><AddtlNtryInf>" +
                          std::string(3U << 20, 'A') + "</AddtlNtryInf></Ntry>" + kCamtClose;
  checkRefused(parseText(xml), "longer than");
}

BOOST_AUTO_TEST_CASE(garbage_and_truncation_are_refused_with_a_position) {
  const auto broken = parseText("<stmtrs>\n<curdef>DIN</curdef>\n<acctid>1</wrong>\n</stmtrs>");
  checkRefused(broken, "line 3");
  BOOST_CHECK(broken.error().describe().find("asseco-xml") != std::string::npos);
  checkRefused(parseText(kCamtOpen + "<Ntry><Amt Ccy=\"EUR\">1"), "camt.053");
  checkRefused(parseText("<stmtrs"), "");
  checkRefused(parseText(std::string("<RacunPrivredaIzvod>\0\0\0", 23)), "");
}

BOOST_AUTO_TEST_SUITE_END()
