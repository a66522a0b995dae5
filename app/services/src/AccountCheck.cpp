#include "services/AccountCheck.h"

#include "services/ErrorCode.h"

#include <fmt/format.h>

namespace platnik::services {

AccountCheck AccountCheck::run(std::string_view text) {
  AccountCheck check;
  check.input = std::string(text);
  auto account = banking::Account::parse(text);
  if (account) {
    check.account = account.value();
    check.bank = banking::findBank(check.account->bankCode());
    return check;
  }
  check.error = account.error();
  // A valid IBAN of another country: not mistyped, only not a domestic account.
  if (auto iban = banking::Iban::parse(text); iban && iban.value().countryCode() != "RS") {
    check.foreignIban = iban.value();
    check.error = banking::Error{banking::Errc::InvalidAccount,
                                 fmt::format("a valid IBAN of country {}, but not a Serbian domestic account",
                                             iban.value().countryCode())};
  }
  return check;
}

Json AccountCheck::toJson() const {
  Json json = Json::object();
  json["valid"] = valid();
  if (account) {
    json["account"] = account->digits();
    json["short"] = account->shortForm();
    json["iban"] = account->iban();
    json["bank_code"] = std::string(account->bankCode());
    json["bank"] = bank ? Json(std::string(bank->name)) : Json(nullptr);
    return json;
  }
  json["account"] = input;
  json["short"] = nullptr;
  json["iban"] = foreignIban ? Json(foreignIban->electronic()) : Json(nullptr);
  if (foreignIban) {
    json["iban_country"] = std::string(foreignIban->countryCode());
  }
  json["bank_code"] = nullptr;
  json["bank"] = nullptr;
  json["error"] = error ? error->describe() : std::string();
  json["error_code"] = std::string(errorCodeName(error ? error->code : banking::Errc::InvalidAccount));
  return json;
}

std::string AccountCheck::describe() const {
  if (!account) {
    return describeError();
  }
  std::string bankLine =
      bank ? fmt::format("{} ({})", bank->name, bank->code)
           : fmt::format("unknown bank code {} (not in the NBS list; the number itself is valid)",
                         account->bankCode());
  if (bank && !bank->current) {
    bankLine += " — a former bank; the code survives only in old statements";
  }
  return fmt::format(
      "account: {}\n"
      "short:   {}\n"
      "IBAN:    {}\n"
      "bank:    {}\n",
      account->digits(), account->shortForm(), account->iban(), bankLine);
}

std::string AccountCheck::describeError() const {
  if (!error) {
    return {};
  }
  std::string text = fmt::format("invalid account: {}\n", error->describe());
  if (foreignIban) {
    text += fmt::format("IBAN:    {}\n", foreignIban->display());
  }
  return text;
}

}  // namespace platnik::services
