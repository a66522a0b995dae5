#pragma once

#include "banking/Error.h"

#include <string>
#include <string_view>

namespace platnik::banking {

/// A Serbian company's tax identification number (PIB, "poreski identifikacioni broj"):
/// nine digits, the last a control digit over the first eight (ISO 7064 MOD 11,10).
class TaxId {
 public:
  /// Reads a PIB as typed: spaces around it are ignored; anything but exactly nine digits is
  /// InvalidArgument, a wrong control digit is WrongControlDigits naming the digit expected.
  static Result<TaxId> parse(std::string_view text);
  /// The control digit (0–9) the eight digits `body` need; throws unless `body` is 8 digits.
  static int controlDigitFor(std::string_view body);

  [[nodiscard]] const std::string& digits() const { return m_digits; }
  friend bool operator==(const TaxId&, const TaxId&) = default;

 private:
  explicit TaxId(std::string digits) : m_digits(std::move(digits)) {}
  std::string m_digits;
};

}  // namespace platnik::banking
