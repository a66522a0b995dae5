#pragma once

#include "banking/Error.h"
#include "storage/AuditLog.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace platnik::storage {

class Connection;
class Banks;
class Accounts;
class Contacts;
class Orders;
class Entries;
class Balances;
class Settings;

/// What `db check` found.
struct CheckReport {
  std::vector<std::string> integrityProblems;  ///< PRAGMA integrity_check and foreign_key_check
  AuditVerification audit;
  [[nodiscard]] bool ok() const { return integrityProblems.empty() && audit.ok(); }
  /// Every problem on its own line.
  [[nodiscard]] std::string describe() const;
};

/// One company's Platnik database file. Opening checks the file is a Platnik database
/// (never modifying a file that is not), refuses one from a newer Platnik, and migrates an
/// older one forward. Connections use WAL, foreign keys, a busy timeout and
/// synchronous=NORMAL.
class Database {
 public:
  enum class Access { ReadWrite, ReadOnly };

  /// Creates a new database, or opens the Platnik database already there. A file that is
  /// not a Platnik database is refused and left as it was.
  static banking::Result<Database> create(const std::filesystem::path& path);
  /// Opens an existing Platnik database (ReadOnly neither migrates nor writes).
  static banking::Result<Database> open(const std::filesystem::path& path, Access access = Access::ReadWrite);
  /// $XDG_DATA_HOME/platnik/<name>.platnik (~/.local/share when XDG_DATA_HOME is unset).
  static std::filesystem::path defaultPath(const std::string& name = "company");

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  /// Integrity check, foreign keys, entry keys against account_days, and the audit chain.
  banking::Result<CheckReport> check();

  /// Copies the database to `destination` with SQLite's online backup API (other
  /// connections may keep using it), then opens the copy and checks it; only a copy that
  /// passes is left in place (an existing file there is replaced only then).
  banking::Result<void> backup(const std::filesystem::path& destination);
  /// A backup named <stem>-YYYYMMDD-HHMMSS.platnik in `folder`; keeps the newest `keep` of them.
  banking::Result<std::filesystem::path> backupDated(const std::filesystem::path& folder, int keep);
  /// Replaces this database's content with the backup at `source`, after checking the backup.
  banking::Result<void> restore(const std::filesystem::path& source);

  [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }
  [[nodiscard]] const std::filesystem::path& path() const;

  Banks banks();
  Accounts accounts();
  Contacts contacts();
  Orders orders();
  Entries entries();
  Balances balances();
  Settings settings();
  AuditLog auditLog();
  /// The raw connection, for storage's own parts and tests.
  Connection& connection() { return *m_connection; }

 private:
  Database(std::unique_ptr<Connection> connection, int schemaVersion);
  static banking::Result<Database> openFile(const std::filesystem::path& path, Access access, bool mayCreate);
  /// Adds to `report` the entries whose key names another account and the days whose count
  /// in account_days differs from the table's.
  banking::Result<void> checkEntryKeys(CheckReport& report);

  std::unique_ptr<Connection> m_connection;
  int m_schemaVersion = 0;
};

}  // namespace platnik::storage
