#include "SqliteError.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace platnik::storage {
namespace {

/// The errno behind an I/O error. SQLite records it for the connection only when the error
/// happens while a statement runs; a write that fails at COMMIT (WAL frames written then)
/// leaves it 0, but the WAL (or rollback journal) file still holds the errno of its last
/// failed call.
int systemError(int rc, sqlite3* db) {
  if (db == nullptr) {
    return 0;
  }
  if (const int error = sqlite3_system_errno(db); error != 0) {
    return error;
  }
  if (rc != SQLITE_IOERR_WRITE && rc != SQLITE_IOERR_TRUNCATE && rc != SQLITE_IOERR_SHMSIZE) {
    return 0;
  }
  int error = 0;
  sqlite3_file* journal = nullptr;
  if (sqlite3_file_control(db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &journal) == SQLITE_OK &&
      journal != nullptr && journal->pMethods != nullptr &&
      journal->pMethods->xFileControl(journal, SQLITE_FCNTL_LAST_ERRNO, &error) == SQLITE_OK && error != 0) {
    return error;
  }
  error = 0;
  sqlite3_file_control(db, "main", SQLITE_FCNTL_LAST_ERRNO, &error);
  return error;
}

}  // namespace

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
    case SQLITE_IOERR: {
      // A write refused for lack of room (a full file system, a quota, a file-size limit)
      // reaches SQLite as an I/O error, not as SQLITE_FULL, unless the write was partial.
      const int error = systemError(rc, db);
      if (error == ENOSPC || error == EFBIG || error == EDQUOT) {
        message =
            fmt::format("the disk is full or the database reached its size limit ({}); nothing was saved",
                        std::strerror(error));
      } else {
        message = "reading or writing the database file failed";
      }
      break;
    }
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
