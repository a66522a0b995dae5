#include "storage/Statement.h"

#include "SqliteError.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <stdexcept>

namespace platnik::storage {

void Statement::Finalizer::operator()(sqlite3_stmt* statement) const {
  sqlite3_finalize(statement);
}

void Statement::check(int rc, int index) const {
  if (rc != SQLITE_OK) {
    throw std::logic_error(fmt::format("binding parameter {} of \"{}\": {}", index,
                                       sqlite3_sql(m_statement.get()), sqlite3_errstr(rc)));
  }
}

Statement& Statement::bind(int index, std::int64_t value) {
  check(sqlite3_bind_int64(m_statement.get(), index, value), index);
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  // An empty view may have no data pointer; SQLite would bind that as NULL, not as ''.
  const char* data = text.data() != nullptr ? text.data() : "";
  check(sqlite3_bind_text64(m_statement.get(), index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
        index);
  return *this;
}

Statement& Statement::bindUnowned(int index, std::string_view text) {
  const char* data = text.data() != nullptr ? text.data() : "";
  check(sqlite3_bind_text64(m_statement.get(), index, data, text.size(), SQLITE_STATIC, SQLITE_UTF8), index);
  return *this;
}

Statement& Statement::bind(int index, std::span<const std::uint8_t> blob) {
  check(sqlite3_bind_blob64(m_statement.get(), index, blob.data(), blob.size(), SQLITE_TRANSIENT), index);
  return *this;
}

Statement& Statement::bindUnowned(int index, std::span<const std::uint8_t> blob) {
  check(sqlite3_bind_blob64(m_statement.get(), index, blob.data(), blob.size(), SQLITE_STATIC), index);
  return *this;
}

Statement& Statement::bind(int index, std::nullptr_t) {
  check(sqlite3_bind_null(m_statement.get(), index), index);
  return *this;
}

banking::Result<bool> Statement::step() {
  const int rc = sqlite3_step(m_statement.get());
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  // sqlite3_reset returns the same error; resetting lets the statement be reused.
  auto error = sqliteError(rc, m_db, "running a query");
  sqlite3_reset(m_statement.get());
  return boost::outcome_v2::failure(std::move(error));
}

banking::Result<void> Statement::run() {
  for (;;) {
    BOOST_OUTCOME_TRY(row, step());
    if (!row) {
      break;
    }
  }
  reset();
  return boost::outcome_v2::success();
}

void Statement::reset() {
  sqlite3_reset(m_statement.get());
  sqlite3_clear_bindings(m_statement.get());
}

bool Statement::isNull(int column) const {
  return sqlite3_column_type(m_statement.get(), column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(m_statement.get(), column);
}

std::string Statement::text(int column) const {
  const auto* data = sqlite3_column_text(m_statement.get(), column);
  const int size = sqlite3_column_bytes(m_statement.get(), column);
  return data == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(data), size);
}

std::optional<std::string> Statement::optionalText(int column) const {
  if (isNull(column)) {
    return std::nullopt;
  }
  return text(column);
}

std::optional<std::int64_t> Statement::optionalInteger(int column) const {
  if (isNull(column)) {
    return std::nullopt;
  }
  return integer(column);
}

std::vector<std::uint8_t> Statement::blob(int column) const {
  const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_statement.get(), column));
  const int size = sqlite3_column_bytes(m_statement.get(), column);
  return data == nullptr ? std::vector<std::uint8_t>() : std::vector<std::uint8_t>(data, data + size);
}

}  // namespace platnik::storage
