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
  std::string kind = "PR";         ///< K: PR printed bill, PT/PK point of sale, EK e-commerce
  std::string version = "01";      ///< V
  std::string charset = "1";       ///< C: 1 = UTF-8
  std::string payeeAccount;        ///< R: 18 digits
  std::string payeeName;           ///< N: name, seat and address, lines separated by '\n'
  std::optional<Money> amount;     ///< I: "RSD1234,56"
  std::string payerAccount;        ///< O: 18 digits
  std::string payerName;           ///< P
  std::string paymentCode;         ///< SF: three digits
  std::string purpose;             ///< S
  std::string merchantCategory;    ///< M: MCC, four digits
  std::string payerOneTimeCode;    ///< JS
  std::string payeeReference;      ///< RO: model + reference, "97…" or "00…"
  std::string payeeReferenceFree;  ///< RL
  std::string posReference;        ///< RP

  friend bool operator==(const IpsQr&, const IpsQr&) = default;
};

/// Parses and checks a payload: tag order, mandatory tags, every tag's length and format.
/// Errors name the tag (Error::where = "R", "I", …).
/// Rules: tags in the order K V C R N I O P SF S M JS RO RL RP, each at most once, '|'
/// between them, none empty, none unknown; no leading or trailing '|', space or line break.
/// Mandatory for every kind: K V C R N I SF (the NBS "obavezni elementi" R, N, I, SF).
/// K: PR, PT, PK or EK; V: 01; C: 1. R and O: 18 digits with valid control digits.
/// N: 1-70 characters, P: up to 70, both at most 3 lines (separated by '\n'); S: up to 35
/// and RL: up to 140, one line. I: "RSD" + up to 12 digits + ',' + up to 2 decimals,
/// 5-18 characters; zero only for K:PR (printed bills). SF: a PaymentCode of form 1 or 2 (instant payments
/// are cash or cashless). M: 4 digits. JS: 5 digits (the NBS text is unclear; public
/// validators use 5). RO: up to 35 characters, a two-digit model ("00" for none) and the
/// reference (digits, letters and, except for model 97, dashes); model 97 is checked by
/// Reference::parse and written without dashes or spaces. RP: 19 digits.
Result<IpsQr> parseIpsQr(std::string_view text);
/// Makes the payload string, after the same checks as parsing (the amount as "RSD1234,56",
/// always with two decimals). A value containing '|' is refused.
Result<std::string> makeIpsQr(const IpsQr& qr);

}  // namespace platnik::banking
