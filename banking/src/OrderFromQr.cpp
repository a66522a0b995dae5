#include "banking/OrderFromQr.h"

#include <string_view>

namespace platnik::banking {
namespace {

std::string_view firstLine(std::string_view text) {
  return text.substr(0, text.find('\n'));
}

/// The place is the last line of a multi-line name ("Telekom Srbija\nTakovska 2\nBeograd").
/// Postal codes in front of it ("11000 Beograd") are dropped.
std::string placeOf(std::string_view text) {
  const auto lastBreak = text.rfind('\n');
  if (lastBreak == std::string_view::npos) {
    return {};
  }
  std::string_view place = text.substr(lastBreak + 1);
  const auto space = place.find(' ');
  if (space != std::string_view::npos &&
      place.substr(0, space).find_first_not_of("0123456789") == std::string_view::npos) {
    place.remove_prefix(space + 1);
  }
  return std::string(place);
}

}  // namespace

PaymentOrder orderFromIpsQr(const IpsQr& qr, PaymentOrder base) {
  PaymentOrder order = std::move(base);
  order.recipientAccount = qr.payeeAccount;
  order.recipientName = std::string(firstLine(qr.payeeName));
  order.recipientPlace = placeOf(qr.payeeName);
  if (qr.amount) {
    order.amount = *qr.amount;
  }
  if (!qr.paymentCode.empty()) {
    // A bill prints the code for paying it in cash at a counter (form 1); paid from an
    // account, the same basis goes with form 2 (cashless).
    order.paymentCode = qr.paymentCode;
    if (order.paymentCode.front() == '1') {
      order.paymentCode.front() = '2';
    }
  }
  if (!qr.purpose.empty()) {
    order.purpose = qr.purpose;
  }
  if (qr.payeeReference.size() >= 2) {
    const std::string model = qr.payeeReference.substr(0, 2);
    order.creditReference = Reference{model == "00" ? std::string{} : model, qr.payeeReference.substr(2)};
  }
  if (!qr.payerAccount.empty()) {
    order.payerAccount = qr.payerAccount;
  }
  if (!qr.payerName.empty()) {
    order.payerName = std::string(firstLine(qr.payerName));
    order.payerPlace = placeOf(qr.payerName);
  }
  return order;
}

}  // namespace platnik::banking
