#include "banking/Currency.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace platnik::banking {
namespace {

struct CurrencyRow {
  const char* code;
  int numeric;
  int exponent;
};

constexpr CurrencyRow kCurrencies[] = {
#include "CurrencyTable.inc"
};

}  // namespace

Result<Currency> Currency::fromCode(std::string_view code) {
  if (code == "DIN") {  // Serbian banks' legacy label for the dinar
    code = "RSD";
  }
  const auto* it = std::lower_bound(std::begin(kCurrencies), std::end(kCurrencies), code,
                                    [](const CurrencyRow& row, std::string_view c) { return row.code < c; });
  if (code.size() != 3 || it == std::end(kCurrencies) || it->code != code) {
    return fail(Errc::UnknownCurrency, fmt::format("'{}' is not an ISO 4217 currency code", code));
  }
  return Currency({it->code[0], it->code[1], it->code[2]}, it->exponent, it->numeric);
}

Currency Currency::rsd() {
  return fromCode("RSD").value();
}
Currency Currency::eur() {
  return fromCode("EUR").value();
}

}  // namespace platnik::banking
