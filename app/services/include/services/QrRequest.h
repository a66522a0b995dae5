#pragma once

#include "banking/Error.h"
#include "banking/IpsQr.h"

#include <string>

namespace platnik::services {

/// What a person asks for when making an IPS QR string for a printed bill (kind PR), as typed:
/// every field is text, checked when the request is built.
struct QrRequest {
  std::string account;       ///< payee: 18 digits, short form or RS IBAN
  std::string name;          ///< payee name (and address, lines separated by '\n')
  std::string amount;        ///< dinars: "1234.56" (machine form) or "1.234,56" (Serbian form)
  std::string paymentCode;   ///< three digits
  std::string purpose;       ///< optional
  std::string model;         ///< optional, with reference
  std::string reference;     ///< optional, with model
  std::string payerAccount;  ///< optional
  std::string payerName;     ///< optional

  /// The QR contents: accounts normalised to 18 digits, the amount read exactly (a comma
  /// means the Serbian form, otherwise the machine form), the reference checked as strictly as
  /// an order's. Errors say which field ("account", "amount", "reference", or a QR tag).
  [[nodiscard]] banking::Result<banking::IpsQr> toIpsQr() const;
  /// The payload string, or the first thing wrong; Error::where names the request field
  /// ("account", "name", "amount", "code", "purpose", "reference", "payer-account", "payer-name").
  [[nodiscard]] banking::Result<std::string> make() const;
};

}  // namespace platnik::services
