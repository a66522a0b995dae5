#pragma once

#include "banking/Error.h"
#include "banking/PaymentOrder.h"
#include "services/Json.h"

#include <string>
#include <string_view>
#include <vector>

namespace platnik::services {

/// Something wrong with an order given as JSON or with its contents: the field as the JSON
/// names it ("payer_account", an unknown name as written, or empty for the document as a
/// whole), what kind of error, and what is wrong.
struct FieldProblem {
  std::string field;
  banking::Errc code;
  std::string message;

  /// "field: message" (or the message alone for the whole document).
  [[nodiscard]] std::string describe() const;
  /// {"field", "code", "message"}.
  [[nodiscard]] Json toJson() const;

  friend bool operator==(const FieldProblem&, const FieldProblem&) = default;
};

/// An order read from JSON, as far as it could be read, and what could not be read.
struct OrderReading {
  banking::PaymentOrder order;
  std::vector<FieldProblem> problems;  ///< shape problems only; domain rules are validate()'s
};

/// A payment order as a JSON object, with the field names of banking::fieldName:
/// payer_name, payer_place, payer_account, recipient_name, recipient_place, recipient_account,
/// amount (a decimal string "1234.56", never a JSON number), currency (default "RSD"),
/// payment_code, purpose, debit_model, debit_reference, credit_model, credit_reference,
/// urgent (true/false), execution_date ("2024-03-31" or null). docs/order-json.md has them all.
///
/// Reading is strict about the shape (unknown fields, wrong JSON types, unreadable amounts,
/// currencies and dates are problems naming the field) and lenient about content: a missing
/// or empty field stays empty, for banking::validate to judge. Every problem is reported.
class OrderJson {
 public:
  static OrderReading read(const Json& json);
  /// Reads JSON text; a syntax error becomes one problem (field empty) with line and column.
  static OrderReading parse(std::string_view text);
  /// Every field, in the documented order (execution_date null when not set).
  static Json write(const banking::PaymentOrder& order);
};

}  // namespace platnik::services
