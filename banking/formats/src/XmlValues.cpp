#include "XmlValues.h"

#include <fmt/format.h>

namespace platnik::banking::formats::detail {

Result<Date> xmlDate(const XmlReader& reader, const XmlElement& element) {
  std::string_view text = element.value();
  if (text.size() > 10 && text[10] == 'T') {
    text = text.substr(0, 10);
  }
  auto date = parseIsoDate(text);
  if (!date) {
    return reader.errorAt(element,
                          fmt::format("'{}' is not a date: {}", element.value(), date.error().message));
  }
  return date.value();
}

Result<std::optional<Date>> isoDateChoice(const XmlReader& reader, const XmlElement* element) {
  if (element == nullptr) {
    return std::optional<Date>{};
  }
  for (const char* name : {"Dt", "DtTm"}) {
    if (const XmlElement* at = element->child(name)) {
      BOOST_OUTCOME_TRY(date, xmlDate(reader, *at));
      return std::optional<Date>{date};
    }
  }
  return reader.errorAt(*element, fmt::format("{} has neither Dt nor DtTm", element->name));
}

Result<Money> xmlMoney(const XmlReader& reader, const XmlElement& element, std::string_view text,
                       Currency currency) {
  // Zeros written past the currency's decimals ("5442.09000" RON) change nothing and are
  // dropped; any other digit there is an error, never rounded.
  std::string_view exact = text;
  if (const auto dot = exact.find('.'); dot != std::string_view::npos) {
    const std::size_t keep = dot + 1 + static_cast<std::size_t>(currency.exponent());
    while (exact.size() > keep && exact.back() == '0') {
      exact.remove_suffix(1);
    }
    if (exact.back() == '.') {
      exact.remove_suffix(1);
    }
  }
  auto money = Money::parse(exact, currency);
  if (!money) {
    return reader.errorAt(element, fmt::format("'{}' is not an amount in {}: {}", text, currency.code(),
                                               money.error().message));
  }
  return money.value();
}

Result<Money> isoAmount(const XmlReader& reader, const XmlElement& amount) {
  const auto code = amount.attribute("Ccy");
  if (!code) {
    return reader.errorAt(amount, fmt::format("{} has no Ccy (currency) attribute", amount.name));
  }
  auto currency = Currency::fromCode(trimXml(*code));
  if (!currency) {
    return reader.errorAt(amount, fmt::format("'{}' is not a currency: {}", *code, currency.error().message));
  }
  return xmlMoney(reader, amount, amount.value(), currency.value());
}

}  // namespace platnik::banking::formats::detail
