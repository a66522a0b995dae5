#include "HalcomTestUtil.h"
#include "banking/formats/Encoding.h"
#include "banking/formats/HalcomTxt.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <sstream>

using namespace platnik::banking;
using namespace platnik::halcomtest;
using platnik::banking::formats::Format;

BOOST_AUTO_TEST_SUITE(HalcomReaderTests)

BOOST_AUTO_TEST_CASE(TurnoverGivesOneStatementPerOwnAccountWithEveryField) {
  auto read = parse(fixtureBytes("turnover_cp1250.txt"), Format::HalcomStatement);
  HALCOM_REQUIRE_OK(read);
  const auto& statements = read.value();
  BOOST_REQUIRE_EQUAL(statements.size(), 2u);

  const StatementInfo& info = statements[0].info;
  BOOST_TEST(info.account == "160000000018203969");
  BOOST_TEST(info.iban == "RS35160000000018203969");
  BOOST_TEST(info.currency->code() == "RSD");
  BOOST_TEST(info.ownerName == "PLATNIK DOO ČAČAK");  // cp1250 read as UTF-8
  BOOST_TEST(info.number.empty());                    // the number lives in the recap
  BOOST_TEST(!info.opening.has_value());
  BOOST_TEST(!info.closing.has_value());
  BOOST_TEST((info.date == ymd(2024, 3, 3)));

  const auto& entries = statements[0].entries;
  BOOST_REQUIRE_EQUAL(entries.size(), 4u);
  const Entry& credit = entries[0];
  BOOST_TEST(credit.amount == rsd(12500050));
  BOOST_TEST((credit.bookingDate == ymd(2024, 3, 3)));
  BOOST_TEST((credit.valueDate == ymd(2024, 3, 3)));
  BOOST_TEST(credit.counterparty.account == "265000000000123488");
  BOOST_TEST(credit.counterparty.name == "Šumadija promet DOO");
  BOOST_TEST(credit.counterparty.place == "Beograd");
  BOOST_TEST(credit.purpose == "Uplata po računu 12/24");
  BOOST_TEST(credit.paymentCode == "221");
  BOOST_TEST(credit.debitReference.empty());
  BOOST_TEST(credit.reference.model == "97");
  BOOST_TEST(credit.reference.number == "0812345");
  BOOST_TEST(credit.bankReference == "24063000123//000001");
  BOOST_TEST(credit.transactionCode == "20");
  BOOST_TEST(!credit.reversal);

  const Entry& debit = entries[1];
  BOOST_TEST(debit.amount == rsd(-345678));
  BOOST_TEST((debit.valueDate == ymd(2024, 3, 2)));
  BOOST_TEST(debit.debitReference.model == "00");
  BOOST_TEST(debit.debitReference.number == "2024-17");
  BOOST_TEST(debit.counterparty.name == "Đorđević i sinovi");
  BOOST_TEST(debit.counterparty.place == "Niš");
  BOOST_TEST(!debit.reversal);

  // 30: storno of a debit, the money comes back (positive); 40: storno of a credit (negative).
  BOOST_TEST(entries[2].amount == rsd(345678));
  BOOST_TEST(entries[2].reversal);
  BOOST_TEST(entries[2].transactionCode == "30");
  BOOST_TEST(entries[3].amount == rsd(-10000));
  BOOST_TEST(entries[3].reversal);
  BOOST_TEST(entries[3].counterparty.account.empty());  // a bank-side line may have none
  BOOST_TEST(entries[3].paymentCode == "289");

  BOOST_TEST(statements[1].info.account == "325000000012345698");
  BOOST_TEST(statements[1].info.ownerName == "PLATNIK DOO");
  BOOST_REQUIRE_EQUAL(statements[1].entries.size(), 1u);
  BOOST_TEST(statements[1].entries[0].amount == rsd(-50000));
  BOOST_TEST(statements[1].entries[0].debitReference.model == "97");
  BOOST_TEST((statements[1].info.date == ymd(2024, 3, 4)));
}

BOOST_AUTO_TEST_CASE(TheSameFileInUtf8WithLfAndNoEndMarkReadsTheSame) {
  const std::string original = fixtureBytes("turnover_cp1250.txt");
  auto utf8 = formats::toUtf8(original, formats::Encoding::Cp1250);
  BOOST_REQUIRE(utf8);
  std::string text = utf8.value();
  text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
  text.erase(std::remove(text.begin(), text.end(), '\x1A'), text.end());
  BOOST_REQUIRE(text != original);
  auto fromCp1250 = parse(original, Format::HalcomStatement);
  auto fromUtf8 = parse(text, Format::HalcomStatement);
  HALCOM_REQUIRE_OK(fromUtf8);
  BOOST_TEST((fromCp1250.value() == fromUtf8.value()));
}

BOOST_AUTO_TEST_CASE(RecapAloneGivesBalancesAndNoEntries) {
  auto read = parse(fixtureBytes("turnover_cp1250_cov.txt"), Format::HalcomRecap);
  HALCOM_REQUIRE_OK(read);
  const auto& statements = read.value();
  BOOST_REQUIRE_EQUAL(statements.size(), 3u);
  const StatementInfo& info = statements[0].info;
  BOOST_TEST(statements[0].entries.empty());
  BOOST_TEST(info.account == "160000000018203969");
  BOOST_TEST(info.number == "42");
  BOOST_TEST((info.date == ymd(2024, 3, 3)));
  BOOST_REQUIRE(info.opening);
  BOOST_TEST(info.opening->amount == rsd(100000000));
  BOOST_TEST((info.opening->date == ymd(2024, 3, 1)));
  BOOST_TEST((info.opening->type == BalanceType::Opening));
  BOOST_REQUIRE(info.closing);
  BOOST_TEST(info.closing->amount == rsd(112490050));
  BOOST_TEST((info.closing->date == ymd(2024, 3, 3)));
  BOOST_TEST(statements[1].info.number == "7");
  BOOST_TEST(statements[2].info.number == "3");
}

BOOST_AUTO_TEST_CASE(TurnoverWithRecapGivesCompleteStatements) {
  std::istringstream turnover(fixtureBytes("turnover_cp1250.txt"));
  std::istringstream recap(fixtureBytes("turnover_cp1250_cov.txt"));
  auto read = formats::readHalcomStatementWithRecap(turnover, recap);
  HALCOM_REQUIRE_OK(read);
  const auto& statements = read.value();
  BOOST_REQUIRE_EQUAL(statements.size(), 3u);
  const Statement& first = statements[0];
  BOOST_TEST(first.info.number == "42");
  BOOST_TEST(first.info.ownerName == "PLATNIK DOO ČAČAK");
  BOOST_TEST(first.info.opening->amount == rsd(100000000));
  BOOST_TEST(first.info.closing->amount == rsd(112490050));
  BOOST_TEST(first.entries.size() == 4u);
  Money sum = first.info.opening->amount;
  for (const Entry& e : first.entries) {
    sum = sum.plus(e.amount).value();
  }
  BOOST_TEST(sum == first.info.closing->amount);
  BOOST_TEST(statements[1].info.number == "7");
  BOOST_TEST(statements[1].entries.size() == 1u);
  // The recap's third account had no entries that day.
  BOOST_TEST(statements[2].info.account == "840000000095584510");
  BOOST_TEST(statements[2].entries.empty());
  BOOST_TEST(statements[2].info.closing->amount == rsd(1000));
}

BOOST_AUTO_TEST_CASE(AnEmptyTurnoverWithItsRecapGivesTheRecapsStatements) {
  std::istringstream turnover(std::string("\x1A"));
  std::string recapLine = fixtureBytes("turnover_cp1250_cov.txt");
  recapLine =
      recapLine.substr(recapLine.find("\r\n", recapLine.find("\r\n") + 2) + 2);  // the third line only
  std::istringstream recap(recapLine);
  auto read = formats::readHalcomStatementWithRecap(turnover, recap);
  HALCOM_REQUIRE_OK(read);
  BOOST_REQUIRE_EQUAL(read.value().size(), 1u);
  BOOST_TEST(read.value()[0].info.number == "3");
}

BOOST_AUTO_TEST_CASE(ExtendedFormGroupsByAccountAndNumber) {
  auto read = parse(fixtureBytes("extended_cp1250.txt"), Format::HalcomExtended);
  HALCOM_REQUIRE_OK(read);
  const auto& statements = read.value();
  BOOST_REQUIRE_EQUAL(statements.size(), 2u);
  const StatementInfo& info = statements[0].info;
  BOOST_TEST(info.account == "160-000000018203969");
  BOOST_TEST(info.iban == "RS35160000000018203969");
  BOOST_TEST(info.number == "42");
  BOOST_TEST((info.date == ymd(2024, 3, 3)));
  BOOST_REQUIRE_EQUAL(statements[0].entries.size(), 2u);
  const Entry& debit = statements[0].entries[0];
  BOOST_TEST(debit.amount == rsd(-123456789));
  BOOST_TEST((debit.valueDate == ymd(2024, 3, 2)));
  BOOST_TEST((debit.bookingDate == ymd(2024, 3, 3)));
  BOOST_TEST(debit.counterparty.account == "205-0000000012345-10");
  BOOST_TEST(debit.counterparty.name == "Đorđević i sinovi");
  BOOST_TEST(debit.purpose == "Zakup za mart");
  BOOST_TEST(debit.paymentCode == "221");
  BOOST_TEST(debit.reference.model == "97");
  BOOST_TEST(debit.reference.number == "4521750940-2204");
  BOOST_TEST(debit.debitReference.model == "00");
  BOOST_TEST(debit.debitReference.number == "2024-17");
  BOOST_TEST(debit.bankReference == "N-1001");
  BOOST_TEST(debit.additionalInfo == "Đorđević - Zakup");
  BOOST_TEST(statements[0].entries[1].amount == rsd(50));
  BOOST_TEST(statements[1].info.number == "43");
  BOOST_TEST(statements[1].entries[0].amount == rsd(1000000));
  BOOST_TEST(statements[1].entries[0].purpose == "Povraćaj");
}

BOOST_AUTO_TEST_CASE(ForeignCurrencyTagFormGivesBalancesAndEntries) {
  auto read = parse(fixtureBytes("foreign.txt"), Format::HalcomForeign);
  HALCOM_REQUIRE_OK(read);
  const auto& statements = read.value();
  BOOST_REQUIRE_EQUAL(statements.size(), 1u);
  const StatementInfo& info = statements[0].info;
  const Currency eur = Currency::eur();
  BOOST_TEST(info.account == "160-000000018203969");
  BOOST_TEST(info.currency->code() == "EUR");
  BOOST_TEST(info.number == "12");
  BOOST_TEST(info.ownerName == "PLATNIK DOO");
  BOOST_TEST((info.date == ymd(2024, 3, 5)));
  BOOST_TEST(info.opening->amount == Money(100000, eur));
  BOOST_TEST((info.opening->date == ymd(2024, 2, 29)));
  BOOST_TEST(info.closing->amount == Money(115025, eur));
  const auto& entries = statements[0].entries;
  BOOST_REQUIRE_EQUAL(entries.size(), 2u);
  BOOST_TEST(entries[0].amount == Money(20050, eur));
  BOOST_TEST(entries[0].counterparty.name == "Müller GmbH München");
  BOOST_TEST(entries[0].purpose == "/INV/7/24 Iznos upućen od strane");
  BOOST_TEST(entries[0].bankReference == "REF-1");
  BOOST_TEST(entries[0].additionalInfo == "prvi");
  BOOST_TEST((entries[0].valueDate == ymd(2024, 3, 4)));
  BOOST_TEST(entries[1].amount == Money(-5025, eur));
}

BOOST_AUTO_TEST_CASE(FormatsAreDetectedFromContent) {
  const std::pair<const char*, Format> cases[] = {
      {"turnover_cp1250.txt", Format::HalcomStatement},
      {"turnover_cp1250_cov.txt", Format::HalcomRecap},
      {"extended_cp1250.txt", Format::HalcomExtended},
      {"foreign.txt", Format::HalcomForeign},
  };
  for (const auto& [name, format] : cases) {
    std::istringstream in(fixtureBytes(name));
    StatementCollector collector;
    auto read = formats::readStatements(in, collector);
    BOOST_REQUIRE_MESSAGE(read.has_value(),
                          name << ": " << (read.has_value() ? std::string() : read.error().describe()));
    BOOST_TEST((read.value() == format), name);
  }
}

BOOST_AUTO_TEST_SUITE_END()
