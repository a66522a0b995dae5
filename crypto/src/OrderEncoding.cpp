#include "crypto/OrderEncoding.h"

#include <fmt/format.h>

namespace platnik::crypto {
namespace {

/// Values are written as given; only the characters that would break the line structure
/// are escaped: backslash, line feed and carriage return.
void appendField(std::string& out, std::string_view name, std::string_view value) {
  out += name;
  out += '=';
  for (const char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  out += '\n';
}

}  // namespace

std::string canonicalOrderBytes(const banking::PaymentOrder& order) {
  std::string out;
  out.reserve(512);
  out += kOrderEncodingHeader;
  out += '\n';
  appendField(out, "payer_name", order.payerName);
  appendField(out, "payer_place", order.payerPlace);
  appendField(out, "payer_account", order.payerAccount);
  appendField(out, "recipient_name", order.recipientName);
  appendField(out, "recipient_place", order.recipientPlace);
  appendField(out, "recipient_account", order.recipientAccount);
  appendField(out, "amount", fmt::format("{}", order.amount.minorUnits()));
  appendField(out, "currency", order.amount.currency().code());
  appendField(out, "payment_code", order.paymentCode);
  appendField(out, "purpose", order.purpose);
  appendField(out, "debit_model", order.debitReference.model);
  appendField(out, "debit_reference", order.debitReference.number);
  appendField(out, "credit_model", order.creditReference.model);
  appendField(out, "credit_reference", order.creditReference.number);
  appendField(out, "urgent", order.urgent ? "1" : "0");
  appendField(out, "execution_date", order.executionDate ? banking::toIsoString(*order.executionDate) : "");
  return out;
}

}  // namespace platnik::crypto
