#include "services/StatementJson.h"

#include "banking/Date.h"

#include <optional>
#include <string>

namespace platnik::services {
namespace {

using banking::BalanceType;

void putText(Json& object, const char* key, const std::string& value) {
  if (!value.empty()) {
    object[key] = value;
  }
}

void putDate(Json& object, const char* key, const std::optional<banking::Date>& date) {
  if (date) {
    object[key] = banking::toIsoString(*date);
  }
}

Json referenceJson(const banking::Reference& reference) {
  Json out = Json::object();
  putText(out, "model", reference.model);
  putText(out, "number", reference.number);
  return out;
}

Json moneyJson(const banking::Money& money) {
  return Json{{"amount", money.toString()}, {"currency", std::string(money.currency().code())}};
}

std::string_view balanceTypeName(BalanceType type) {
  switch (type) {
    case BalanceType::Opening:
      return "opening";
    case BalanceType::Closing:
      return "closing";
    case BalanceType::InterimOpening:
      return "interim_opening";
    case BalanceType::InterimClosing:
      return "interim_closing";
    case BalanceType::ClosingAvailable:
      return "closing_available";
    case BalanceType::ForwardAvailable:
      return "forward_available";
    case BalanceType::Other:
      break;
  }
  return "other";
}

Json balanceJson(const banking::Balance& balance, bool withType) {
  Json out = Json::object();
  if (withType) {
    out["type"] = balanceTypeName(balance.type);
  }
  out["amount"] = balance.amount.toString();
  putDate(out, "date", balance.date);
  return out;
}

}  // namespace

Json entryToJson(const banking::Entry& entry) {
  Json out = Json::object();
  putDate(out, "booking_date", entry.bookingDate);
  putDate(out, "value_date", entry.valueDate);
  out["amount"] = entry.amount.toString();
  out["currency"] = std::string(entry.amount.currency().code());
  Json counterparty = Json::object();
  putText(counterparty, "name", entry.counterparty.name);
  putText(counterparty, "account", entry.counterparty.account);
  putText(counterparty, "place", entry.counterparty.place);
  putText(counterparty, "bic", entry.counterparty.bic);
  if (!counterparty.empty()) {
    out["counterparty"] = std::move(counterparty);
  }
  putText(out, "purpose", entry.purpose);
  putText(out, "payment_code", entry.paymentCode);
  if (!entry.reference.empty()) {
    out["reference"] = referenceJson(entry.reference);
  }
  if (!entry.debitReference.empty()) {
    out["debit_reference"] = referenceJson(entry.debitReference);
  }
  putText(out, "end_to_end_id", entry.endToEndId);
  putText(out, "bank_reference", entry.bankReference);
  out["reversal"] = entry.reversal;
  putText(out, "transaction_code", entry.transactionCode);
  if (entry.originalAmount) {
    out["original_amount"] = moneyJson(*entry.originalAmount);
  }
  putText(out, "exchange_rate", entry.exchangeRate);
  if (entry.charges) {
    out["charges"] = moneyJson(*entry.charges);
  }
  putText(out, "return_reason", entry.returnReason);
  putText(out, "additional_info", entry.additionalInfo);
  return out;
}

Json statementToJson(const banking::Statement& statement) {
  const auto& info = statement.info;
  Json out = Json::object();
  putText(out, "account", info.account);
  putText(out, "iban", info.iban);
  if (info.currency) {
    out["currency"] = std::string(info.currency->code());
  }
  putText(out, "number", info.number);
  putDate(out, "date", info.date);
  if (info.opening) {
    out["opening"] = balanceJson(*info.opening, false);
  }
  if (info.closing) {
    out["closing"] = balanceJson(*info.closing, false);
  }
  if (!info.otherBalances.empty()) {
    Json balances = Json::array();
    for (const auto& balance : info.otherBalances) {
      balances.push_back(balanceJson(balance, true));
    }
    out["balances"] = std::move(balances);
  }
  putText(out, "message_id", info.messageId);
  Json entries = Json::array();
  for (const auto& entry : statement.entries) {
    entries.push_back(entryToJson(entry));
  }
  out["entries"] = std::move(entries);
  return out;
}

Json statementsToJson(std::string_view format, std::span<const banking::Statement> statements) {
  Json list = Json::array();
  for (const auto& statement : statements) {
    list.push_back(statementToJson(statement));
  }
  return Json{{"format", std::string(format)}, {"statements", std::move(list)}};
}

}  // namespace platnik::services
