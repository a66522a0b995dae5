#pragma once

#include "banking/Error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace platnik::storage {

/// A prepared SQL statement with bound parameters (1-based, as in SQLite). Binding to a
/// parameter that does not exist is a programming error and throws std::logic_error.
class Statement {
 public:
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, std::span<const std::uint8_t> blob);
  /// Binds text without copying it: the caller keeps `text` alive and unchanged until the
  /// statement is reset (run() resets). For bulk inserts of fields that outlive the run.
  Statement& bindUnowned(int index, std::string_view text);
  /// The same for a blob.
  Statement& bindUnowned(int index, std::span<const std::uint8_t> blob);
  Statement& bind(int index, std::nullptr_t);
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind(index, nullptr);
  }

  /// Advances: true when a row is ready to read, false when the statement is done.
  banking::Result<bool> step();
  /// Steps to the end (for statements that return no rows).
  banking::Result<void> run();
  /// Ready to run again with new bindings (the bindings are cleared).
  void reset();

  [[nodiscard]] bool isNull(int column) const;
  [[nodiscard]] std::int64_t integer(int column) const;
  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] std::optional<std::string> optionalText(int column) const;
  [[nodiscard]] std::optional<std::int64_t> optionalInteger(int column) const;
  [[nodiscard]] std::vector<std::uint8_t> blob(int column) const;

 private:
  friend class Connection;
  struct Finalizer {
    void operator()(sqlite3_stmt* statement) const;
  };
  Statement(sqlite3* db, sqlite3_stmt* statement) : m_db(db), m_statement(statement) {}
  void check(int rc, int index) const;

  sqlite3* m_db;
  std::unique_ptr<sqlite3_stmt, Finalizer> m_statement;
};

}  // namespace platnik::storage
