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

/// The full-text index's rowid for an entry: its booking date in the high 32 bits, its id in
/// the low 32, so that the index's own order is "newest first" and a date range is a rowid
/// range. Entry ids stay below 2^32.
std::int64_t searchKey(banking::Date date, std::int64_t entryId);

}  // namespace platnik::storage::detail
