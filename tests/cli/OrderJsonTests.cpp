#include "banking/Currency.h"
#include "banking/Date.h"
#include "banking/PaymentOrder.h"
#include "services/ErrorCode.h"
#include "services/OrderCheck.h"
#include "services/OrderJson.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

using platnik::banking::Currency;
using platnik::banking::Errc;
using platnik::banking::Money;
using platnik::banking::PaymentOrder;
using platnik::services::errorCodeName;
using platnik::services::FieldProblem;
using platnik::services::Json;
using platnik::services::OrderCheck;
using platnik::services::OrderJson;

namespace {

PaymentOrder sampleOrder() {
  PaymentOrder order;
  order.payerName = "Knjigovodstvo Marković d.o.o.";
  order.payerPlace = "Beograd";
  order.payerAccount = "160000000018203969";
  order.recipientName = "JP EPS Beograd";
  order.recipientPlace = "Beograd";
  order.recipientAccount = "115038169338697697";
  order.amount = Money(1250050, Currency::rsd());
  order.paymentCode = "221";
  order.purpose = "Račun za struju";
  order.debitReference = {"00", "12-34"};
  order.creditReference = {"97", "921234567890"};
  order.urgent = true;
  order.executionDate = platnik::banking::makeDate(2026, 12, 1).value();
  return order;
}

std::size_t countField(const std::vector<FieldProblem>& problems, const std::string& field) {
  return static_cast<std::size_t>(std::count_if(problems.begin(), problems.end(),
                                                [&](const FieldProblem& p) { return p.field == field; }));
}

const FieldProblem* findField(const std::vector<FieldProblem>& problems, const std::string& field) {
  auto it =
      std::find_if(problems.begin(), problems.end(), [&](const FieldProblem& p) { return p.field == field; });
  return it == problems.end() ? nullptr : &*it;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(OrderJsonTests)

BOOST_AUTO_TEST_CASE(writeUsesTheDocumentedNamesAndTypes) {
  const Json json = OrderJson::write(sampleOrder());
  BOOST_TEST(json["payer_account"].get<std::string>() == "160000000018203969");
  BOOST_TEST(json["amount"].get<std::string>() == "12500.50");
  BOOST_TEST(json["currency"].get<std::string>() == "RSD");
  BOOST_TEST(json["debit_model"].get<std::string>() == "00");
  BOOST_TEST(json["credit_reference"].get<std::string>() == "921234567890");
  BOOST_TEST(json["urgent"].get<bool>() == true);
  BOOST_TEST(json["execution_date"].get<std::string>() == "2026-12-01");
  BOOST_TEST(json.size() == 16U);
  // The keys come in the documented order.
  BOOST_TEST(json.begin().key() == "payer_name");
}

BOOST_AUTO_TEST_CASE(writeThenReadGivesTheSameOrder) {
  PaymentOrder order = sampleOrder();
  auto reading = OrderJson::read(OrderJson::write(order));
  BOOST_TEST(reading.problems.empty());
  BOOST_TEST((reading.order == order));

  order.executionDate.reset();
  order.urgent = false;
  order.amount = Money(-5, Currency::eur());
  reading = OrderJson::parse(OrderJson::write(order).dump());
  BOOST_TEST(reading.problems.empty());
  BOOST_TEST((reading.order == order));
}

BOOST_AUTO_TEST_CASE(missingFieldsStayEmptyAndCurrencyDefaultsToDinars) {
  const auto reading = OrderJson::parse(R"({"amount": "10.5"})");
  BOOST_TEST(reading.problems.empty());
  BOOST_TEST(reading.order.payerName.empty());
  BOOST_TEST((reading.order.amount == Money(1050, Currency::rsd())));
  BOOST_TEST(!reading.order.executionDate.has_value());
  BOOST_TEST(reading.order.urgent == false);
}

BOOST_AUTO_TEST_CASE(amountAsAJsonNumberIsRejected) {
  for (const char* text : {R"({"amount": 12.5})", R"({"amount": 12})"}) {
    const auto reading = OrderJson::parse(text);
    BOOST_TEST_REQUIRE(reading.problems.size() == 1U);
    BOOST_TEST(reading.problems[0].field == "amount");
    BOOST_TEST(errorCodeName(reading.problems[0].code) == errorCodeName(Errc::InvalidArgument));
    BOOST_TEST(reading.problems[0].message.find("not a JSON number") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(amountIsReadExactlyInTheOrdersCurrency) {
  auto reading = OrderJson::parse(R"({"amount": "0.001", "currency": "EUR"})");
  BOOST_TEST_REQUIRE(reading.problems.size() == 1U);
  BOOST_TEST(reading.problems[0].field == "amount");
  BOOST_TEST(errorCodeName(reading.problems[0].code) == errorCodeName(Errc::Precision));

  reading = OrderJson::parse(R"({"amount": "1.234", "currency": "KWD"})");  // three decimals
  BOOST_TEST(reading.problems.empty());
  BOOST_TEST(reading.order.amount.minorUnits() == 1234);

  reading = OrderJson::parse(R"({"amount": "1.234,56"})");  // display form is not the JSON form
  BOOST_TEST(countField(reading.problems, "amount") == 1U);
}

BOOST_AUTO_TEST_CASE(unknownCurrencyIsNamed) {
  const auto reading = OrderJson::parse(R"({"currency": "XYZ", "amount": "1.00"})");
  BOOST_TEST_REQUIRE(reading.problems.size() == 1U);
  BOOST_TEST(reading.problems[0].field == "currency");
  BOOST_TEST(errorCodeName(reading.problems[0].code) == errorCodeName(Errc::UnknownCurrency));
}

BOOST_AUTO_TEST_CASE(unknownFieldsAreNamedInDocumentOrder) {
  const auto reading = OrderJson::parse(R"({"payer_nme": "X", "payer_name": "Y", "iban": "RS35"})");
  BOOST_TEST_REQUIRE(reading.problems.size() == 2U);
  BOOST_TEST(reading.problems[0].field == "payer_nme");
  BOOST_TEST(reading.problems[0].message == "unknown field; did you mean \"payer_name\"?");
  BOOST_TEST(reading.problems[1].field == "iban");
  BOOST_TEST(reading.problems[1].message == "unknown field");
  BOOST_TEST(reading.order.payerName == "Y");
}

BOOST_AUTO_TEST_CASE(wrongTypesNameTheField) {
  const auto reading = OrderJson::parse(
      R"({"payer_name": 5, "purpose": ["a"], "urgent": "true", "debit_model": 97, "execution_date": 20240101,
          "payer_place": null, "currency": {}})");
  for (const char* field :
       {"payer_name", "purpose", "urgent", "debit_model", "execution_date", "payer_place", "currency"}) {
    BOOST_TEST(countField(reading.problems, field) == 1U, field);
  }
  BOOST_TEST(reading.problems.size() == 7U);
  BOOST_TEST(findField(reading.problems, "debit_model")->message.find("\"97\"") != std::string::npos);
  BOOST_TEST(findField(reading.problems, "purpose")->message.find("an array") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(executionDateMayBeNullButMustExist) {
  BOOST_TEST(OrderJson::parse(R"({"execution_date": null})").problems.empty());
  const auto reading = OrderJson::parse(R"({"execution_date": "2026-02-29"})");
  BOOST_TEST_REQUIRE(reading.problems.size() == 1U);
  BOOST_TEST(reading.problems[0].field == "execution_date");
}

BOOST_AUTO_TEST_CASE(documentThatIsNotAnObject) {
  for (const char* text : {"[]", "\"order\"", "42", "null"}) {
    const auto reading = OrderJson::parse(text);
    BOOST_TEST_REQUIRE(reading.problems.size() == 1U, text);
    BOOST_TEST(reading.problems[0].field.empty());
    BOOST_TEST(reading.problems[0].describe().find("JSON object") != std::string::npos);
  }
  const auto broken = OrderJson::parse("{\n  \"amount\": \"1\",\n}");
  BOOST_TEST_REQUIRE(broken.problems.size() == 1U);
  BOOST_TEST(errorCodeName(broken.problems[0].code) == errorCodeName(Errc::MalformedFile));
  BOOST_TEST(broken.problems[0].message.find("line 3") != std::string::npos, broken.problems[0].message);
}

BOOST_AUTO_TEST_CASE(problemAsJson) {
  const FieldProblem problem{"amount", Errc::Precision, "too many decimals"};
  const Json json = problem.toJson();
  BOOST_TEST(json.dump() == R"({"field":"amount","code":"precision","message":"too many decimals"})");
  BOOST_TEST(problem.describe() == "amount: too many decimals");
}

BOOST_AUTO_TEST_CASE(checkAddsDomainProblemsButNotForUnreadableFields) {
  const auto today = platnik::banking::makeDate(2026, 11, 25).value();
  PaymentOrder order = sampleOrder();
  order.urgent = false;  // an urgent order cannot be dated ahead
  Json json = OrderJson::write(order);
  BOOST_TEST(OrderCheck::run(json.dump(), today).valid());
  json["urgent"] = true;
  const auto urgent = OrderCheck::run(json.dump(), today);
  BOOST_TEST(countField(urgent.problems, "execution_date") == 1U);
  json["urgent"] = false;

  json["amount"] = 5;           // unreadable: the domain would also call the (zero) amount wrong
  json["recipient_name"] = "";  // readable, but the domain rejects it
  const auto check = OrderCheck::run(json.dump(), today);
  BOOST_TEST(!check.valid());
  BOOST_TEST(countField(check.problems, "amount") == 1U);
  BOOST_TEST(findField(check.problems, "amount")->message.find("JSON number") != std::string::npos);
  BOOST_TEST(countField(check.problems, "recipient_name") == 1U);
  BOOST_TEST(check.problems.size() == 2U);
  BOOST_TEST(!check.route.has_value());
  BOOST_TEST(check.toJson()["route"].is_null());
}

BOOST_AUTO_TEST_SUITE_END()
