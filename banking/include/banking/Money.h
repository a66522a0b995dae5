#pragma once

#include "banking/Currency.h"
#include "banking/Error.h"

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace platnik::banking {

/// An exact amount: signed 64-bit minor units of one currency. No floating point.
class Money {
 public:
  Money(std::int64_t minorUnits, Currency currency) : m_minor(minorUnits), m_currency(currency) {}
  static Money zero(Currency currency) { return {0, currency}; }

  /// Machine form: optional sign, digits, optional '.' and up to `exponent` decimals
  /// ("-1234.56", "12", "0.5"). More decimals than the currency has is an error, never rounded.
  static Result<Money> parse(std::string_view text, Currency currency);
  /// Serbian display form: '.' groups thousands, ',' separates decimals ("1.234,56", "-0,50",
  /// "1234,5"). Grouping, when present, must be regular.
  static Result<Money> parseDisplay(std::string_view text, Currency currency);
  /// What a person types: the Serbian form when it has a comma ("1.234,56", "12,5") or when
  /// its dots group thousands ("1.500" is 1,500.00), otherwise the machine form ("1234.56").
  static Result<Money> parseInput(std::string_view text, Currency currency);
  /// Digits with a fixed number of implied decimals, as in fixed-width bank files
  /// ("000000012345" with 2 implied decimals is 123.45). Leading blanks are ignored.
  static Result<Money> parseImplied(std::string_view digits, int impliedDecimals, Currency currency);

  [[nodiscard]] std::int64_t minorUnits() const { return m_minor; }
  [[nodiscard]] Currency currency() const { return m_currency; }
  [[nodiscard]] bool isNegative() const { return m_minor < 0; }
  [[nodiscard]] bool isZero() const { return m_minor == 0; }

  /// "-1234.56" (always all decimals of the currency).
  [[nodiscard]] std::string toString() const;
  /// "-1.234,56".
  [[nodiscard]] std::string toDisplay() const;

  [[nodiscard]] Result<Money> plus(const Money& other) const;
  [[nodiscard]] Result<Money> minus(const Money& other) const;
  [[nodiscard]] Result<Money> negated() const;
  [[nodiscard]] Money abs() const;

  /// Ordering within one currency; comparing different currencies throws std::logic_error.
  friend std::strong_ordering operator<=>(const Money& a, const Money& b);
  friend bool operator==(const Money& a, const Money& b) = default;

 private:
  std::int64_t m_minor;
  Currency m_currency;
};

/// "-1234.56 RSD" (for logs and test output).
std::ostream& operator<<(std::ostream& out, const Money& money);

}  // namespace platnik::banking
