#pragma once

#include "banking/Account.h"
#include "banking/Banks.h"
#include "banking/Error.h"
#include "banking/Iban.h"
#include "services/Json.h"

#include <optional>
#include <string>
#include <string_view>

namespace platnik::services {

/// The answer to "is this a valid domestic account number?", for both faces.
///
/// Accepts what banking::Account::parse accepts (18 digits, the dashed short form, the
/// Serbian IBAN). A well-formed IBAN of another country is not a domestic account: the check
/// fails, but says that the IBAN itself is valid and names its country, so the user knows the
/// number is not mistyped, only of the wrong kind.
struct AccountCheck {
  std::string input;
  std::optional<banking::Account> account;   ///< set when valid
  std::optional<banking::Bank> bank;         ///< the bank of a valid account, when the table knows its code
  std::optional<banking::Iban> foreignIban;  ///< a valid IBAN of another country
  std::optional<banking::Error> error;       ///< set when not valid

  static AccountCheck run(std::string_view text);

  [[nodiscard]] bool valid() const { return account.has_value(); }

  /// {"valid", "account", "short", "iban", "bank", "bank_code"} and, when not valid,
  /// "error" and "error_code" (and "iban_country" for a foreign IBAN).
  [[nodiscard]] Json toJson() const;
  /// The lines a person reads when the account is valid (18 digits, short form, IBAN, bank).
  [[nodiscard]] std::string describe() const;
  /// What is wrong, one or two lines, when it is not valid.
  [[nodiscard]] std::string describeError() const;
};

}  // namespace platnik::services
