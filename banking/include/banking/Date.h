#pragma once

#include "banking/Error.h"

#include <chrono>
#include <string>
#include <string_view>

namespace platnik::banking {

/// A calendar date (bank days have no time zone here).
using Date = std::chrono::year_month_day;

/// Builds a date, failing when it does not exist (30 February).
Result<Date> makeDate(int year, unsigned month, unsigned day);
/// "2024-03-31".
Result<Date> parseIsoDate(std::string_view text);
/// "31.03.2024" (a trailing dot, as Serbians often write it, is accepted).
Result<Date> parseSerbianDate(std::string_view text);

/// "2024-03-31".
std::string toIsoString(Date date);
/// "31.03.2024".
std::string toSerbianString(Date date);

}  // namespace platnik::banking
