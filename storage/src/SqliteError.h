#pragma once

#include "banking/Error.h"

#include <string_view>

struct sqlite3;

namespace platnik::storage {

/// The one place where an SQLite result code becomes an Error (Errc::Database). Disk full,
/// read-only, not a database, damaged file and busy get their own clear messages; `db`
/// (may be null) adds SQLite's own detail, `what` says what was being done.
banking::Error sqliteError(int rc, sqlite3* db, std::string_view what);

}  // namespace platnik::storage
