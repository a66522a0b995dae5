#include "storage/Database.h"

#include "SqliteError.h"
#include "Util.h"
#include "storage/Accounts.h"
#include "storage/Balances.h"
#include "storage/Banks.h"
#include "storage/Connection.h"
#include "storage/Contacts.h"
#include "storage/Entries.h"
#include "storage/Orders.h"
#include "storage/Schema.h"
#include "storage/Settings.h"
#include "storage/Statement.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>
#include <unistd.h>

namespace platnik::storage {
namespace fs = std::filesystem;
using banking::Errc;
using banking::fail;
using banking::Result;

namespace {

std::uint32_t bigEndian(const std::array<unsigned char, 100>& header, std::size_t at, std::size_t bytes) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < bytes; ++i) {
    value = (value << 8) | header[at + i];
  }
  return value;
}

/// Looks at the file without SQLite, so that a file that is not ours is never touched.
/// Returns whether there is an existing (non-empty) file.
Result<bool> inspectFile(const fs::path& path, bool mayCreate) {
  std::error_code error;
  const bool exists = fs::exists(path, error);
  if (!exists) {
    if (!mayCreate) {
      return fail(Errc::NotFound, "there is no database file here", path.string());
    }
    return false;
  }
  if (!fs::is_regular_file(path, error)) {
    return fail(Errc::Database, "this is not a file, so not a Platnik database", path.string());
  }
  const auto size = fs::file_size(path, error);
  if (error) {
    return fail(Errc::Io, "cannot read the file: " + error.message(), path.string());
  }
  if (size == 0) {
    if (!mayCreate) {
      return fail(Errc::Database, "the file is empty, not a Platnik database (create one with db init)",
                  path.string());
    }
    return false;
  }
  std::array<unsigned char, 100> header{};
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail(Errc::Io, "cannot read the file (no permission?)", path.string());
  }
  in.read(reinterpret_cast<char*>(header.data()), header.size());
  static constexpr std::string_view kMagic{"SQLite format 3\0", 16};
  if (in.gcount() < 100 || std::string_view(reinterpret_cast<const char*>(header.data()), 16) != kMagic) {
    return fail(Errc::Database,
                "the file is not a Platnik database (it is not an SQLite database at all); it was left "
                "unchanged",
                path.string());
  }
  std::uint32_t pageSize = bigEndian(header, 16, 2);
  if (pageSize == 1) {
    pageSize = 65536;
  }
  const std::uint32_t pageCount = bigEndian(header, 28, 4);
  const bool countValid = bigEndian(header, 24, 4) == bigEndian(header, 92, 4);
  // With a write-ahead log present the file may legitimately lag its header until SQLite
  // finishes a checkpoint from the log; only judge a file that stands alone.
  const fs::path wal = fs::path(path.string() + "-wal");
  const bool walHasData = fs::exists(wal, error) && fs::file_size(wal, error) > 0;
  if (countValid && !walHasData && pageCount > 0 &&
      size < static_cast<std::uintmax_t>(pageCount) * pageSize) {
    return fail(Errc::Database,
                fmt::format("the database file is truncated: it should hold {} bytes but has {}; restore it "
                            "from a backup",
                            static_cast<std::uintmax_t>(pageCount) * pageSize, size),
                path.string());
  }
  return true;
}

Result<std::int64_t> pragmaInteger(Connection& connection, std::string_view pragma) {
  BOOST_OUTCOME_TRY(query, connection.prepare(fmt::format("PRAGMA {}", pragma)));
  BOOST_OUTCOME_TRY(row, query.step());
  return row ? query.integer(0) : 0;
}

Result<void> checkWritable(const fs::path& path, bool exists) {
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (::access(folder.c_str(), W_OK) != 0) {
    return fail(Errc::Database,
                "the folder is read-only: the database and its write-ahead log cannot be written there",
                folder.string());
  }
  if (exists && ::access(path.c_str(), W_OK) != 0) {
    return fail(Errc::Database, "the database file is read-only", path.string());
  }
  return boost::outcome_v2::success();
}

}  // namespace

std::string CheckReport::describe() const {
  std::string text;
  for (const auto& problem : integrityProblems) {
    text += problem + "\n";
  }
  for (const auto& problem : audit.problems) {
    text += "audit log: " + problem.what + "\n";
  }
  return text.empty() ? "ok\n" : text;
}

Database::Database(std::unique_ptr<Connection> connection, int schemaVersion)
    : m_connection(std::move(connection)), m_schemaVersion(schemaVersion) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Result<Database> Database::create(const fs::path& path) {
  return openFile(path, Access::ReadWrite, true);
}

Result<Database> Database::open(const fs::path& path, Access access) {
  return openFile(path, access, false);
}

fs::path Database::defaultPath(const std::string& name) {
  fs::path base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    base = fs::path(home) / ".local" / "share";
  } else {
    base = fs::current_path();
  }
  return base / "platnik" / (name + ".platnik");
}

Result<Database> Database::openFile(const fs::path& path, Access access, bool mayCreate) {
  BOOST_OUTCOME_TRY(exists, inspectFile(path, mayCreate));
  if (access == Access::ReadWrite) {
    BOOST_OUTCOME_TRYV(checkWritable(path, exists));
  }
  const auto mode = access == Access::ReadOnly ? Connection::Mode::ReadOnly
                    : mayCreate                ? Connection::Mode::ReadWriteCreate
                                               : Connection::Mode::ReadWrite;
  BOOST_OUTCOME_TRY(opened, Connection::open(path, mode));
  auto connection = std::make_unique<Connection>(std::move(opened));
  // Reads only, until we know the file is ours.
  BOOST_OUTCOME_TRYV(connection->exec("PRAGMA busy_timeout = 10000"));
  auto applicationId = pragmaInteger(*connection, "application_id");
  if (!applicationId) {
    auto error = applicationId.error();
    error.message = "the file is not a Platnik database; it was left unchanged (" + error.message + ")";
    error.where = path.string();
    return boost::outcome_v2::failure(std::move(error));
  }
  BOOST_OUTCOME_TRY(version, pragmaInteger(*connection, "user_version"));
  BOOST_OUTCOME_TRY(objects, pragmaInteger(*connection, "schema_version"));
  const int latest = latestSchemaVersion();
  if (applicationId.value() != kApplicationId) {
    const bool emptySqlite = applicationId.value() == 0 && version == 0 && objects == 0;
    if (!emptySqlite) {
      return fail(Errc::Database,
                  fmt::format("the file is an SQLite database but not a Platnik database (application id "
                              "{:#x}); it was left unchanged",
                              static_cast<std::uint32_t>(applicationId.value())),
                  path.string());
    }
    if (!mayCreate) {
      return fail(Errc::Database, "the database is empty, not a Platnik database (create one with db init)",
                  path.string());
    }
  }
  if (version > latest) {
    return fail(Errc::Database,
                fmt::format("the database was made by a newer Platnik (schema {}), this one reads up to "
                            "schema {}; it was left unchanged",
                            version, latest),
                path.string());
  }
  BOOST_OUTCOME_TRYV(connection->exec("PRAGMA foreign_keys = ON"));
  BOOST_OUTCOME_TRYV(connection->exec("PRAGMA cache_size = -16000"));
  if (access == Access::ReadOnly) {
    if (version < latest) {
      return fail(Errc::Database,
                  fmt::format("the database has the older schema {}; open it for writing once to upgrade it "
                              "to schema {}",
                              version, latest),
                  path.string());
    }
    return Database(std::move(connection), static_cast<int>(version));
  }
  {
    BOOST_OUTCOME_TRY(journal, connection->prepare("PRAGMA journal_mode = WAL"));
    BOOST_OUTCOME_TRY(row, journal.step());
    if (!row || journal.text(0) != "wal") {
      return fail(Errc::Database, "the database cannot use write-ahead logging (WAL)", path.string());
    }
  }
  BOOST_OUTCOME_TRYV(connection->exec("PRAGMA synchronous = NORMAL"));
  BOOST_OUTCOME_TRYV(migrate(*connection, latest));
  return Database(std::move(connection), latest);
}

const fs::path& Database::path() const {
  return m_connection->path();
}

Result<CheckReport> Database::check() {
  CheckReport report;
  {
    BOOST_OUTCOME_TRY(integrity, m_connection->prepare("PRAGMA integrity_check"));
    for (;;) {
      BOOST_OUTCOME_TRY(row, integrity.step());
      if (!row) {
        break;
      }
      if (auto line = integrity.text(0); line != "ok") {
        report.integrityProblems.push_back(std::move(line));
      }
    }
  }
  {
    BOOST_OUTCOME_TRY(keys, m_connection->prepare("PRAGMA foreign_key_check"));
    for (;;) {
      BOOST_OUTCOME_TRY(row, keys.step());
      if (!row) {
        break;
      }
      report.integrityProblems.push_back(fmt::format("{} row {} refers to a missing row of {}", keys.text(0),
                                                     keys.integer(1), keys.text(2)));
    }
  }
  BOOST_OUTCOME_TRYV(checkEntryKeys(report));
  BOOST_OUTCOME_TRY(audit, auditLog().verify());
  report.audit = std::move(audit);
  return report;
}

Result<void> Database::checkEntryKeys(CheckReport& report) {
  // An entry's key names its account and day (detail::accountDayKey), and account_days
  // counts each account's entries per day: lists and counts rely on both. The SQL spells
  // detail::accountOfKey out.
  static_assert(detail::kAccountShift == 20 && detail::kMaxEntryAccountId == 4095);
  BOOST_OUTCOME_TRY(keys,
                    m_connection->prepare("SELECT id, account_id FROM entries WHERE ((id >> 20) & 4095) "
                                          "!= account_id LIMIT 10"));
  for (;;) {
    BOOST_OUTCOME_TRY(row, keys.step());
    if (!row) {
      break;
    }
    report.integrityProblems.push_back(
        fmt::format("entries row {} is keyed under account {} but belongs to {}", keys.integer(0),
                    detail::accountOfKey(keys.integer(0)), keys.integer(1)));
  }
  BOOST_OUTCOME_TRY(
      days,
      m_connection->prepare(
          "SELECT coalesce(d.account_id, e.account_id), coalesce(d.day, e.day), coalesce(d.entries, 0), "
          "coalesce(e.entries, 0) FROM account_days d FULL JOIN (SELECT (id >> 20) & 4095 AS account_id, "
          "id >> 32 AS day, count(*) AS entries FROM entries GROUP BY 1, 2) e "
          "ON e.account_id = d.account_id AND e.day = d.day "
          "WHERE coalesce(d.entries, 0) != coalesce(e.entries, 0) LIMIT 10"));
  for (;;) {
    BOOST_OUTCOME_TRY(row, days.step());
    if (!row) {
      return boost::outcome_v2::success();
    }
    report.integrityProblems.push_back(
        fmt::format("account_days counts {} entries of account {} on day {}, the table holds {}",
                    days.integer(2), days.integer(0), days.integer(1), days.integer(3)));
  }
}

namespace {

/// Copies the main database of `from` into `to` with the online backup API.
Result<void> copyDatabase(sqlite3* from, sqlite3* to, std::string_view what) {
  sqlite3_backup* raw = sqlite3_backup_init(to, "main", from, "main");
  if (raw == nullptr) {
    return sqliteError(sqlite3_errcode(to), to, what);
  }
  std::unique_ptr<sqlite3_backup, int (*)(sqlite3_backup*)> backup(raw, sqlite3_backup_finish);
  for (int attempt = 0;; ++attempt) {
    const int rc = sqlite3_backup_step(backup.get(), -1);
    if (rc == SQLITE_DONE) {
      break;
    }
    if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && attempt < 200) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      continue;
    }
    return sqliteError(rc, to, what);
  }
  const int rc = sqlite3_backup_finish(backup.release());
  if (rc != SQLITE_OK) {
    return sqliteError(rc, to, what);
  }
  return boost::outcome_v2::success();
}

void removeWithSidecars(const fs::path& path) {
  std::error_code ignored;
  fs::remove(path, ignored);
  fs::remove(path.string() + "-wal", ignored);
  fs::remove(path.string() + "-shm", ignored);
  fs::remove(path.string() + "-journal", ignored);
}

/// stem-YYYYMMDD-HHMMSS-NN.platnik: only files named so by backupDated are ever removed.
bool isDatedBackupName(std::string_view name, std::string_view stem) {
  static constexpr std::string_view kPattern = "-dddddddd-dddddd-dd.platnik";
  if (name.size() != stem.size() + kPattern.size() || !name.starts_with(stem)) {
    return false;
  }
  const auto rest = name.substr(stem.size());
  for (std::size_t i = 0; i < kPattern.size(); ++i) {
    const bool ok =
        kPattern[i] == 'd' ? std::isdigit(static_cast<unsigned char>(rest[i])) != 0 : rest[i] == kPattern[i];
    if (!ok) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<void> Database::backup(const fs::path& destination) {
  const fs::path part = destination.string() + ".part";
  removeWithSidecars(part);
  {
    BOOST_OUTCOME_TRY(target, Connection::open(part, Connection::Mode::ReadWriteCreate));
    auto copied = copyDatabase(m_connection->handle(), target.handle(), "backup to " + destination.string());
    if (!copied) {
      removeWithSidecars(part);
      return copied;
    }
  }
  {
    auto copy = Database::open(part, Access::ReadWrite);
    if (!copy) {
      removeWithSidecars(part);
      return boost::outcome_v2::failure(copy.error());
    }
    auto report = copy.value().check();
    if (!report || !report.value().ok()) {
      removeWithSidecars(part);
      return fail(Errc::Database,
                  "the backup copy did not pass its check: " +
                      (report ? report.value().describe() : report.error().describe()),
                  destination.string());
    }
    // Closing the copy checkpoints it and removes its -wal and -shm.
  }
  std::error_code error;
  fs::rename(part, destination, error);
  if (error) {
    removeWithSidecars(part);
    return fail(Errc::Io, "cannot put the backup in place: " + error.message(), destination.string());
  }
  BOOST_OUTCOME_TRYV(auditLog().append("backup", destination.string(), "verified copy written"));
  return boost::outcome_v2::success();
}

Result<fs::path> Database::backupDated(const fs::path& folder, int keep) {
  if (keep < 1) {
    return fail(Errc::InvalidArgument, "at least one backup must be kept");
  }
  std::error_code error;
  fs::create_directories(folder, error);
  if (error) {
    return fail(Errc::Io, "cannot create the backup folder: " + error.message(), folder.string());
  }
  const std::string stem = path().stem().string();
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  const std::string stamp = fmt::format("{:%Y%m%d-%H%M%S}", fmt::gmtime(now));
  // Numbered after any backup of the same second, so names always sort oldest first.
  const std::string prefix = fmt::format("{}-{}-", stem, stamp);
  int sequence = 0;
  for (const auto& item : fs::directory_iterator(folder, error)) {
    const std::string name = item.path().filename().string();
    if (isDatedBackupName(name, stem) && name.starts_with(prefix)) {
      sequence = std::max(sequence, std::stoi(name.substr(prefix.size(), 2)) + 1);
    }
  }
  if (sequence > 99) {
    return fail(Errc::Io, "too many backups within one second", folder.string());
  }
  const fs::path target = folder / fmt::format("{}{:02}.platnik", prefix, sequence);
  BOOST_OUTCOME_TRYV(backup(target));
  std::vector<fs::path> dated;
  for (const auto& item : fs::directory_iterator(folder, error)) {
    const std::string name = item.path().filename().string();
    if (isDatedBackupName(name, stem)) {
      dated.push_back(item.path());
    }
  }
  std::sort(dated.begin(), dated.end());
  for (std::size_t i = 0; i + static_cast<std::size_t>(keep) < dated.size(); ++i) {
    removeWithSidecars(dated[i]);
  }
  return target;
}

Result<void> Database::restore(const fs::path& source) {
  {
    BOOST_OUTCOME_TRY(backupDb, Database::open(source, Access::ReadOnly));
    BOOST_OUTCOME_TRY(report, backupDb.check());
    if (!report.ok()) {
      return fail(Errc::Database,
                  "the backup does not pass its check; nothing was restored:\n" + report.describe(),
                  source.string());
    }
    BOOST_OUTCOME_TRYV(copyDatabase(backupDb.connection().handle(), m_connection->handle(),
                                    "restoring from " + source.string()));
  }
  BOOST_OUTCOME_TRY(version, pragmaInteger(*m_connection, "user_version"));
  m_schemaVersion = static_cast<int>(version);
  BOOST_OUTCOME_TRYV(auditLog().append("restore", source.string(), "database replaced by the backup"));
  return boost::outcome_v2::success();
}

Banks Database::banks() {
  return Banks(*m_connection);
}
Accounts Database::accounts() {
  return Accounts(*m_connection);
}
Contacts Database::contacts() {
  return Contacts(*m_connection);
}
Orders Database::orders() {
  return Orders(*m_connection);
}
Entries Database::entries() {
  return Entries(*m_connection);
}
Balances Database::balances() {
  return Balances(*m_connection);
}
Settings Database::settings() {
  return Settings(*m_connection);
}
AuditLog Database::auditLog() {
  return AuditLog(*m_connection);
}

}  // namespace platnik::storage
