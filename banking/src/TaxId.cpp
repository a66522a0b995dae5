#include "banking/TaxId.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace platnik::banking {
namespace {

bool allDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

int TaxId::controlDigitFor(std::string_view body) {
  if (body.size() != 8 || !allDigits(body)) {
    throw std::invalid_argument("TaxId::controlDigitFor needs eight digits");
  }
  // ISO 7064 MOD 11,10.
  int carry = 10;
  for (const char digit : body) {
    carry = (carry + (digit - '0')) % 10;
    if (carry == 0) {
      carry = 10;
    }
    carry = (carry * 2) % 11;
  }
  return (11 - carry) % 10;
}

Result<TaxId> TaxId::parse(std::string_view text) {
  const std::string_view pib = trimmed(text);
  if (pib.empty()) {
    return fail(Errc::InvalidArgument, "the tax id (PIB) is empty", "PIB");
  }
  if (pib.size() != 9 || !allDigits(pib)) {
    return fail(Errc::InvalidArgument,
                fmt::format("a tax id (PIB) has exactly 9 digits; \"{}\" has {} characters", pib, pib.size()),
                "PIB");
  }
  const int expected = controlDigitFor(pib.substr(0, 8));
  if (pib[8] - '0' != expected) {
    return fail(Errc::WrongControlDigits,
                fmt::format("the control digit of the tax id (PIB) {} should be {}", pib, expected), "PIB");
  }
  return TaxId(std::string(pib));
}

}  // namespace platnik::banking
