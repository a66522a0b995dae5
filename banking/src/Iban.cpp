#include "banking/Iban.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

namespace platnik::banking {
namespace {

/// The SWIFT IBAN registry (ISO 13616): country code and total IBAN length.
/// Source: SWIFT "IBAN Registry" (iban-registry.txt, 2024 edition, 89 countries).
constexpr std::array<std::pair<std::string_view, int>, 89> kRegistry{{
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HN", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26},
    {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20},
    {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20},
    {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
    {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25},
    {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
    {"YE", 30},
}};

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
bool isUpper(char c) {
  return c >= 'A' && c <= 'Z';
}
char toUpper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

}  // namespace

Result<int> mod97(std::string_view digitsAndLetters) {
  if (digitsAndLetters.empty()) {
    return fail(Errc::InvalidArgument, "there are no digits to compute a mod-97 remainder over");
  }
  int remainder = 0;
  for (char c : digitsAndLetters) {
    const char upper = toUpper(c);
    if (isDigit(upper)) {
      remainder = (remainder * 10 + (upper - '0')) % 97;
    } else if (isUpper(upper)) {
      remainder = (remainder * 100 + (upper - 'A' + 10)) % 97;
    } else {
      return fail(Errc::InvalidArgument,
                  fmt::format("'{}' may hold only digits and letters, not '{}'", digitsAndLetters, c));
    }
  }
  return remainder;
}

int Iban::lengthFor(std::string_view countryCode) {
  const auto* it = std::find_if(kRegistry.begin(), kRegistry.end(),
                                [&](const auto& entry) { return entry.first == countryCode; });
  return it == kRegistry.end() ? 0 : it->second;
}

Result<Iban> Iban::parse(std::string_view text) {
  std::string value;
  value.reserve(text.size());
  for (char c : text) {
    if (c != ' ') {
      value.push_back(toUpper(c));
    }
  }
  const std::string original(text);
  if (value.size() < 5) {
    return fail(Errc::InvalidAccount, fmt::format("'{}' is too short to be an IBAN", original));
  }
  if (!isUpper(value[0]) || !isUpper(value[1])) {
    return fail(Errc::InvalidAccount,
                fmt::format("'{}' does not start with a two-letter country code", original));
  }
  if (!isDigit(value[2]) || !isDigit(value[3])) {
    return fail(Errc::InvalidAccount,
                fmt::format("'{}' has no two check digits after the country code", original));
  }
  for (char c : std::string_view(value).substr(4)) {
    if (!isDigit(c) && !isUpper(c)) {
      return fail(Errc::InvalidAccount,
                  fmt::format("'{}' holds '{}'; an IBAN has only letters and digits", original, c));
    }
  }
  const std::string_view country = std::string_view(value).substr(0, 2);
  const int length = lengthFor(country);
  if (length == 0) {
    return fail(Errc::InvalidAccount, fmt::format("'{}': country {} has no IBAN", original, country));
  }
  if (static_cast<int>(value.size()) != length) {
    return fail(Errc::InvalidAccount, fmt::format("'{}' has {} characters; an IBAN of {} has {}", original,
                                                  value.size(), country, length));
  }
  // ISO 13616: the country code and check digits move to the end; the whole must leave 1.
  const std::string rearranged = value.substr(4) + value.substr(0, 2);
  BOOST_OUTCOME_TRY(withCheck, mod97(rearranged + value.substr(2, 2)));
  BOOST_OUTCOME_TRY(withZeros, mod97(rearranged + "00"));
  const int expected = 98 - withZeros;
  const std::string_view given = std::string_view(value).substr(2, 2);
  if (withCheck != 1 || given != fmt::format("{:02}", expected)) {
    return fail(Errc::WrongControlDigits,
                fmt::format("'{}' has check digits {}; they should be {:02}", original, given, expected));
  }
  return Iban(std::move(value));
}

std::string Iban::display() const {
  std::string out;
  for (std::size_t i = 0; i < m_value.size(); ++i) {
    if (i != 0 && i % 4 == 0) {
      out.push_back(' ');
    }
    out.push_back(m_value[i]);
  }
  return out;
}

}  // namespace platnik::banking
