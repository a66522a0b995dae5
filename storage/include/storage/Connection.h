#pragma once

#include "banking/Error.h"
#include "storage/Statement.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>

struct sqlite3;

namespace platnik::storage {

/// One open SQLite connection (the RAII layer; SQL lives in storage/ only).
class Connection {
 public:
  enum class Mode {
    ReadWrite,        ///< the file must exist
    ReadWriteCreate,  ///< created when missing
    ReadOnly,
  };

  /// Opens the file as SQLite sees it; no statement is run, nothing is written.
  static banking::Result<Connection> open(const std::filesystem::path& path, Mode mode);

  /// Runs SQL that takes no parameters (DDL, pragmas). Values always go through prepare().
  banking::Result<void> exec(std::string_view sql);
  banking::Result<Statement> prepare(std::string_view sql);

  [[nodiscard]] std::int64_t lastInsertRowId() const;
  /// Rows changed by the last INSERT, UPDATE or DELETE.
  [[nodiscard]] int changes() const;
  /// Whether a transaction is open on this connection.
  [[nodiscard]] bool inTransaction() const;
  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
  [[nodiscard]] sqlite3* handle() const { return m_db.get(); }

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  Connection(std::unique_ptr<sqlite3, Closer> db, std::filesystem::path path)
      : m_db(std::move(db)), m_path(std::move(path)) {}

  std::unique_ptr<sqlite3, Closer> m_db;
  std::filesystem::path m_path;
};

}  // namespace platnik::storage
