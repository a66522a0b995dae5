#include "banking/PaymentOrder.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>
#include <string>

using namespace platnik::banking;

namespace {

Date day(int y, unsigned m, unsigned d) {
  return makeDate(y, m, d).value();
}
const Date kToday = day(2024, 3, 15);

Money rsd(std::int64_t minor) {
  return {minor, Currency::rsd()};
}

PaymentOrder validOrder() {
  PaymentOrder order;
  order.payerName = "Knjigovodstvo Perić d.o.o.";
  order.payerPlace = "Čačak";
  order.payerAccount = "160-182039-69";
  order.recipientName = "Telekom Srbija a.d.";
  order.recipientPlace = "Beograd";
  order.recipientAccount = "160000000000060216";
  order.amount = rsd(99999);
  order.paymentCode = "221";
  order.purpose = "Račun 01/2024";
  order.creditReference = Reference{"97", "082240113797893"};
  order.executionDate = kToday;
  return order;
}

/// The problems found for one field.
std::vector<OrderProblem> problemsOf(const std::vector<OrderProblem>& problems, OrderField field) {
  std::vector<OrderProblem> out;
  std::copy_if(problems.begin(), problems.end(), std::back_inserter(out),
               [&](const OrderProblem& p) { return p.field == field; });
  return out;
}

/// Validates, expects exactly one problem, on `field`, and returns its message.
std::string onlyProblem(const PaymentOrder& order, OrderField field, Errc code = Errc::InvalidArgument) {
  const auto problems = validate(order, kToday);
  BOOST_TEST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(fieldName(problems[0].field) == fieldName(field));
  BOOST_TEST((problems[0].code == code));
  return problems[0].message;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(PaymentOrderTests)

BOOST_AUTO_TEST_CASE(field_names_are_stable_snake_case) {
  BOOST_TEST(fieldName(OrderField::PayerName) == "payer_name");
  BOOST_TEST(fieldName(OrderField::PayerPlace) == "payer_place");
  BOOST_TEST(fieldName(OrderField::PayerAccount) == "payer_account");
  BOOST_TEST(fieldName(OrderField::RecipientName) == "recipient_name");
  BOOST_TEST(fieldName(OrderField::RecipientPlace) == "recipient_place");
  BOOST_TEST(fieldName(OrderField::RecipientAccount) == "recipient_account");
  BOOST_TEST(fieldName(OrderField::Amount) == "amount");
  BOOST_TEST(fieldName(OrderField::Currency) == "currency");
  BOOST_TEST(fieldName(OrderField::PaymentCode) == "payment_code");
  BOOST_TEST(fieldName(OrderField::Purpose) == "purpose");
  BOOST_TEST(fieldName(OrderField::DebitModel) == "debit_model");
  BOOST_TEST(fieldName(OrderField::DebitReference) == "debit_reference");
  BOOST_TEST(fieldName(OrderField::CreditModel) == "credit_model");
  BOOST_TEST(fieldName(OrderField::CreditReference) == "credit_reference");
  BOOST_TEST(fieldName(OrderField::Urgent) == "urgent");
  BOOST_TEST(fieldName(OrderField::ExecutionDate) == "execution_date");
}

BOOST_AUTO_TEST_CASE(a_complete_order_has_no_problems) {
  BOOST_TEST(validate(validOrder(), kToday).empty());
  PaymentOrder minimal = validOrder();
  minimal.payerPlace.clear();
  minimal.recipientPlace.clear();
  minimal.creditReference = {};
  minimal.executionDate.reset();
  BOOST_TEST(validate(minimal, kToday).empty());
  // Transfers between one's own accounts exist.
  PaymentOrder own = validOrder();
  own.recipientAccount = own.payerAccount;
  BOOST_TEST(validate(own, kToday).empty());
  // Future-dated clearing order.
  PaymentOrder later = validOrder();
  later.executionDate = day(2024, 4, 1);
  BOOST_TEST(validate(later, kToday).empty());
}

BOOST_AUTO_TEST_CASE(an_empty_order_lists_every_required_field) {
  PaymentOrder empty;
  const auto problems = validate(empty, kToday);
  std::set<std::string_view> fields;
  for (const auto& problem : problems) {
    fields.insert(fieldName(problem.field));
    BOOST_TEST_INFO("message: " << problem.message);
    BOOST_TEST(!problem.message.empty());
  }
  const std::set<std::string_view> expected{
      "payer_name", "payer_account", "recipient_name", "recipient_account",
      "amount",     "payment_code",  "purpose"};
  BOOST_TEST((fields == expected));
  BOOST_TEST(problems.size() == expected.size());
  BOOST_TEST(problemsOf(problems, OrderField::PayerName).front().message == "payer name is required");
}

BOOST_AUTO_TEST_CASE(lengths_are_counted_in_characters) {
  PaymentOrder order = validOrder();
  order.payerName = std::string(35, 'a');
  order.recipientName = "Đorđević Šćepanović Čučković Žižić";  // 34 characters, many more bytes
  order.purpose = std::string(35, 'x');
  order.payerPlace = "Šid-Čačak!";  // 10 characters
  BOOST_TEST(validate(order, kToday).empty());

  order.payerName = std::string(36, 'a');
  BOOST_TEST(onlyProblem(order, OrderField::PayerName) ==
             "payer name has 36 characters; at most 35 fit on the order");
  order = validOrder();
  order.recipientPlace = "Smederevska Palanka";
  BOOST_TEST(onlyProblem(order, OrderField::RecipientPlace).find("at most 10") != std::string::npos);
  order = validOrder();
  order.purpose = std::string(36, 'p');
  BOOST_TEST(onlyProblem(order, OrderField::Purpose).find("purpose has 36 characters") == 0u);
}

BOOST_AUTO_TEST_CASE(text_must_be_one_line_of_utf8) {
  PaymentOrder order = validOrder();
  order.purpose = "Line one\nline two";
  BOOST_TEST(onlyProblem(order, OrderField::Purpose).find("line break") != std::string::npos);
  order = validOrder();
  order.recipientName = "Bad \xff byte";
  BOOST_TEST(onlyProblem(order, OrderField::RecipientName).find("UTF-8") != std::string::npos);
  order = validOrder();
  order.purpose = "   ";
  BOOST_TEST(onlyProblem(order, OrderField::Purpose) == "purpose is required");
}

BOOST_AUTO_TEST_CASE(accounts_are_checked_with_the_account_rules) {
  PaymentOrder order = validOrder();
  order.recipientAccount = "845000000040484999";
  const std::string message = onlyProblem(order, OrderField::RecipientAccount, Errc::WrongControlDigits);
  BOOST_TEST(message.find("recipient account") == 0u);
  BOOST_TEST(message.find("should be 87") != std::string::npos);
  order = validOrder();
  order.payerAccount = "160-18203";
  BOOST_TEST(onlyProblem(order, OrderField::PayerAccount, Errc::InvalidAccount).find("payer account") == 0u);
  order = validOrder();
  order.payerAccount = "RS35 1600 0000 0018 2039 69";  // the IBAN form is fine
  BOOST_TEST(validate(order, kToday).empty());
}

BOOST_AUTO_TEST_CASE(amount_rules) {
  PaymentOrder order = validOrder();
  order.amount = rsd(0);
  BOOST_TEST(onlyProblem(order, OrderField::Amount).find("more than zero") != std::string::npos);
  order.amount = rsd(-100);
  BOOST_TEST(onlyProblem(order, OrderField::Amount).find("-1,00") != std::string::npos);
  // 15 characters on the form: "999.999.999,99" (14) fits, "9.999.999.999,99" (16) does not.
  order.amount = rsd(999'999'999'99);
  BOOST_TEST(validate(order, kToday).empty());
  order.amount = rsd(9'999'999'999'99);
  BOOST_TEST(onlyProblem(order, OrderField::Amount, Errc::Overflow).find("16 characters") !=
             std::string::npos);
  order.amount = Money(100, Currency::eur());
  BOOST_TEST(onlyProblem(order, OrderField::Currency, Errc::CurrencyMismatch).find("EUR") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(payment_code_rules) {
  PaymentOrder order = validOrder();
  order.paymentCode = "";
  BOOST_TEST(onlyProblem(order, OrderField::PaymentCode) == "payment code is required");
  order.paymentCode = "421";
  BOOST_TEST(onlyProblem(order, OrderField::PaymentCode).find("form") != std::string::npos);
  order.paymentCode = "243";
  BOOST_TEST(onlyProblem(order, OrderField::PaymentCode).find("basis") != std::string::npos);
  order.paymentCode = "189";  // cash: not for a transfer order
  BOOST_TEST(onlyProblem(order, OrderField::PaymentCode).find("cash") != std::string::npos);
  for (const char* good : {"221", "240", "254", "321", "957"}) {
    order.paymentCode = good;
    BOOST_TEST_INFO("code " << good);
    BOOST_TEST(validate(order, kToday).empty());
  }
}

BOOST_AUTO_TEST_CASE(references_are_checked_with_the_reference_rules) {
  PaymentOrder order = validOrder();
  order.creditReference = Reference{"97", "20-123456"};
  BOOST_TEST(
      onlyProblem(order, OrderField::CreditReference, Errc::WrongControlDigits).find("credit reference") ==
      0u);
  order = validOrder();
  order.debitReference = Reference{"9", "1234"};
  BOOST_TEST(onlyProblem(order, OrderField::DebitModel).find("debit model") == 0u);
  order = validOrder();
  order.debitReference = Reference{"00", std::string(24, '1')};
  BOOST_TEST(onlyProblem(order, OrderField::DebitReference).find("24 characters") != std::string::npos);
  order = validOrder();
  order.debitReference = Reference{"", "INTERNI-17"};
  BOOST_TEST(validate(order, kToday).empty());
}

BOOST_AUTO_TEST_CASE(execution_date_rules) {
  PaymentOrder order = validOrder();
  order.executionDate = day(2024, 3, 14);
  BOOST_TEST(onlyProblem(order, OrderField::ExecutionDate) ==
             "execution date 14.03.2024 is in the past (today is 15.03.2024)");
  // Urgent up to 300,000 RSD is an instant payment: today only.
  order = validOrder();
  order.urgent = true;
  BOOST_TEST(validate(order, kToday).empty());
  order.executionDate = day(2024, 3, 16);
  BOOST_TEST(onlyProblem(order, OrderField::ExecutionDate).find("instant") != std::string::npos);
  // Over 300,000 RSD an urgent order goes by RTGS, which may be dated ahead.
  order.amount = rsd(300'000'01);
  BOOST_TEST(validate(order, kToday).empty());
}

BOOST_AUTO_TEST_CASE(every_problem_is_reported_not_only_the_first) {
  PaymentOrder order = validOrder();
  order.payerName = std::string(40, 'n');
  order.recipientAccount = "123";
  order.amount = rsd(0);
  order.paymentCode = "999";
  order.creditReference = Reference{"97", "11-1"};
  order.executionDate = day(2020, 1, 1);
  const auto problems = validate(order, kToday);
  std::vector<std::string_view> fields;
  for (const auto& problem : problems) {
    fields.push_back(fieldName(problem.field));
  }
  const std::vector<std::string_view> expected{"payer_name",   "recipient_account", "amount",
                                               "payment_code", "credit_reference",  "execution_date"};
  BOOST_TEST(fields == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(routing_follows_the_nbs_rules) {
  BOOST_TEST(rtgsThreshold().minorUnits() == 300'000'00);
  BOOST_TEST(rtgsThreshold().currency().code() == "RSD");
  PaymentOrder order = validOrder();
  order.amount = rsd(300'000'00);  // 300,000.00 itself may go by clearing or instant
  BOOST_TEST(toString(routeOf(order)) == "clearing");
  order.urgent = true;
  BOOST_TEST(toString(routeOf(order)) == "instant");
  order.amount = rsd(300'000'01);
  BOOST_TEST(toString(routeOf(order)) == "rtgs");
  order.urgent = false;
  BOOST_TEST(toString(routeOf(order)) == "rtgs");
  order.amount = rsd(1);
  BOOST_TEST(toString(routeOf(order)) == "clearing");
  // An amount in another currency (never valid here) is not compared with the RSD threshold.
  order.amount = Money(500'000'00, Currency::eur());
  BOOST_TEST(toString(routeOf(order)) == "clearing");
}

BOOST_AUTO_TEST_SUITE_END()
