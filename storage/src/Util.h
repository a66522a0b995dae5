#pragma once

#include "banking/Date.h"
#include "banking/Error.h"
#include "banking/Money.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace platnik::storage::detail {

/// "2026-11-25T18:10:10Z" (UTC, for audit rows and timestamps).
std::string nowUtc();
/// SHA-256 of the bytes.
std::array<std::uint8_t, 32> sha256(std::string_view bytes);
std::string toHex(std::span<const std::uint8_t> bytes);
/// Appends one field to a canonical encoding: its length, ':', the bytes, ';' (unambiguous
/// whatever the field holds).
void appendField(std::string& out, std::string_view field);
/// The operating-system user running Platnik (for the audit log).
std::string currentUser();

std::optional<std::string> isoDate(const std::optional<banking::Date>& date);
/// Reads a date written by isoDate; a malformed one in the database is an error.
banking::Result<std::optional<banking::Date>> readDate(const std::optional<std::string>& text);
banking::Result<banking::Money> readMoney(std::int64_t minor, std::string_view currency);

/// A date in the high 32 bits and a number below 2^32 in the low: the key both the entries
/// table (its id, see accountDayKey) and its full-text index (its rowid) are ordered by, so
/// "newest first" is their own order and a date range is a key range. (Schema 2 used it for
/// the index only, `low` the entry's id; schema 3 for both, `low` the place among the day's
/// entries.)
std::int64_t entryKey(banking::Date date, std::int64_t low);
/// The first key of the day after `date`: the end of that day's key range.
std::int64_t entryKeyAfter(banking::Date date);
/// The high half of a day's keys: days since 1970 plus 100,000 (`account_days.day`).
std::int64_t dayNumber(banking::Date date);

/// Schema 4 on, an entry's id is entryKey(booking day, account << 20 | n): within a day, one
/// account's entries lie together, n their place among them (1 on), so an account's entries
/// are one key range per day (listed through `account_days`) and need no index of their own.
inline constexpr int kAccountShift = 20;
inline constexpr std::int64_t kKeysPerAccountDay = std::int64_t{1} << kAccountShift;
inline constexpr std::int64_t kMaxEntryAccountId = (std::int64_t{1} << (32 - kAccountShift)) - 1;
/// The first key of an account's day (n = 0, which no entry takes); an account id above
/// kMaxEntryAccountId is refused.
banking::Result<std::int64_t> accountDayKey(banking::Date date, std::int64_t accountId);
/// The account an entry's key names (the inverse of accountDayKey's account part).
inline constexpr std::int64_t accountOfKey(std::int64_t key) {
  return (key >> kAccountShift) & kMaxEntryAccountId;
}

}  // namespace platnik::storage::detail
