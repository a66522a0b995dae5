#include "banking/OrderFromQr.h"

#include <boost/test/unit_test.hpp>

using namespace platnik::banking;

BOOST_AUTO_TEST_SUITE(OrderFromQrTests)

BOOST_AUTO_TEST_CASE(a_printed_bill_fills_the_recipient_side) {
  // A real Telekom Srbija bill (medigeek/php-ips-qr-code test vector).
  const auto qr = parseIpsQr(
                      "K:PR|V:01|C:1|R:160000000000060216|N:Telekom Srbija A.D.\nTakovska 2\nBeograd|"
                      "I:RSD999,99|P:SAVVAS RADEVIĆ\nIMEULICE 01\n11000 BEOGRAD 6|SF:189|"
                      "S:MTS Račun 01/2020 12345566/2|RO:97082240113797893")
                      .value();
  PaymentOrder base;
  base.payerAccount = "265000000060059497";
  base.urgent = true;
  const PaymentOrder order = orderFromIpsQr(qr, base);
  BOOST_TEST(order.recipientAccount == "160000000000060216");
  BOOST_TEST(order.recipientName == "Telekom Srbija A.D.");
  BOOST_TEST(order.recipientPlace == "Beograd");
  BOOST_TEST(order.amount == Money(99999, Currency::rsd()));
  BOOST_TEST(order.paymentCode == "289");  // 189 is for paying at a counter
  BOOST_TEST(order.purpose == "MTS Račun 01/2020 12345566/2");
  BOOST_TEST(order.creditReference.model == "97");
  BOOST_TEST(order.creditReference.number == "082240113797893");
  BOOST_TEST(order.payerName == "SAVVAS RADEVIĆ");
  BOOST_TEST(order.payerPlace == "BEOGRAD 6");             // the postal code is dropped
  BOOST_TEST(order.payerAccount == "265000000060059497");  // the code names no payer account
  BOOST_TEST(order.urgent);
  // The recipient side and the reference of the filled order pass validation.
  for (const auto& problem : validate(order, makeDate(2020, 1, 15).value())) {
    BOOST_TEST_INFO(problem.message);
    BOOST_TEST((problem.field != OrderField::RecipientAccount &&
                problem.field != OrderField::CreditReference && problem.field != OrderField::CreditModel &&
                problem.field != OrderField::Amount));
  }
}

BOOST_AUTO_TEST_CASE(model_00_means_no_model) {
  const auto qr =
      parseIpsQr("K:PR|V:01|C:1|R:845000000040484987|N:JP EPS BEOGRAD|I:RSD10,00|SF:221|RO:001234").value();
  const PaymentOrder order = orderFromIpsQr(qr);
  BOOST_TEST(order.creditReference.model.empty());
  BOOST_TEST(order.creditReference.number == "1234");
  BOOST_TEST(order.recipientPlace.empty());
  BOOST_TEST(order.paymentCode == "221");
}

BOOST_AUTO_TEST_SUITE_END()
