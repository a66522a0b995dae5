#include "banking/Money.h"

#include <fmt/format.h>

#include <ostream>
#include <stdexcept>

namespace platnik::banking {
namespace {

constexpr std::int64_t kPow10[] = {1, 10, 100, 1000, 10000};

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

/// Accumulates decimal digits into minor units, failing on overflow.
class MinorBuilder {
 public:
  bool push(char digit) {
    const int d = digit - '0';
    if (__builtin_mul_overflow(m_value, std::int64_t{10}, &m_value) ||
        __builtin_add_overflow(m_value, std::int64_t{d}, &m_value)) {
      return false;
    }
    return true;
  }
  [[nodiscard]] std::int64_t value() const { return m_value; }

 private:
  std::int64_t m_value = 0;
};

/// Parses sign, integer digits (with optional thousands grouping) and decimals.
Result<Money> parseAmount(std::string_view text, Currency currency, char decimalMark, char groupMark) {
  const std::string original(text);
  if (text.empty()) {
    return fail(Errc::InvalidArgument, "an amount is empty");
  }
  bool negative = false;
  if (text.front() == '-' || text.front() == '+') {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const auto mark = text.find(decimalMark);
  std::string_view integer = text.substr(0, mark);
  std::string_view decimals = mark == std::string_view::npos ? std::string_view{} : text.substr(mark + 1);
  if (integer.empty()) {
    return fail(Errc::InvalidArgument, "'" + original + "' has no digits before the decimal mark");
  }
  if (mark != std::string_view::npos && decimals.empty()) {
    return fail(Errc::InvalidArgument, "'" + original + "' has no digits after the decimal mark");
  }
  // Grouping, when used, must be regular: 1-3 leading digits, then groups of exactly three.
  if (groupMark != '\0' && integer.find(groupMark) != std::string_view::npos) {
    std::size_t group = 0;
    std::size_t firstGroup = integer.find(groupMark);
    if (firstGroup == 0 || firstGroup > 3) {
      return fail(Errc::InvalidArgument, "'" + original + "' has irregular thousands grouping");
    }
    for (std::size_t i = firstGroup; i < integer.size(); ++i, ++group) {
      if (integer[i] == groupMark) {
        if (i != firstGroup && group != 3) {
          return fail(Errc::InvalidArgument, "'" + original + "' has irregular thousands grouping");
        }
        group = std::size_t(-1);
      }
    }
    if (group != 3) {
      return fail(Errc::InvalidArgument, "'" + original + "' has irregular thousands grouping");
    }
  }
  const int exponent = currency.exponent();
  if (static_cast<int>(decimals.size()) > exponent) {
    return fail(Errc::Precision,
                fmt::format("'{}' has more decimals than {} has ({})", original, currency.code(), exponent));
  }
  MinorBuilder minor;
  for (char c : integer) {
    if (c == groupMark && groupMark != '\0') {
      continue;
    }
    if (!isDigit(c)) {
      return fail(Errc::InvalidArgument, fmt::format("'{}' is not an amount (unexpected '{}')", original, c));
    }
    if (!minor.push(c)) {
      return fail(Errc::Overflow, "'" + original + "' is too large an amount");
    }
  }
  for (int i = 0; i < exponent; ++i) {
    const char c = i < static_cast<int>(decimals.size()) ? decimals[static_cast<std::size_t>(i)] : '0';
    if (!isDigit(c)) {
      return fail(Errc::InvalidArgument, fmt::format("'{}' is not an amount (unexpected '{}')", original, c));
    }
    if (!minor.push(c)) {
      return fail(Errc::Overflow, "'" + original + "' is too large an amount");
    }
  }
  return Money(negative ? -minor.value() : minor.value(), currency);
}

std::string format(std::int64_t minor, int exponent, char decimalMark, char groupMark) {
  // Work in unsigned so that INT64_MIN prints correctly.
  const bool negative = minor < 0;
  const std::uint64_t magnitude =
      negative ? ~static_cast<std::uint64_t>(minor) + 1 : static_cast<std::uint64_t>(minor);
  const auto scale = static_cast<std::uint64_t>(kPow10[exponent]);
  const std::string integer = std::to_string(magnitude / scale);
  std::string out;
  if (negative) {
    out += '-';
  }
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (groupMark != '\0' && i > 0 && (integer.size() - i) % 3 == 0) {
      out += groupMark;
    }
    out += integer[i];
  }
  if (exponent > 0) {
    out += decimalMark;
    out += fmt::format("{:0{}}", magnitude % scale, exponent);
  }
  return out;
}

void requireSameCurrency(const Money& a, const Money& b) {
  if (a.currency() != b.currency()) {
    throw std::logic_error(fmt::format("comparing {} with {}", a.currency().code(), b.currency().code()));
  }
}

Result<Money> checkCurrencies(const Money& a, const Money& b) {
  if (a.currency() != b.currency()) {
    return fail(Errc::CurrencyMismatch,
                fmt::format("cannot combine {} with {}", a.currency().code(), b.currency().code()));
  }
  return a;
}

}  // namespace

Result<Money> Money::parse(std::string_view text, Currency currency) {
  return parseAmount(text, currency, '.', '\0');
}

Result<Money> Money::parseDisplay(std::string_view text, Currency currency) {
  return parseAmount(text, currency, ',', '.');
}

Result<Money> Money::parseInput(std::string_view text, Currency currency) {
  while (!text.empty() && text.front() == ' ') {
    text.remove_prefix(1);
  }
  while (!text.empty() && text.back() == ' ') {
    text.remove_suffix(1);
  }
  const auto lastDot = text.rfind('.');
  const bool groupsThousands = lastDot != std::string_view::npos && text.size() - lastDot - 1 == 3;
  if (text.find(',') != std::string_view::npos || groupsThousands) {
    return parseDisplay(text, currency);
  }
  return parse(text, currency);
}

Result<Money> Money::parseImplied(std::string_view digits, int impliedDecimals, Currency currency) {
  while (!digits.empty() && digits.front() == ' ') {
    digits.remove_prefix(1);
  }
  if (digits.empty()) {
    return fail(Errc::InvalidArgument, "an amount is empty");
  }
  if (impliedDecimals < 0 || impliedDecimals > 4) {
    throw std::invalid_argument("implied decimals must be 0..4");
  }
  const auto decimals = static_cast<std::size_t>(impliedDecimals);
  std::string padded(digits);
  if (padded.size() <= decimals) {
    padded.insert(0, decimals + 1 - padded.size(), '0');
  }
  if (decimals > 0) {
    padded.insert(padded.size() - decimals, 1, '.');
  }
  return parseAmount(padded, currency, '.', '\0');
}

std::string Money::toString() const {
  return format(m_minor, m_currency.exponent(), '.', '\0');
}

std::string Money::toDisplay() const {
  return format(m_minor, m_currency.exponent(), ',', '.');
}

Result<Money> Money::plus(const Money& other) const {
  BOOST_OUTCOME_TRYV(checkCurrencies(*this, other));
  std::int64_t sum = 0;
  if (__builtin_add_overflow(m_minor, other.m_minor, &sum)) {
    return fail(Errc::Overflow, "the sum of two amounts is too large");
  }
  return Money(sum, m_currency);
}

Result<Money> Money::minus(const Money& other) const {
  BOOST_OUTCOME_TRYV(checkCurrencies(*this, other));
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(m_minor, other.m_minor, &difference)) {
    return fail(Errc::Overflow, "the difference of two amounts is too large");
  }
  return Money(difference, m_currency);
}

Result<Money> Money::negated() const {
  if (m_minor == INT64_MIN) {
    return fail(Errc::Overflow, "the amount cannot be negated");
  }
  return Money(-m_minor, m_currency);
}

Money Money::abs() const {
  if (m_minor == INT64_MIN) {
    throw std::overflow_error("the smallest amount has no positive counterpart");
  }
  return Money(m_minor < 0 ? -m_minor : m_minor, m_currency);
}

std::strong_ordering operator<=>(const Money& a, const Money& b) {
  requireSameCurrency(a, b);
  return a.m_minor <=> b.m_minor;
}

std::ostream& operator<<(std::ostream& out, const Money& money) {
  return out << money.toString() << ' ' << money.currency().code();
}

}  // namespace platnik::banking
