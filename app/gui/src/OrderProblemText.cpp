#include "gui/OrderProblemText.h"

#include "gui/Display.h"

#include <wx/intl.h>

#include <string_view>

namespace platnik::gui {
namespace {

using banking::Errc;
using banking::OrderField;

bool says(const banking::OrderProblem& problem, std::string_view words) {
  return problem.message.find(words) != std::string::npos;
}

bool isAccount(OrderField field) {
  return field == OrderField::PayerAccount || field == OrderField::RecipientAccount;
}

bool isModel(OrderField field) {
  return field == OrderField::DebitModel || field == OrderField::CreditModel;
}

bool isReference(OrderField field) {
  return field == OrderField::DebitReference || field == OrderField::CreditReference;
}

std::size_t limitOf(OrderField field) {
  using Limits = banking::OrderLimits;
  switch (field) {
    case OrderField::PayerPlace:
    case OrderField::RecipientPlace:
      return Limits::kPlace;
    case OrderField::DebitReference:
    case OrderField::CreditReference:
      return Limits::kReference;
    case OrderField::Amount:
      return Limits::kAmountCharacters;
    default:
      return Limits::kName;  // names and purpose: 35
  }
}

}  // namespace

wxString orderFieldLabel(OrderField field) {
  switch (field) {
    case OrderField::PayerName:
      return _("Payer");
    case OrderField::PayerPlace:
      return _("Payer's place");
    case OrderField::PayerAccount:
      return _("Payer account");
    case OrderField::RecipientName:
      return _("Recipient");
    case OrderField::RecipientPlace:
      return _("Recipient's place");
    case OrderField::RecipientAccount:
      return _("Recipient account");
    case OrderField::Amount:
      return _("Amount");
    case OrderField::Currency:
      return _("Currency");
    case OrderField::PaymentCode:
      return _("Payment code");
    case OrderField::Purpose:
      return _("Purpose");
    case OrderField::DebitModel:
      return _("Debit model");
    case OrderField::DebitReference:
      return _("Debit reference");
    case OrderField::CreditModel:
      return _("Credit model");
    case OrderField::CreditReference:
      return _("Credit reference");
    case OrderField::Urgent:
      return _("Urgent");
    case OrderField::ExecutionDate:
      return _("Execution date");
  }
  return fromUtf8(banking::fieldName(field));
}

wxString orderProblemText(const banking::OrderProblem& problem) {
  const OrderField field = problem.field;
  if (says(problem, "is required")) {
    return _("Required.");
  }
  switch (problem.code) {
    case Errc::WrongControlDigits:
      return isAccount(field) ? _("The control digits do not match: check the account number.")
                              : _("The control digits of this model 97 reference do not match.");
    case Errc::InvalidAccount:
      return _("Not an account number (18 digits, e.g. 160-123456-78, or an IBAN).");
    case Errc::CurrencyMismatch:
      return _("A domestic transfer order is in RSD.");
    case Errc::Precision:
      return _("Too many decimals: an amount in RSD has two.");
    case Errc::Overflow:
      return field == OrderField::Amount
                 ? wxString::Format(_("The amount does not fit on the order (at most %zu characters)."),
                                    limitOf(field))
                 : fromUtf8(problem.message);
    default:
      break;
  }
  if (says(problem, "characters; at most")) {
    return wxString::Format(_("Too long: at most %zu characters fit on the order."), limitOf(field));
  }
  if (says(problem, "control character")) {
    return _("One line only, without line breaks.");
  }
  if (says(problem, "UTF-8")) {
    return _("The text holds characters that cannot be read.");
  }
  switch (field) {
    case OrderField::Amount:
      return says(problem, "more than zero") ? _("The amount must be more than zero.")
                                             : _("Not an amount (e.g. 1.234,56).");
    case OrderField::PaymentCode:
      return says(problem, "form 1") ? _("This payment code is for cash; a transfer uses form 2, 3 or 9.")
                                     : _("Not a payment code on the NBS list (three digits, e.g. 289).");
    case OrderField::ExecutionDate:
      if (says(problem, "in the past")) {
        return _("The execution date is in the past.");
      }
      if (says(problem, "ahead")) {
        return _("An urgent (instant) payment is executed at once and cannot be dated ahead.");
      }
      return _("Not a date (dd.mm.yyyy).");
    default:
      break;
  }
  if (isModel(field)) {
    return _("Not a payment model (two digits, e.g. 97), or a reference without its model.");
  }
  if (isReference(field)) {
    return _("This reference does not follow its model's rules.");
  }
  return fromUtf8(problem.message);
}

wxString orderProblemsText(const std::vector<banking::OrderProblem>& problems) {
  wxString text;
  for (const auto& problem : problems) {
    if (!text.empty()) {
      text += "\n";
    }
    text += orderFieldLabel(problem.field) + ": " + orderProblemText(problem);
  }
  return text;
}

}  // namespace platnik::gui
