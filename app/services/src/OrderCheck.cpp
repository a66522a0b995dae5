#include "services/OrderCheck.h"

#include <fmt/format.h>

#include <algorithm>

namespace platnik::services {

OrderCheck OrderCheck::run(std::string_view jsonText, banking::Date today) {
  return run(OrderJson::parse(jsonText), today);
}

OrderCheck OrderCheck::run(const OrderReading& reading, banking::Date today) {
  OrderCheck check;
  check.reading = reading;
  check.problems = reading.problems;
  const bool unreadableDocument = std::any_of(reading.problems.begin(), reading.problems.end(),
                                              [](const FieldProblem& p) { return p.field.empty(); });
  if (unreadableDocument) {
    return check;  // not JSON, or not an object: there are no fields to judge
  }
  const auto alreadyReported = [&](std::string_view field) {
    return std::any_of(reading.problems.begin(), reading.problems.end(),
                       [&](const FieldProblem& p) { return p.field == field; });
  };
  for (const banking::OrderProblem& problem : banking::validate(reading.order, today)) {
    const std::string_view field = banking::fieldName(problem.field);
    if (!alreadyReported(field)) {
      check.problems.push_back(FieldProblem{std::string(field), problem.code, problem.message});
    }
  }
  if (check.problems.empty()) {
    check.route = banking::routeOf(reading.order);
  }
  return check;
}

Json OrderCheck::toJson() const {
  Json json = Json::object();
  json["valid"] = valid();
  json["route"] = route ? Json(std::string(banking::toString(*route))) : Json(nullptr);
  Json list = Json::array();
  for (const FieldProblem& problem : problems) {
    list.push_back(problem.toJson());
  }
  json["problems"] = std::move(list);
  return json;
}

std::string OrderCheck::describe() const {
  if (!valid()) {
    return describeProblems();
  }
  const banking::PaymentOrder& order = reading.order;
  return fmt::format("valid order: {} {} to {}, route {}\n", order.amount.toDisplay(),
                     order.amount.currency().code(), order.recipientAccount,
                     route ? banking::toString(*route) : "");
}

std::string OrderCheck::describeProblems() const {
  std::string text;
  for (const FieldProblem& problem : problems) {
    text += problem.describe() + "\n";
  }
  if (!problems.empty()) {
    text += fmt::format("{} problem{} found; the order is not valid\n", problems.size(),
                        problems.size() == 1 ? "" : "s");
  }
  return text;
}

}  // namespace platnik::services
