#include "services/OrderJson.h"

#include "banking/Currency.h"
#include "banking/Date.h"
#include "banking/Money.h"
#include "services/ErrorCode.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>

namespace platnik::services {
namespace {

using banking::Errc;
using banking::OrderField;

constexpr std::array kAllFields{
    OrderField::PayerName,     OrderField::PayerPlace,      OrderField::PayerAccount,
    OrderField::RecipientName, OrderField::RecipientPlace,  OrderField::RecipientAccount,
    OrderField::Amount,        OrderField::Currency,        OrderField::PaymentCode,
    OrderField::Purpose,       OrderField::DebitModel,      OrderField::DebitReference,
    OrderField::CreditModel,   OrderField::CreditReference, OrderField::Urgent,
    OrderField::ExecutionDate,
};

std::string_view jsonTypeName(const Json& value) {
  if (value.is_number()) {
    return "a number";
  }
  if (value.is_boolean()) {
    return "true/false";
  }
  if (value.is_null()) {
    return "null";
  }
  if (value.is_array()) {
    return "an array";
  }
  if (value.is_object()) {
    return "an object";
  }
  return "a string";
}

/// Edit distance (insertions, deletions, substitutions) between two short ASCII names.
std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

/// "unknown field", with the field probably meant when the name is a near miss.
std::string unknownFieldMessage(std::string_view name) {
  std::string_view best;
  std::size_t bestDistance = 3;  // more than two edits is another word, not a typo
  for (OrderField field : kAllFields) {
    const std::size_t distance = editDistance(name, banking::fieldName(field));
    if (distance < bestDistance) {
      best = banking::fieldName(field);
      bestDistance = distance;
    }
  }
  return best.empty() ? std::string("unknown field")
                      : fmt::format("unknown field; did you mean \"{}\"?", best);
}

/// Collects what is wrong while the fields are read.
class Reader {
 public:
  explicit Reader(std::vector<FieldProblem>& problems) : m_problems(problems) {}

  void problem(OrderField field, Errc code, std::string message) {
    m_problems.push_back(FieldProblem{std::string(banking::fieldName(field)), code, std::move(message)});
  }

  /// The text of a string field, or nullopt (and a problem) for any other JSON type.
  std::optional<std::string> text(OrderField field, const Json& value) {
    if (value.is_string()) {
      return value.get<std::string>();
    }
    if (value.is_number()) {
      problem(field, Errc::InvalidArgument,
              fmt::format("must be a string, not a number (write it in quotes: \"{}\")", value.dump()));
    } else {
      problem(field, Errc::InvalidArgument, fmt::format("must be a string, not {}", jsonTypeName(value)));
    }
    return std::nullopt;
  }

 private:
  std::vector<FieldProblem>& m_problems;
};

}  // namespace

std::string FieldProblem::describe() const {
  if (field.empty()) {
    return message;
  }
  // The domain's messages name their field in words ("payer account: …"): say it once.
  std::string words = field;
  std::replace(words.begin(), words.end(), '_', ' ');
  words += ": ";
  return field + ": " + (message.starts_with(words) ? message.substr(words.size()) : message);
}

Json FieldProblem::toJson() const {
  Json json = Json::object();
  json["field"] = field;
  json["code"] = std::string(errorCodeName(code));
  json["message"] = message;
  return json;
}

OrderReading OrderJson::read(const Json& json) {
  OrderReading reading;
  if (!json.is_object()) {
    reading.problems.push_back(
        FieldProblem{"", Errc::InvalidArgument,
                     fmt::format("an order must be a JSON object, not {}", jsonTypeName(json))});
    return reading;
  }
  Reader reader(reading.problems);
  banking::PaymentOrder& order = reading.order;

  // Unknown fields first, in document order: most often a misspelt name.
  for (const auto& item : json.items()) {
    bool known = false;
    for (OrderField field : kAllFields) {
      known = known || item.key() == banking::fieldName(field);
    }
    if (!known) {
      reading.problems.push_back(
          FieldProblem{item.key(), Errc::InvalidArgument, unknownFieldMessage(item.key())});
    }
  }

  const auto find = [&](OrderField field) -> const Json* {
    auto it = json.find(std::string(banking::fieldName(field)));
    return it == json.end() ? nullptr : &*it;
  };
  const auto readText = [&](OrderField field, std::string& target) {
    if (const Json* value = find(field)) {
      if (auto text = reader.text(field, *value)) {
        target = std::move(*text);
      }
    }
  };
  readText(OrderField::PayerName, order.payerName);
  readText(OrderField::PayerPlace, order.payerPlace);
  readText(OrderField::PayerAccount, order.payerAccount);
  readText(OrderField::RecipientName, order.recipientName);
  readText(OrderField::RecipientPlace, order.recipientPlace);
  readText(OrderField::RecipientAccount, order.recipientAccount);
  readText(OrderField::PaymentCode, order.paymentCode);
  readText(OrderField::Purpose, order.purpose);
  readText(OrderField::DebitModel, order.debitReference.model);
  readText(OrderField::DebitReference, order.debitReference.number);
  readText(OrderField::CreditModel, order.creditReference.model);
  readText(OrderField::CreditReference, order.creditReference.number);

  banking::Currency currency = banking::Currency::rsd();
  if (const Json* value = find(OrderField::Currency)) {
    if (auto code = reader.text(OrderField::Currency, *value)) {
      if (auto known = banking::Currency::fromCode(*code)) {
        currency = known.value();
      } else {
        reader.problem(OrderField::Currency, known.error().code, known.error().message);
      }
    }
  }
  order.amount = banking::Money::zero(currency);
  if (const Json* value = find(OrderField::Amount)) {
    if (value->is_number()) {
      // Money is never a floating-point value: 0.1 + 0.2 is not 0.3 in a JSON reader.
      reader.problem(OrderField::Amount, Errc::InvalidArgument,
                     fmt::format("must be a decimal string such as \"1234.56\", not a JSON number "
                                 "(write it in quotes: \"{}\")",
                                 value->dump()));
    } else if (auto text = reader.text(OrderField::Amount, *value)) {
      if (auto money = banking::Money::parse(*text, currency)) {
        order.amount = money.value();
      } else {
        reader.problem(OrderField::Amount, money.error().code, money.error().message);
      }
    }
  }

  if (const Json* value = find(OrderField::Urgent)) {
    if (value->is_boolean()) {
      order.urgent = value->get<bool>();
    } else {
      reader.problem(OrderField::Urgent, Errc::InvalidArgument,
                     fmt::format("must be true or false, not {}", jsonTypeName(*value)));
    }
  }
  if (const Json* value = find(OrderField::ExecutionDate); value && !value->is_null()) {
    if (auto text = reader.text(OrderField::ExecutionDate, *value)) {
      if (auto date = banking::parseIsoDate(*text)) {
        order.executionDate = date.value();
      } else {
        reader.problem(OrderField::ExecutionDate, date.error().code, date.error().message);
      }
    }
  }
  return reading;
}

OrderReading OrderJson::parse(std::string_view text) {
  Json json;
  try {
    json = Json::parse(text);
  } catch (const Json::parse_error& error) {
    // nlohmann's what() starts with "[json.exception.parse_error.101] "; keep the rest.
    std::string message = error.what();
    if (const auto end = message.find("] "); message.starts_with("[json.") && end != std::string::npos) {
      message.erase(0, end + 2);
    }
    OrderReading reading;
    reading.problems.push_back(FieldProblem{"", Errc::MalformedFile, "not valid JSON: " + message});
    return reading;
  }
  return read(json);
}

Json OrderJson::write(const banking::PaymentOrder& order) {
  using banking::fieldName;
  const auto key = [](OrderField field) { return std::string(fieldName(field)); };
  Json json = Json::object();
  json[key(OrderField::PayerName)] = order.payerName;
  json[key(OrderField::PayerPlace)] = order.payerPlace;
  json[key(OrderField::PayerAccount)] = order.payerAccount;
  json[key(OrderField::RecipientName)] = order.recipientName;
  json[key(OrderField::RecipientPlace)] = order.recipientPlace;
  json[key(OrderField::RecipientAccount)] = order.recipientAccount;
  json[key(OrderField::Amount)] = order.amount.toString();
  json[key(OrderField::Currency)] = std::string(order.amount.currency().code());
  json[key(OrderField::PaymentCode)] = order.paymentCode;
  json[key(OrderField::Purpose)] = order.purpose;
  json[key(OrderField::DebitModel)] = order.debitReference.model;
  json[key(OrderField::DebitReference)] = order.debitReference.number;
  json[key(OrderField::CreditModel)] = order.creditReference.model;
  json[key(OrderField::CreditReference)] = order.creditReference.number;
  json[key(OrderField::Urgent)] = order.urgent;
  json[key(OrderField::ExecutionDate)] =
      order.executionDate ? Json(banking::toIsoString(*order.executionDate)) : Json(nullptr);
  return json;
}

}  // namespace platnik::services
