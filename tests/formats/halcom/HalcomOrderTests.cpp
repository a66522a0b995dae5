#include "HalcomTestUtil.h"
#include "banking/formats/HalcomTxt.h"

#include <boost/test/unit_test.hpp>

#include <sstream>

using namespace platnik::banking;
using namespace platnik::halcomtest;

namespace {

Result<std::vector<formats::HalcomImportedOrder>> readOrders(const std::string& bytes) {
  std::istringstream in(bytes);
  return formats::readHalcomOrders(in);
}

std::vector<PaymentOrder> ordersOf(const std::vector<formats::HalcomImportedOrder>& imported) {
  std::vector<PaymentOrder> orders;
  for (const auto& i : imported) {
    orders.push_back(i.order);
  }
  return orders;
}

/// The fixture with `text` written over line `line` from `position` (both 1-based).
std::string patched(std::size_t line, std::size_t position, const std::string& text) {
  std::string bytes = fixtureBytes("orders_cp1250.txt");
  std::size_t start = 0;
  for (std::size_t i = 1; i < line; ++i) {
    start = bytes.find("\r\n", start) + 2;
  }
  bytes.replace(start + position - 1, text.size(), text);
  return bytes;
}

void expectMalformed(const std::string& bytes, const std::string& where, const std::string& reason) {
  auto read = readOrders(bytes);
  BOOST_REQUIRE_MESSAGE(!read, "accepted; expected: " << reason);
  BOOST_TEST((read.error().code == Errc::MalformedFile));
  BOOST_TEST(read.error().where == where);
  BOOST_TEST(read.error().message.find(reason) != std::string::npos, read.error().message);
}

PaymentOrder simpleOrder() {
  PaymentOrder o;
  o.payerName = "Platnik DOO";
  o.payerPlace = "Beograd";
  o.payerAccount = "160-182039-69";
  o.recipientName = "Ђорђе Љубић";
  o.recipientPlace = "Užice";
  o.recipientAccount = "265000000000123488";
  o.amount = rsd(123456);
  o.paymentCode = "289";
  o.purpose = "Uplata";
  o.creditReference = Reference{"97", "0812345"};
  o.executionDate = ymd(2024, 3, 6);
  return o;
}

std::string written(const std::vector<PaymentOrder>& orders) {
  std::ostringstream out;
  auto result = formats::writeHalcomOrders(out, orders);
  HALCOM_REQUIRE_OK(result);
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(HalcomOrderTests)

BOOST_AUTO_TEST_CASE(OrderFileGivesOrdersWithTheirLines) {
  auto read = readOrders(fixtureBytes("orders_cp1250.txt"));
  HALCOM_REQUIRE_OK(read);
  const auto& orders = read.value();
  BOOST_REQUIRE_EQUAL(orders.size(), 3u);
  BOOST_TEST(orders[0].line == 3u);
  BOOST_TEST(orders[2].line == 5u);
  const PaymentOrder& first = orders[0].order;
  BOOST_TEST(first.payerAccount == "160000000018203969");
  BOOST_TEST(first.payerName == "PLATNIK DOO ČAČAK");
  BOOST_TEST(first.payerPlace == "Čačak");
  BOOST_TEST(first.recipientAccount == "265000000000123488");
  BOOST_TEST(first.recipientName == "Šumadija promet DOO");
  BOOST_TEST(first.recipientPlace == "Beograd");
  BOOST_TEST(first.purpose == "Račun 12/24");
  BOOST_TEST(first.paymentCode == "221");
  BOOST_TEST(first.amount == rsd(12345678));
  BOOST_TEST(first.debitReference.empty());
  BOOST_TEST(first.creditReference.model == "97");
  BOOST_TEST(first.creditReference.number == "0812345");
  BOOST_TEST((first.executionDate == ymd(2024, 3, 6)));
  BOOST_TEST(!first.urgent);
  BOOST_TEST(orders[1].order.debitReference.model == "97");
  BOOST_TEST(orders[1].order.debitReference.number == "1234567890");
  BOOST_TEST(orders[1].order.paymentCode == "253");
  // "9" at 135 marks a refund: the NBS form 9 of the payment code.
  BOOST_TEST(orders[2].order.paymentCode == "957");
  BOOST_TEST(orders[2].order.amount == rsd(99));
}

BOOST_AUTO_TEST_CASE(WritingTheReadOrdersGivesTheSameFileByteForByte) {
  const std::string bytes = fixtureBytes("orders_cp1250.txt");
  auto read = readOrders(bytes);
  HALCOM_REQUIRE_OK(read);
  BOOST_TEST(written(ordersOf(read.value())) == bytes);
}

BOOST_AUTO_TEST_CASE(RecordsHaveEveryFieldAtItsSpecPosition) {
  PaymentOrder second = simpleOrder();
  second.executionDate = ymd(2024, 3, 7);
  second.paymentCode = "321";  // netting
  second.debitReference = Reference{"11", "ABC-1"};
  const std::string file = written({simpleOrder(), second});
  BOOST_TEST(file.back() == '\x1A');
  BOOST_TEST(file.size() == 2 * 182 + 2 * 184 + 1);
  const std::string address = file.substr(0, 182);
  BOOST_TEST(address.substr(0, 18) == "160000000018203969");
  BOOST_TEST(address.substr(18, 35) == "Platnik DOO" + std::string(24, ' '));
  BOOST_TEST(address.substr(53, 10) == "Beograd   ");
  BOOST_TEST(address.substr(63, 6) == "      ");  // the orders' dates differ
  BOOST_TEST(address.substr(69, 98) == std::string(98, ' '));
  BOOST_TEST(address.substr(167, 12) == "MULTI E-BANK");
  BOOST_TEST(address.substr(179, 3) == "0\r\n");
  const std::string sum = file.substr(182, 182);
  BOOST_TEST(sum.substr(63, 15) == "000000000246912");
  BOOST_TEST(sum.substr(78, 5) == "00002");
  BOOST_TEST(sum.substr(83, 96) == std::string(96, ' '));
  BOOST_TEST(sum.substr(179, 3) == "9\r\n");
  const std::string order = file.substr(364, 184);
  BOOST_TEST(order.substr(0, 18) == "265000000000123488");
  BOOST_TEST(order.substr(18, 35) ==
             "\xD0or\xF0"
             "e Ljubi\xE6" +
                 std::string(23, ' '));  // Cyrillic in Latin
  BOOST_TEST(order.substr(53, 10) ==
             "U\x9E"
             "ice     ");
  BOOST_TEST(order.substr(63, 1) == "0");
  BOOST_TEST(order.substr(64, 25) == std::string(25, ' '));
  BOOST_TEST(order.substr(89, 36) == "Uplata" + std::string(30, ' '));
  BOOST_TEST(order.substr(125, 5) == "00000");
  BOOST_TEST(order.substr(130, 6) == " 289  ");
  BOOST_TEST(order.substr(136, 13) == "0000000123456");
  BOOST_TEST(order.substr(149, 25) == "970812345" + std::string(16, ' '));
  BOOST_TEST(order.substr(174, 6) == "060324");
  BOOST_TEST(order.substr(180, 4) == "01\r\n");
  const std::string netting = file.substr(548, 184);
  BOOST_TEST(netting.substr(64, 25) == "11ABC-1" + std::string(18, ' '));
  BOOST_TEST(netting.substr(130, 6) == " 321  ");
  BOOST_TEST(netting.substr(174, 6) == "070324");
  BOOST_TEST(netting.substr(180, 2) == "41");  // document type 4: netting
}

BOOST_AUTO_TEST_CASE(WrittenOrdersReadBack) {
  PaymentOrder refund = simpleOrder();
  refund.paymentCode = "957";
  refund.recipientName = "Đorđe Ljubić";
  refund.payerAccount = "160000000018203969";
  const std::vector<PaymentOrder> orders{refund, refund};
  auto read = readOrders(written(orders));
  HALCOM_REQUIRE_OK(read);
  for (const auto& imported : read.value()) {
    BOOST_TEST((imported.order == refund));
  }
}

BOOST_AUTO_TEST_CASE(TheSumRecordIsChecked) {
  expectMalformed(patched(2, 79, "00004"), "line 2, column 79", "counts 4 orders, the file holds 3");
  expectMalformed(patched(2, 64, "000000017345778"), "line 2, column 64",
                  "total is 173457.78, the orders add up to 173457.77");
  std::string noSum = fixtureBytes("orders_cp1250.txt");
  noSum.erase(182, 182);
  expectMalformed(noSum, "", "no sum record");
}

BOOST_AUTO_TEST_CASE(MalformedOrderFiles) {
  expectMalformed(patched(3, 132, "1"), "line 3, column 132", "neither 2 (transfer) nor 3");
  expectMalformed(patched(3, 133, "2A"), "line 3, column 133", "basis");
  expectMalformed(patched(4, 137, "00000O5000000"), "line 4, column 137", "not an amount");
  expectMalformed(patched(5, 175, "310224"), "line 5, column 175", "not a valid date");
  expectMalformed(patched(5, 182, "7"), "line 5, column 182", "neither 0, 1 nor 9");
  std::string order = fixtureBytes("orders_cp1250.txt");
  expectMalformed(order.substr(182), "line 1, column 180", "does not start with the address record");
  std::string shortLine = order;
  shortLine.erase(364 + 10, 1);
  expectMalformed(shortLine, "line 3, column 1", "181 characters");
}

BOOST_AUTO_TEST_CASE(OrdersThatCannotBeWrittenAreRefusedWithTheirNumber) {
  std::ostringstream out;
  PaymentOrder longPurpose = simpleOrder();
  longPurpose.purpose = std::string(37, 'x');
  auto tooLong = formats::writeHalcomOrders(out, std::vector{simpleOrder(), longPurpose});
  BOOST_REQUIRE(!tooLong);
  BOOST_TEST((tooLong.error().code == Errc::Overflow));
  BOOST_TEST(tooLong.error().where == "order 2");
  BOOST_TEST(tooLong.error().message.find("purpose") != std::string::npos);

  PaymentOrder cash = simpleOrder();
  cash.paymentCode = "121";
  BOOST_TEST(!formats::writeHalcomOrders(out, std::vector{cash}));
  PaymentOrder euro = simpleOrder();
  euro.amount = Money(100, Currency::eur());
  BOOST_TEST(!formats::writeHalcomOrders(out, std::vector{euro}));
  PaymentOrder otherPayer = simpleOrder();
  otherPayer.payerAccount = "205000000001234510";
  auto twoPayers = formats::writeHalcomOrders(out, std::vector{simpleOrder(), otherPayer});
  BOOST_REQUIRE(!twoPayers);
  BOOST_TEST(twoPayers.error().where == "order 2");
  PaymentOrder badAccount = simpleOrder();
  badAccount.recipientAccount = "265-abc";
  auto account = formats::writeHalcomOrders(out, std::vector{badAccount});
  BOOST_REQUIRE(!account);
  BOOST_TEST((account.error().code == Errc::InvalidAccount));
  BOOST_TEST(!formats::writeHalcomOrders(out, std::vector<PaymentOrder>{}));
  BOOST_TEST(out.str().empty());  // nothing is written when an order is refused
}

BOOST_AUTO_TEST_SUITE_END()
