#pragma once

#include "banking/Error.h"

#include <string>
#include <string_view>

namespace platnik::banking {

/// An IBAN of any country (ISO 13616): known country, the country's length, mod-97 check.
class Iban {
 public:
  /// Spaces are ignored, letters may be lower case.
  static Result<Iban> parse(std::string_view text);
  /// The registered length for a country code, or 0 when the country has no IBAN.
  static int lengthFor(std::string_view countryCode);

  /// "RS35160000000018203969".
  [[nodiscard]] const std::string& electronic() const { return m_value; }
  /// "RS35 1600 0000 0018 2039 69".
  [[nodiscard]] std::string display() const;
  [[nodiscard]] std::string_view countryCode() const { return std::string_view(m_value).substr(0, 2); }
  /// The basic bank account number (everything after the check digits).
  [[nodiscard]] std::string_view bban() const { return std::string_view(m_value).substr(4); }

  friend bool operator==(const Iban&, const Iban&) = default;

 private:
  explicit Iban(std::string value) : m_value(std::move(value)) {}
  std::string m_value;
};

/// ISO 7064 MOD 97-10 remainder of a string of digits and letters (A=10 … Z=35); the
/// shared arithmetic of account numbers, IBANs and model-97 references. Other characters
/// make it fail.
Result<int> mod97(std::string_view digitsAndLetters);

}  // namespace platnik::banking
