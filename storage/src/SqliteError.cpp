#include "SqliteError.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <string>

namespace platnik::storage {

banking::Error sqliteError(int rc, sqlite3* db, std::string_view what) {
  const int primary = rc & 0xff;
  std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string message;
  switch (primary) {
    case SQLITE_FULL:
      message = "the disk is full or the database reached its size limit; nothing was saved";
      break;
    case SQLITE_READONLY:
      message = "the database cannot be written: the file or its folder is read-only";
      break;
    case SQLITE_NOTADB:
      message = "the file is not a database";
      break;
    case SQLITE_CORRUPT:
      message = "the database file is damaged; restore it from a backup";
      break;
    case SQLITE_CANTOPEN:
      message = "the database file cannot be opened (missing, or its folder is not accessible)";
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      message = "the database is busy: another program kept it locked for too long";
      break;
    case SQLITE_IOERR:
      message = "reading or writing the database file failed";
      break;
    case SQLITE_PERM:
    case SQLITE_AUTH:
      message = "access to the database file was denied";
      break;
    case SQLITE_CONSTRAINT:
      message = "the change breaks a rule of the database";
      break;
    case SQLITE_NOMEM:
      message = "out of memory";
      break;
    default:
      message = "database error";
      break;
  }
  return banking::Error{banking::Errc::Database, fmt::format("{} ({}: {})", message, what, detail)};
}

}  // namespace platnik::storage
