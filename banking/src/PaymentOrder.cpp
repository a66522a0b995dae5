#include "banking/PaymentOrder.h"

#include "banking/Account.h"
#include "banking/PaymentCode.h"
#include "banking/Text.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace platnik::banking {
namespace {

struct FieldInfo {
  OrderField field;
  std::string_view name;   ///< stable, snake_case
  std::string_view label;  ///< in messages
};

constexpr std::array kFields{
    FieldInfo{OrderField::PayerName, "payer_name", "payer name"},
    FieldInfo{OrderField::PayerPlace, "payer_place", "payer place"},
    FieldInfo{OrderField::PayerAccount, "payer_account", "payer account"},
    FieldInfo{OrderField::RecipientName, "recipient_name", "recipient name"},
    FieldInfo{OrderField::RecipientPlace, "recipient_place", "recipient place"},
    FieldInfo{OrderField::RecipientAccount, "recipient_account", "recipient account"},
    FieldInfo{OrderField::Amount, "amount", "amount"},
    FieldInfo{OrderField::Currency, "currency", "currency"},
    FieldInfo{OrderField::PaymentCode, "payment_code", "payment code"},
    FieldInfo{OrderField::Purpose, "purpose", "purpose"},
    FieldInfo{OrderField::DebitModel, "debit_model", "debit model"},
    FieldInfo{OrderField::DebitReference, "debit_reference", "debit reference"},
    FieldInfo{OrderField::CreditModel, "credit_model", "credit model"},
    FieldInfo{OrderField::CreditReference, "credit_reference", "credit reference"},
    FieldInfo{OrderField::Urgent, "urgent", "urgency"},
    FieldInfo{OrderField::ExecutionDate, "execution_date", "execution date"},
};

const FieldInfo& info(OrderField field) {
  const auto* it = std::find_if(kFields.begin(), kFields.end(),
                                [&](const FieldInfo& entry) { return entry.field == field; });
  if (it == kFields.end()) {
    throw std::invalid_argument(fmt::format("order field {} does not exist", static_cast<int>(field)));
  }
  return *it;
}

std::string_view label(OrderField field) {
  return info(field).label;
}

bool isBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

class Checker {
 public:
  void add(OrderField field, Errc code, std::string message) {
    m_problems.push_back(OrderProblem{field, code, std::move(message)});
  }

  /// A one-line text field: valid UTF-8, no control characters, within its limit.
  void text(OrderField field, std::string_view value, std::size_t limit, bool required) {
    if (isBlank(value)) {
      if (required) {
        add(field, Errc::InvalidArgument, fmt::format("{} is required", label(field)));
      }
      return;
    }
    if (!isValidUtf8(value)) {
      add(field, Errc::InvalidArgument, fmt::format("{} is not valid UTF-8 text", label(field)));
      return;
    }
    if (std::any_of(value.begin(), value.end(), [](char c) { return c >= 0 && c < 0x20; })) {
      add(field, Errc::InvalidArgument,
          fmt::format("{} contains a line break or another control character", label(field)));
    }
    if (const auto count = characterCount(value); count > limit) {
      add(field, Errc::InvalidArgument,
          fmt::format("{} has {} characters; at most {} fit on the order", label(field), count, limit));
    }
  }

  void account(OrderField field, std::string_view value) {
    if (isBlank(value)) {
      add(field, Errc::InvalidAccount, fmt::format("{} is required", label(field)));
      return;
    }
    if (auto parsed = Account::parse(value); parsed.has_error()) {
      add(field, parsed.error().code, fmt::format("{}: {}", label(field), parsed.error().message));
    }
  }

  void reference(OrderField modelField, OrderField numberField, const Reference& reference) {
    if (auto parsed = Reference::parse(reference.model, reference.number); parsed.has_error()) {
      const OrderField field = parsed.error().where == "model" ? modelField : numberField;
      add(field, parsed.error().code, fmt::format("{}: {}", label(field), parsed.error().message));
    }
  }

  std::vector<OrderProblem> take() { return std::move(m_problems); }

 private:
  std::vector<OrderProblem> m_problems;
};

}  // namespace

std::string_view fieldName(OrderField field) {
  return info(field).name;
}

std::string_view toString(Route route) {
  switch (route) {
    case Route::Clearing:
      return "clearing";
    case Route::Rtgs:
      return "rtgs";
    case Route::Instant:
      return "instant";
  }
  throw std::invalid_argument(fmt::format("route {} does not exist", static_cast<int>(route)));
}

Money rtgsThreshold() {
  return Money(300'000'00, Currency::rsd());
}

Route routeOf(const PaymentOrder& order) {
  if (order.amount.currency() == Currency::rsd() && order.amount > rtgsThreshold()) {
    return Route::Rtgs;
  }
  return order.urgent ? Route::Instant : Route::Clearing;
}

std::vector<OrderProblem> validate(const PaymentOrder& order, Date today) {
  Checker check;
  check.text(OrderField::PayerName, order.payerName, OrderLimits::kName, true);
  check.text(OrderField::PayerPlace, order.payerPlace, OrderLimits::kPlace, false);
  check.account(OrderField::PayerAccount, order.payerAccount);
  check.text(OrderField::RecipientName, order.recipientName, OrderLimits::kName, true);
  check.text(OrderField::RecipientPlace, order.recipientPlace, OrderLimits::kPlace, false);
  check.account(OrderField::RecipientAccount, order.recipientAccount);

  if (order.amount.currency() != Currency::rsd()) {
    check.add(
        OrderField::Currency, Errc::CurrencyMismatch,
        fmt::format("currency is {}; a domestic transfer order is in RSD", order.amount.currency().code()));
  }
  if (order.amount.minorUnits() <= 0) {
    check.add(OrderField::Amount, Errc::InvalidArgument,
              fmt::format("amount must be more than zero, not {}", order.amount.toDisplay()));
  } else if (const std::string shown = order.amount.toDisplay();
             shown.size() > OrderLimits::kAmountCharacters) {
    check.add(OrderField::Amount, Errc::Overflow,
              fmt::format("amount {} has {} characters; at most {} fit on the order", shown, shown.size(),
                          OrderLimits::kAmountCharacters));
  }

  if (isBlank(order.paymentCode)) {
    check.add(OrderField::PaymentCode, Errc::InvalidArgument, "payment code is required");
  } else if (auto code = PaymentCode::parse(order.paymentCode); code.has_error()) {
    check.add(OrderField::PaymentCode, code.error().code,
              fmt::format("payment code: {}", code.error().message));
  } else if (code.value().form() == '1') {
    check.add(OrderField::PaymentCode, Errc::InvalidArgument,
              fmt::format("payment code {} is for cash (form 1); a transfer order uses form 2 (cashless), "
                          "3 (netting) or 9 (re-booking)",
                          order.paymentCode));
  }

  check.text(OrderField::Purpose, order.purpose, OrderLimits::kPurpose, true);
  check.reference(OrderField::DebitModel, OrderField::DebitReference, order.debitReference);
  check.reference(OrderField::CreditModel, OrderField::CreditReference, order.creditReference);

  if (order.executionDate) {
    const Date date = *order.executionDate;
    if (!date.ok()) {
      check.add(OrderField::ExecutionDate, Errc::InvalidArgument, "execution date is not a valid date");
    } else if (date < today) {
      check.add(OrderField::ExecutionDate, Errc::InvalidArgument,
                fmt::format("execution date {} is in the past (today is {})", toSerbianString(date),
                            toSerbianString(today)));
    } else if (date > today && order.urgent && routeOf(order) == Route::Instant) {
      check.add(OrderField::ExecutionDate, Errc::InvalidArgument,
                fmt::format("execution date {} is ahead of today; an urgent (instant) payment is executed "
                            "at once and cannot be dated ahead",
                            toSerbianString(date)));
    }
  }
  return check.take();
}

}  // namespace platnik::banking
