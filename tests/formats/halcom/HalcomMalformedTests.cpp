#include "HalcomTestUtil.h"
#include "banking/formats/HalcomTxt.h"

#include <boost/test/unit_test.hpp>

#include <sstream>

using namespace platnik::banking;
using namespace platnik::halcomtest;
using platnik::banking::formats::Format;

namespace {

std::vector<std::string> fixtureLines(const std::string& name) {
  std::string bytes = fixtureBytes(name);
  if (!bytes.empty() && bytes.back() == '\x1A') {
    bytes.pop_back();
  }
  std::vector<std::string> lines;
  for (std::size_t pos = 0; pos < bytes.size();) {
    const auto end = bytes.find("\r\n", pos);
    lines.push_back(bytes.substr(pos, end - pos));
    pos = end + 2;
  }
  return lines;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) {
    out += line + "\r\n";
  }
  return out + "\x1A";
}

/// The fixture with `text` written over line `line` (1-based) from `position` (1-based, bytes).
std::string patched(const std::string& name, std::size_t line, std::size_t position,
                    const std::string& text) {
  auto lines = fixtureLines(name);
  lines.at(line - 1).replace(position - 1, text.size(), text);
  return join(lines);
}

/// Expects MalformedFile at `where`, with `reason` in the message.
void expectMalformed(const std::string& bytes, Format format, const std::string& where,
                     const std::string& reason) {
  auto read = parse(bytes, format);
  BOOST_REQUIRE_MESSAGE(!read, "a malformed file was accepted; expected: " << reason);
  BOOST_TEST((read.error().code == Errc::MalformedFile));
  BOOST_TEST(read.error().where == where);
  BOOST_TEST_MESSAGE(read.error().describe());
  BOOST_TEST(read.error().message.find(reason) != std::string::npos, read.error().message);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(HalcomMalformedTests)

BOOST_AUTO_TEST_CASE(TurnoverLineOfTheWrongLength) {
  auto lines = fixtureLines("turnover_cp1250.txt");
  lines[1].pop_back();
  expectMalformed(join(lines), Format::HalcomStatement, "line 2, column 1", "279 characters");
}

BOOST_AUTO_TEST_CASE(TurnoverBadBookingDate) {
  expectMalformed(patched("turnover_cp1250.txt", 3, 21, "31.02.24"), Format::HalcomStatement,
                  "line 3, column 21", "not a valid date");
  expectMalformed(patched("turnover_cp1250.txt", 1, 21, "03-03-24"), Format::HalcomStatement,
                  "line 1, column 21", "DD.MM.YY");
}

BOOST_AUTO_TEST_CASE(TurnoverBadValueDate) {
  expectMalformed(patched("turnover_cp1250.txt", 2, 67, "0A0324"), Format::HalcomStatement,
                  "line 2, column 67", "DDMMYY");
}

BOOST_AUTO_TEST_CASE(TurnoverBadAmount) {
  expectMalformed(patched("turnover_cp1250.txt", 4, 91, "00000000001O000"), Format::HalcomStatement,
                  "line 4, column 91", "not an amount");
}

BOOST_AUTO_TEST_CASE(TurnoverUnknownPostingCode) {
  expectMalformed(patched("turnover_cp1250.txt", 5, 19, "50"), Format::HalcomStatement, "line 5, column 19",
                  "unknown posting code '50'");
}

BOOST_AUTO_TEST_CASE(TurnoverBadStornoMarkAndMissingOwnAccount) {
  expectMalformed(patched("turnover_cp1250.txt", 1, 29, "X"), Format::HalcomStatement, "line 1, column 29",
                  "storno mark");
  expectMalformed(patched("turnover_cp1250.txt", 1, 73, std::string(18, ' ')), Format::HalcomStatement,
                  "line 1, column 73", "own account is blank");
}

BOOST_AUTO_TEST_CASE(BytesThatAreNoCharacterAreRejectedWithTheirLine) {
  // 0x98 is undefined in cp1250 (and cp1251).
  expectMalformed(patched("turnover_cp1250.txt", 2, 160, "\x98"), Format::HalcomStatement, "line 2", "0x98");
}

BOOST_AUTO_TEST_CASE(EmptyFiles) {
  expectMalformed("\x1A", Format::HalcomStatement, "", "no statement lines");
  expectMalformed("\r\n", Format::HalcomRecap, "", "no recap lines");
  expectMalformed("", Format::HalcomExtended, "", "empty");
  expectMalformed("", Format::HalcomForeign, "", "no statement");
}

BOOST_AUTO_TEST_CASE(EndlessLinesStopAtAMegabyte) {
  const std::string endless(3 << 20, '1');
  expectMalformed(endless, Format::HalcomStatement, "line 1", "longer than a megabyte");
  expectMalformed("<KONTO><STK>" + endless, Format::HalcomForeign, "line 1", "longer than a megabyte");
}

BOOST_AUTO_TEST_CASE(RecapErrors) {
  expectMalformed(patched("turnover_cp1250_cov.txt", 1, 1, "02"), Format::HalcomRecap, "line 1, column 1",
                  "starts with 01");
  // A new balance that the previous balance and the day's turnover do not give.
  expectMalformed(patched("turnover_cp1250_cov.txt", 1, 103, "000000000112490051"), Format::HalcomRecap,
                  "line 1, column 103", "not the new balance 1124900.51");
  expectMalformed(patched("turnover_cp1250_cov.txt", 2, 29, "30022024"), Format::HalcomRecap,
                  "line 2, column 29", "not a valid date");
  expectMalformed(patched("turnover_cp1250_cov.txt", 3, 145, "A03"), Format::HalcomRecap,
                  "line 3, column 145", "statement number");
}

BOOST_AUTO_TEST_CASE(RecapThatDisagreesWithTheTurnover) {
  // One debit fewer in the recap: count 1 instead of 2 (and the totals kept).
  std::istringstream turnover(fixtureBytes("turnover_cp1250.txt"));
  std::istringstream recap(patched("turnover_cp1250_cov.txt", 1, 55, "000001"));
  auto read = formats::readHalcomStatementWithRecap(turnover, recap);
  BOOST_REQUIRE(!read);
  BOOST_TEST((read.error().code == Errc::MalformedFile));
  BOOST_TEST(read.error().where == "recap line 1");
  BOOST_TEST(read.error().message.find("the recap says 1 debits of 3556.78") != std::string::npos,
             read.error().message);
}

BOOST_AUTO_TEST_CASE(RecapWithoutTheTurnoversAccount) {
  auto lines = fixtureLines("turnover_cp1250_cov.txt");
  lines.erase(lines.begin() + 1);  // drop the second account's line
  std::istringstream turnover(fixtureBytes("turnover_cp1250.txt"));
  std::istringstream recap(join(lines));
  auto read = formats::readHalcomStatementWithRecap(turnover, recap);
  BOOST_REQUIRE(!read);
  BOOST_TEST(read.error().message.find("no line for the account 325000000012345698") != std::string::npos,
             read.error().message);
}

BOOST_AUTO_TEST_CASE(ExtendedFormErrors) {
  auto lines = fixtureLines("extended_cp1250.txt");
  auto missingField = lines;
  missingField[2].pop_back();  // drop the last '#'
  expectMalformed(join(missingField), Format::HalcomExtended, "line 3", "25 fields; the header row has 26");
  auto both = lines;
  both[2].replace(both[2].find("##0,50"), 6, "#1,00#0,50");
  expectMalformed(join(both), Format::HalcomExtended, "line 3, field ZNESEK_V_DOBRO",
                  "both a debit and a credit");
  auto badAmount = lines;
  badAmount[1].replace(badAmount[1].find("1.234.567,89"), 12, "1234.567,89 ");
  expectMalformed(join(badAmount), Format::HalcomExtended, "line 2, field ZNESEK_V_BREME", "1.234,56");
  auto badDate = lines;
  badDate[3].replace(badDate[3].find("#04.03.2024#"), 12, "#2024-03-04#");
  expectMalformed(join(badDate), Format::HalcomExtended, "line 4, field DATUM_OBD", "DD.MM.YYYY");
  auto noAccountColumn = lines;
  noAccountColumn[0].replace(0, 9, "ST_RACUNX");
  expectMalformed(join(noAccountColumn), Format::HalcomExtended, "line 1", "no column ST_RACUNA");
}

BOOST_AUTO_TEST_CASE(ForeignFormErrors) {
  const std::string good = fixtureBytes("foreign.txt");
  std::string unclosed = good;
  unclosed.replace(unclosed.find("</STI>"), 6, "</STX>");
  expectMalformed(unclosed, Format::HalcomForeign, "line 1, <KONTO>", "</STX> closes <STI>");
  std::string entryFirst = "<PPTPROMET><VBD>1,00</VBD><IDB>1</IDB></PPTPROMET>";
  expectMalformed(entryFirst, Format::HalcomForeign, "line 1", "before its statement");
  std::string badSide = good;
  badSide.replace(badSide.find("<IDB>1</IDB>"), 12, "<IDB>7</IDB>");
  expectMalformed(badSide, Format::HalcomForeign, "line 5, <IDB>", "neither 1 nor 2");
  std::string badAmount = good;
  badAmount.replace(badAmount.find("<VBD>200,50"), 11, "<VBD>200.50");
  expectMalformed(badAmount, Format::HalcomForeign, "line 4, <VBD>", "not an amount");
  std::string cut = good.substr(0, good.find("</PPTPROMET>"));
  expectMalformed(cut, Format::HalcomForeign, "line 4", "ends inside <PPTPROMET>");
}

BOOST_AUTO_TEST_SUITE_END()
