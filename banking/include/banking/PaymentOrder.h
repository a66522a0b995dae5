#pragma once

#include "banking/Date.h"
#include "banking/Error.h"
#include "banking/Money.h"
#include "banking/Reference.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace platnik::banking {

/// The fields of the NBS domestic transfer order ("nalog za prenos"), as typed or imported.
/// An order may hold invalid data (a draft being typed, an order imported from the
/// accounting program); validate() lists every problem. Only a valid order can be signed.
struct PaymentOrder {
  std::string payerName;
  std::string payerPlace;
  std::string payerAccount;
  std::string recipientName;
  std::string recipientPlace;
  std::string recipientAccount;
  Money amount = Money::zero(Currency::rsd());
  std::string paymentCode;
  std::string purpose;
  Reference debitReference;   ///< "zaduženja": the payer's reference
  Reference creditReference;  ///< "odobrenja": the recipient's reference
  bool urgent = false;        ///< "hitno"
  std::optional<Date> executionDate;

  friend bool operator==(const PaymentOrder&, const PaymentOrder&) = default;
};

/// Field limits of the order form (characters, not bytes).
struct OrderLimits {
  static constexpr std::size_t kName = 35;
  static constexpr std::size_t kPlace = 10;
  static constexpr std::size_t kPurpose = 35;
  static constexpr std::size_t kReference = 23;
  static constexpr std::size_t kAmountCharacters = 15;  ///< "1.234.567,89" on the form
};

/// The fields, with stable names (used in JSON and by the faces to place messages).
enum class OrderField {
  PayerName,
  PayerPlace,
  PayerAccount,
  RecipientName,
  RecipientPlace,
  RecipientAccount,
  Amount,
  Currency,
  PaymentCode,
  Purpose,
  DebitModel,
  DebitReference,
  CreditModel,
  CreditReference,
  Urgent,
  ExecutionDate,
};
std::string_view fieldName(OrderField field);  ///< "recipient_account", …

/// One thing wrong with an order: which field, what kind of error, and what is wrong.
struct OrderProblem {
  OrderField field;
  Errc code;
  std::string message;
};

/// Every problem found, not only the first. `today` decides whether an execution date is
/// in the past (and that an urgent order cannot be dated ahead).
/// Rules: payer and recipient name, both accounts (Account::parse: any accepted form),
/// amount > 0, payment code and purpose are required; names, places and purpose are one line
/// of UTF-8 within OrderLimits (characters); the amount is RSD and its display form
/// ("1.234.567,89") has at most 15 characters; the payment code is on the NBS list and its
/// form is 2 (cashless), 3 (netting) or 9 (re-booking): form 1 is for cash deposit and
/// withdrawal slips, never a transfer order; references follow Reference::parse (a problem
/// in the model is reported on the model field); the execution date is not before `today`,
/// and an order that goes as an instant payment (urgent, up to 300,000 RSD) is not dated
/// ahead of `today` (an urgent order over the threshold goes by RTGS and may be). Payer and
/// recipient may be the same account (transfers between one's own accounts).
std::vector<OrderProblem> validate(const PaymentOrder& order, Date today);

/// How the payment travels under the NBS rules.
enum class Route {
  Clearing,  ///< up to 300,000 RSD, not urgent
  Rtgs,      ///< over 300,000 RSD (urgent or not)
  Instant,   ///< up to 300,000 RSD, urgent (IPS NBS, 24/7)
};
std::string_view toString(Route route);  ///< "clearing", "rtgs", "instant"
/// 300,000.00 RSD: the largest amount that may go by instant payment or clearing.
Money rtgsThreshold();
/// An amount in another currency (never a valid domestic order) is not compared with the
/// RSD threshold: urgent → Instant, otherwise Clearing.
Route routeOf(const PaymentOrder& order);

}  // namespace platnik::banking
