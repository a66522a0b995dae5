#include "XmlValues.h"

#include <fmt/format.h>

namespace platnik::banking::formats::detail {

Error XmlSpot::error(std::string reason) const {
  if (m_element != nullptr) {
    return m_reader.errorAt(*m_element, std::move(reason));
  }
  std::string path(m_prefix);
  path += m_path;
  return m_reader.errorBelow(path, m_line, std::move(reason));
}

Result<Date> xmlDateText(const XmlSpot& spot, std::string_view text) {
  text = trimXml(text);
  const std::string_view written = text;
  if (text.size() > 10 && text[10] == 'T') {
    text = text.substr(0, 10);
  }
  auto date = parseIsoDate(text);
  if (!date) {
    return spot.error(fmt::format("'{}' is not a date: {}", written, date.error().message));
  }
  return date.value();
}

Result<Date> xmlDate(const XmlReader& reader, const XmlElement& element) {
  return xmlDateText(XmlSpot(reader, element), element.value());
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

Result<Money> xmlMoneyText(const XmlSpot& spot, std::string_view text, Currency currency) {
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
    return spot.error(
        fmt::format("'{}' is not an amount in {}: {}", text, currency.code(), money.error().message));
  }
  return money.value();
}

Result<Money> xmlMoney(const XmlReader& reader, const XmlElement& element, std::string_view text,
                       Currency currency) {
  return xmlMoneyText(XmlSpot(reader, element), text, currency);
}

Result<Money> isoAmountText(const XmlSpot& spot, std::string_view name,
                            std::optional<std::string_view> currencyCode, std::string_view text) {
  if (!currencyCode) {
    return spot.error(fmt::format("{} has no Ccy (currency) attribute", name));
  }
  auto currency = Currency::fromCode(trimXml(*currencyCode));
  if (!currency) {
    return spot.error(fmt::format("'{}' is not a currency: {}", *currencyCode, currency.error().message));
  }
  return xmlMoneyText(spot, trimXml(text), currency.value());
}

Result<Money> isoAmount(const XmlReader& reader, const XmlElement& amount) {
  return isoAmountText(XmlSpot(reader, amount), amount.name, amount.attribute("Ccy"), amount.value());
}

}  // namespace platnik::banking::formats::detail
