#pragma once

#include "XmlReader.h"
#include "banking/Date.h"
#include "banking/Error.h"
#include "banking/Money.h"

#include <optional>
#include <string_view>

namespace platnik::banking::formats::detail {

// Turning element text into domain values, with errors that point at the element.

/// Where a value was written, for the error when it is wrong: an element of a subtree read
/// earlier, or an element met by XmlReader::step() below the reader's current element.
class XmlSpot {
 public:
  XmlSpot(const XmlReader& reader, const XmlElement& element) : m_reader(reader), m_element(&element) {}
  /// An element at `prefix` + `relativePath` below the reader's current element.
  XmlSpot(const XmlReader& reader, std::string_view prefix, std::string_view relativePath, int line)
      : m_reader(reader), m_prefix(prefix), m_path(relativePath), m_line(line) {}
  [[nodiscard]] Error error(std::string reason) const;

 private:
  const XmlReader& m_reader;
  const XmlElement* m_element = nullptr;
  std::string_view m_prefix;
  std::string_view m_path;
  int m_line = 0;
};

/// xmlDate() over text already read.
Result<Date> xmlDateText(const XmlSpot& spot, std::string_view text);
/// isoAmount() over text already read: `name` is the element's name, `currencyCode` its Ccy.
Result<Money> isoAmountText(const XmlSpot& spot, std::string_view name,
                            std::optional<std::string_view> currencyCode, std::string_view text);
/// xmlMoney() over text already read.
Result<Money> xmlMoneyText(const XmlSpot& spot, std::string_view text, Currency currency);

/// A date written as "2024-03-31" or as a date-time "2024-03-31T10:00:00+01:00" (the date
/// part is the bank day; some banks write DtTm where Dt belongs and the other way round).
Result<Date> xmlDate(const XmlReader& reader, const XmlElement& element);
/// An ISO 20022 date choice: <Dt> or <DtTm> inside `element`; nullopt when it has neither.
Result<std::optional<Date>> isoDateChoice(const XmlReader& reader, const XmlElement* element);
/// An amount element <Amt Ccy="EUR">12.34</Amt>, exact in the currency's exponent.
Result<Money> isoAmount(const XmlReader& reader, const XmlElement& amount);
/// An amount in a known currency, machine form ("-12.34").
Result<Money> xmlMoney(const XmlReader& reader, const XmlElement& element, std::string_view text,
                       Currency currency);

}  // namespace platnik::banking::formats::detail
