#pragma once

#include "banking/Error.h"
#include "banking/Money.h"

#include <optional>
#include <string>
#include <string_view>

namespace platnik::banking {

/// An NBS IPS QR payload ("K:PR|V:01|C:1|R:…|N:…|I:RSD1234,56|SF:221|…"), as defined by the
/// NBS decision on instant transfers, Annex 1. Empty optional tags are omitted when made.
struct IpsQr {
  std::string kind = "PR";        ///< K: PR printed bill, PT/PK point of sale, EK e-commerce
  std::string version = "01";     ///< V
  std::string charset = "1";      ///< C: 1 = UTF-8
  std::string payeeAccount;       ///< R: 18 digits
  std::string payeeName;          ///< N: name, seat and address, lines separated by '\n'
  std::optional<Money> amount;    ///< I: "RSD1234,56"
  std::string payerAccount;       ///< O: 18 digits
  std::string payerName;          ///< P
  std::string paymentCode;        ///< SF: three digits
  std::string purpose;            ///< S
  std::string merchantCategory;   ///< M: MCC, four digits
  std::string payerOneTimeCode;   ///< JS
  std::string payeeReference;     ///< RO: model + reference, "97…" or "00…"
  std::string payeeReferenceFree; ///< RL
  std::string posReference;       ///< RP

  friend bool operator==(const IpsQr&, const IpsQr&) = default;
};

/// Parses and checks a payload: tag order, mandatory tags, every tag's length and format.
/// Errors name the tag (Error::where = "R", "I", …).
Result<IpsQr> parseIpsQr(std::string_view text);
/// Makes the payload string, after the same checks as parsing.
Result<std::string> makeIpsQr(const IpsQr& qr);

}  // namespace platnik::banking
