#include "HalcomTestUtil.h"
#include "banking/formats/Encoding.h"
#include "banking/formats/HalcomTxt.h"

#include <boost/test/unit_test.hpp>

#include <sstream>

using namespace platnik::banking;
using namespace platnik::halcomtest;
using platnik::banking::formats::Format;

namespace {

/// The field at the spec's 1-based position.
std::string at(const std::string& line, std::size_t position, std::size_t width) {
  return line.substr(position - 1, width);
}

/// Text padded with blanks to the field's width.
std::string pad(const std::string& text, std::size_t width) {
  return text + std::string(width - text.size(), ' ');
}

Statement sampleLikeStatement() {
  Statement s;
  s.info.account = "205000000010804045";
  s.info.currency = Currency::rsd();
  s.info.number = "247";
  s.info.date = ymd(2011, 12, 27);
  s.info.ownerName = "Čačak Trade DOO";
  s.info.opening = Balance{BalanceType::Opening, rsd(306440645), ymd(2011, 12, 26)};
  s.info.closing = Balance{BalanceType::Closing, rsd(310204900), ymd(2011, 12, 27)};
  const std::int64_t debits[] = {35925, 84600, 2963672, 120428, 12000};
  Entry credit;
  credit.bookingDate = ymd(2011, 12, 27);
  credit.valueDate = ymd(2011, 12, 26);
  credit.amount = rsd(6980880);
  credit.counterparty = Counterparty{"Ђорђе Љубић", "160000000026565175", "Šabac", ""};
  credit.purpose = "PROMET ROBE I USLUGA - FINALNA POTROŠNJA I JOŠ";
  credit.paymentCode = "221";
  credit.debitReference = Reference{"0", ""};
  credit.reference = Reference{"00", "P1194-11"};
  credit.bankReference = "087000793707972";
  s.entries.push_back(credit);
  for (std::int64_t d : debits) {
    Entry debit;
    debit.bookingDate = ymd(2011, 12, 27);
    debit.amount = rsd(-d);
    debit.counterparty.account = "340-11000611-19";
    debit.paymentCode = "221";
    s.entries.push_back(debit);
  }
  return s;
}

std::string written(const Statement& statement, bool recap) {
  std::ostringstream out;
  auto result = recap ? formats::writeHalcomRecap(out, std::span(&statement, 1))
                      : formats::writeHalcomTurnover(out, std::span(&statement, 1));
  HALCOM_REQUIRE_OK(result);
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(HalcomWriterTests)

BOOST_AUTO_TEST_CASE(TurnoverLineHasEveryFieldAtItsSpecPosition) {
  const std::string file = written(sampleLikeStatement(), false);
  BOOST_TEST(file.size() == 6 * 282 + 1);
  BOOST_TEST(file.back() == '\x1A');
  const std::string line = file.substr(0, 282);
  BOOST_TEST(line.substr(280) == "\r\n");
  BOOST_TEST(at(line, 1, 18) == "160000000026565175");
  BOOST_TEST(at(line, 19, 2) == "20");
  BOOST_TEST(at(line, 21, 8) == "27.12.11");
  BOOST_TEST(at(line, 29, 2) == "  ");
  BOOST_TEST(at(line, 31, 35) == pad("\xC8"
                                     "a\xE8"
                                     "ak Trade DOO",
                                     35));  // cp1250
  BOOST_TEST(at(line, 66, 1) == " ");
  BOOST_TEST(at(line, 67, 6) == "261211");
  BOOST_TEST(at(line, 73, 18) == "205000000010804045");
  BOOST_TEST(at(line, 91, 15) == "000000006980880");
  BOOST_TEST(at(line, 106, 6) == " 221  ");
  BOOST_TEST(at(line, 112, 2) == "0 ");
  BOOST_TEST(at(line, 114, 22) == std::string(22, ' '));
  BOOST_TEST(at(line, 136, 2) == "00");
  BOOST_TEST(at(line, 138, 22) == pad("P1194-11", 22));
  // Descriptive text longer than its field is cut to it (36 characters of purpose).
  BOOST_TEST(at(line, 160, 36) == "PROMET ROBE I USLUGA - FINALNA POTRO");
  BOOST_TEST(at(line, 196, 10) == pad("\x8A"
                                      "abac",
                                      10));
  // Cyrillic is written in Latin: cp1250 has no Cyrillic letters.
  BOOST_TEST(at(line, 206, 35) == pad("\xD0or\xF0"
                                      "e Ljubi\xE6",
                                      35));
  BOOST_TEST(at(line, 241, 22) == pad("087000793707972", 22));
  BOOST_TEST(at(line, 263, 18) == std::string(18, ' '));
  const std::string debit = file.substr(282, 282);
  BOOST_TEST(at(debit, 1, 18) == "340000001100061119");  // the short form written as 18 digits
  BOOST_TEST(at(debit, 19, 2) == "10");
  BOOST_TEST(at(debit, 67, 6) == "      ");  // no value date
  BOOST_TEST(at(debit, 91, 15) == "000000000035925");
}

BOOST_AUTO_TEST_CASE(RecapLineIsByteForByteTheBanksLayout) {
  // The same values as the real recap coriolis_halcom_HalcomIZVOD_cov.txt (transcribed here so
  // that the test runs without ../shared).
  const std::string expected =
      "012050000000108040452712201126122011000000000306440645000005000000000003216625000001000000000006980880"
      "0000"
      "00000310204900000000000000000000000000247\r\n\x1A";
  BOOST_TEST(written(sampleLikeStatement(), true) == expected);
}

BOOST_AUTO_TEST_CASE(StornoEntriesGetTheirPostingCodeAndMark) {
  Statement s = sampleLikeStatement();
  s.entries.resize(2);
  s.entries[0].reversal = true;  // positive storno: of a debit
  s.entries[1].reversal = true;  // negative storno: of a credit
  const std::string file = written(s, false);
  BOOST_TEST(at(file, 19, 4) ==
             "30"
             "27");
  BOOST_TEST(at(file, 29, 2) == "S ");
  BOOST_TEST(at(file.substr(282), 19, 2) == "40");
  BOOST_TEST(at(file.substr(282), 29, 2) == "S ");
  // A code of the entry's own that agrees with the sign stays, the mark tells the storno:
  // 20 + S and 10 + S read back as the same data as 30 and 40.
  s.entries[0].transactionCode = "20";
  s.entries[1].transactionCode = "10";
  const std::string own = written(s, false);
  BOOST_TEST(at(own, 19, 2) == "20");
  BOOST_TEST(at(own, 29, 2) == "S ");
  BOOST_TEST(at(own.substr(282), 19, 2) == "10");
  // A code that contradicts the sign is not kept.
  s.entries[0].transactionCode = "40";
  BOOST_TEST(at(written(s, false), 19, 2) == "30");
}

BOOST_AUTO_TEST_CASE(OwnFixturesRoundTripByteForByte) {
  const std::string turnoverBytes = fixtureBytes("turnover_cp1250.txt");
  const std::string recapBytes = fixtureBytes("turnover_cp1250_cov.txt");
  std::istringstream turnover(turnoverBytes);
  std::istringstream recap(recapBytes);
  auto statements = formats::readHalcomStatementWithRecap(turnover, recap);
  HALCOM_REQUIRE_OK(statements);
  std::ostringstream turnoverOut;
  std::ostringstream recapOut;
  HALCOM_REQUIRE_OK(formats::writeHalcomTurnover(turnoverOut, statements.value()));
  HALCOM_REQUIRE_OK(formats::writeHalcomRecap(recapOut, statements.value()));
  BOOST_TEST(turnoverOut.str() == turnoverBytes);
  BOOST_TEST(recapOut.str() == recapBytes);

  std::istringstream turnoverAgain(turnoverOut.str());
  std::istringstream recapAgain(recapOut.str());
  auto again = formats::readHalcomStatementWithRecap(turnoverAgain, recapAgain);
  HALCOM_REQUIRE_OK(again);
  BOOST_TEST((again.value() == statements.value()));
}

BOOST_AUTO_TEST_CASE(WrittenStatementReadsBackToTheSameData) {
  Statement s = sampleLikeStatement();
  s.entries[0].purpose = "Kratka svrha";
  s.entries[0].counterparty.name = "Đorđe Ljubić";
  std::istringstream turnover(written(s, false));
  std::istringstream recap(written(s, true));
  auto read = formats::readHalcomStatementWithRecap(turnover, recap);
  HALCOM_REQUIRE_OK(read);
  BOOST_REQUIRE_EQUAL(read.value().size(), 1u);
  Statement expected = s;
  expected.info.iban = "RS35205000000010804045";
  for (Entry& e : expected.entries) {
    e.counterparty.account = "340000001100061119";
    e.transactionCode = "10";
  }
  expected.entries[0].counterparty.account = "160000000026565175";
  expected.entries[0].transactionCode = "20";
  expected.entries[0].counterparty.place = "Šabac";
  BOOST_TEST((read.value()[0].info == expected.info));
  BOOST_TEST((read.value()[0].entries == expected.entries));
}

BOOST_AUTO_TEST_CASE(ValuesThatDoNotFitAreRefused) {
  std::ostringstream out;
  Statement s = sampleLikeStatement();
  s.entries[0].reference.number = std::string(23, '1');
  auto tooLong = formats::writeHalcomTurnover(out, std::span(&s, 1));
  BOOST_REQUIRE(!tooLong);
  BOOST_TEST((tooLong.error().code == Errc::Overflow));
  BOOST_TEST(tooLong.error().where == "statement 1, entry 1");
  BOOST_TEST(tooLong.error().message.find("credit reference") != std::string::npos);

  s = sampleLikeStatement();
  s.entries[2].counterparty.account = "DE89370400440532013000";
  auto foreign = formats::writeHalcomTurnover(out, std::span(&s, 1));
  BOOST_REQUIRE(!foreign);
  BOOST_TEST((foreign.error().code == Errc::InvalidAccount));
  BOOST_TEST(foreign.error().where == "statement 1, entry 3");

  s = sampleLikeStatement();
  s.info.currency = Currency::eur();
  BOOST_TEST(!formats::writeHalcomTurnover(out, std::span(&s, 1)));

  s = sampleLikeStatement();
  s.info.number = "1001";
  auto number = formats::writeHalcomRecap(out, std::span(&s, 1));
  BOOST_REQUIRE(!number);
  BOOST_TEST((number.error().code == Errc::Overflow));

  s = sampleLikeStatement();
  s.info.closing->amount = rsd(310204901);
  auto unbalanced = formats::writeHalcomRecap(out, std::span(&s, 1));
  BOOST_REQUIRE(!unbalanced);
  BOOST_TEST(unbalanced.error().message.find("not the closing balance 3102049.01") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(NegativeBalancesCarryAMinusAndReadBack) {
  Statement s = sampleLikeStatement();
  s.info.opening->amount = rsd(-100);
  s.info.closing->amount = rsd(-100 + 6980880 - 3216625);
  const std::string recap = written(s, true);
  BOOST_TEST(at(recap, 37, 18) == "-00000000000000100");
  std::istringstream turnover(written(s, false));
  std::istringstream recapIn(recap);
  auto read = formats::readHalcomStatementWithRecap(turnover, recapIn);
  HALCOM_REQUIRE_OK(read);
  BOOST_TEST(read.value()[0].info.opening->amount == rsd(-100));
}

BOOST_AUTO_TEST_CASE(FromUtf8KeepsWhatTheEncodingHasAndTransliteratesTheRest) {
  using formats::Encoding;
  BOOST_TEST(formats::fromUtf8("Čačak đ Ž", Encoding::Cp1250).value() ==
             "\xC8"
             "a\xE8"
             "ak \xF0 \x8E");
  BOOST_TEST(formats::fromUtf8("Ђорђе Љиљана", Encoding::Cp1250).value() ==
             "\xD0or\xF0"
             "e Ljiljana");
  BOOST_TEST(formats::fromUtf8("10 €", Encoding::Cp1250).value() == "10 \x80");
  BOOST_TEST(formats::fromUtf8("10 € Čačak", Encoding::Latin1).value() == "10 ? Cacak");
  BOOST_TEST(formats::fromUtf8("Ђорђе", Encoding::Cp1251).value() == "\x80\xEE\xF0\x90\xE5");
  BOOST_TEST(formats::fromUtf8("ok", Encoding::Utf8).value() == "ok");
  BOOST_TEST(!formats::fromUtf8("\xC3", Encoding::Cp1250));
  // Back again: what cp1250 holds survives unchanged.
  BOOST_TEST(
      formats::toUtf8(formats::fromUtf8("Šćžđč ŠĆŽĐČ", Encoding::Cp1250).value(), Encoding::Cp1250).value() ==
      "Šćžđč ŠĆŽĐČ");
}

BOOST_AUTO_TEST_SUITE_END()
