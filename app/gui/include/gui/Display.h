#pragma once

#include "banking/Date.h"
#include "banking/Money.h"

#include <wx/string.h>

#include <string_view>

namespace platnik::gui {

/// Text from UTF-8 (every std::string in the project is UTF-8).
wxString fromUtf8(std::string_view text);

/// An amount as the window's language writes it: "1.234,56" in Serbian, "1,234.56" in English.
wxString displayAmount(const banking::Money& amount);
/// An amount with its currency code after it: "1.234,56 RSD".
wxString displayAmountWithCurrency(const banking::Money& amount);
/// A date as the window's language writes it: "05.03.2025" in Serbian, "2025-03-05" in English.
wxString displayDate(banking::Date date);

}  // namespace platnik::gui
