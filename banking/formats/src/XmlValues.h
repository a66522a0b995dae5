#pragma once

#include "XmlReader.h"
#include "banking/Date.h"
#include "banking/Error.h"
#include "banking/Money.h"

#include <optional>
#include <string_view>

namespace platnik::banking::formats::detail {

// Turning element text into domain values, with errors that point at the element.

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
