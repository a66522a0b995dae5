#pragma once

#include "banking/Date.h"
#include "banking/PaymentOrder.h"
#include "services/Json.h"
#include "services/OrderJson.h"

#include <optional>
#include <string_view>
#include <vector>

namespace platnik::services {

/// The answer to "is this order, given as JSON, ready to be signed?": every problem with its
/// shape (OrderJson) and with its contents (banking::validate), and the route it would take.
struct OrderCheck {
  OrderReading reading;
  std::vector<FieldProblem> problems;   ///< every problem, shape problems first
  std::optional<banking::Route> route;  ///< set when valid

  /// `today` decides whether the execution date is in the past. A field that could not be
  /// read (a JSON number for the amount, an unknown currency) is not judged again by the
  /// domain rules: its reading problem already says what is wrong.
  static OrderCheck run(std::string_view jsonText, banking::Date today);
  static OrderCheck run(const OrderReading& reading, banking::Date today);

  [[nodiscard]] bool valid() const { return problems.empty(); }
  /// {"valid", "route": "clearing|rtgs|instant" or null, "problems": [{"field","code","message"}]}.
  [[nodiscard]] Json toJson() const;
  /// The verdict and route of a valid order, one line.
  [[nodiscard]] std::string describe() const;
  /// Every problem, one "field: message" line each.
  [[nodiscard]] std::string describeProblems() const;
};

}  // namespace platnik::services
