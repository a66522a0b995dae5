#pragma once

#include "banking/Error.h"

#include <array>
#include <compare>
#include <string>
#include <string_view>

namespace platnik::banking {

/// An ISO 4217 currency: its alphabetic code and the number of decimals of its minor unit.
class Currency {
 public:
  /// Looks a code up in the ISO 4217 table (case-sensitive, "RSD"). Serbian banks still
  /// write "DIN" for the dinar; that alias is accepted.
  static Result<Currency> fromCode(std::string_view code);
  static Currency rsd();
  static Currency eur();

  [[nodiscard]] std::string_view code() const { return {m_code.data(), 3}; }
  [[nodiscard]] int exponent() const { return m_exponent; }
  [[nodiscard]] int numeric() const { return m_numeric; }

  friend bool operator==(const Currency&, const Currency&) = default;

 private:
  Currency(std::array<char, 3> code, int exponent, int numeric)
      : m_code(code), m_exponent(exponent), m_numeric(numeric) {}

  std::array<char, 3> m_code;
  int m_exponent;
  int m_numeric;
};

}  // namespace platnik::banking
