#include "storage/Connection.h"

#include "SqliteError.h"
#include "storage/Statement.h"

#include <sqlite3.h>

#include <string>

namespace platnik::storage {

void Connection::Closer::operator()(sqlite3* db) const {
  sqlite3_close_v2(db);
}

namespace {

/// Process-wide SQLite settings, made once before the first connection (sqlite3_config only
/// works before SQLite initialises itself). Memory statistics off: SQLite would otherwise take
/// a global mutex on every allocation and free to count bytes nobody reads.
void configureSqliteOnce() {
  static const bool kConfigured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);  // SQLITE_MISUSE if another library began first
    return true;
  }();
  (void)kConfigured;
}

}  // namespace

banking::Result<Connection> Connection::open(const std::filesystem::path& path, Mode mode) {
  configureSqliteOnce();
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  switch (mode) {
    case Mode::ReadWrite:
      flags |= SQLITE_OPEN_READWRITE;
      break;
    case Mode::ReadWriteCreate:
      flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
      break;
    case Mode::ReadOnly:
      flags |= SQLITE_OPEN_READONLY;
      break;
  }
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  std::unique_ptr<sqlite3, Closer> db(raw);
  if (rc != SQLITE_OK) {
    return sqliteError(rc, db.get(), "opening " + path.string());
  }
  sqlite3_extended_result_codes(db.get(), 1);
  return Connection(std::move(db), path);
}

banking::Result<void> Connection::exec(std::string_view sql) {
  const std::string text(sql);
  const int rc = sqlite3_exec(m_db.get(), text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    return sqliteError(rc, m_db.get(), m_path.filename().string());
  }
  return boost::outcome_v2::success();
}

banking::Result<Statement> Connection::prepare(std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v2(m_db.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(raw);
    return sqliteError(rc, m_db.get(), m_path.filename().string());
  }
  return Statement(m_db.get(), raw);
}

std::int64_t Connection::lastInsertRowId() const {
  return sqlite3_last_insert_rowid(m_db.get());
}

int Connection::changes() const {
  return sqlite3_changes(m_db.get());
}

bool Connection::inTransaction() const {
  return sqlite3_get_autocommit(m_db.get()) == 0;
}

}  // namespace platnik::storage
