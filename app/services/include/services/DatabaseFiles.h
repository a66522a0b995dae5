#pragma once

#include "banking/Error.h"
#include "storage/Database.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace platnik::services {

/// The company's database files as the desktop window handles them (File menu): open another
/// one, start a new one, back up, restore, check, and the automatic dated backups.

/// Opens an existing company database the user chose. A file that is not a Platnik database
/// (or is missing) is refused with the reason and left unchanged.
banking::Result<storage::Database> openCompanyDatabase(const std::filesystem::path& path);
/// Creates a new, empty company database; refuses a path where a file already exists (open
/// that one instead) so that nothing is overwritten or silently reused.
banking::Result<storage::Database> newCompanyDatabase(const std::filesystem::path& path);

/// What Database::check found, one line per problem; empty when all is well.
std::vector<std::string> checkProblems(const storage::CheckReport& report);

/// The company's own settings, kept in its database (they travel with it in a backup).
struct CompanySettings {
  std::string modulePath;                 ///< PKCS#11 module of the company's token; empty: p11-kit's
  bool automaticBackups = true;           ///< a dated backup each time the window closes
  int backupsKept = kDefaultBackupsKept;  ///< how many dated backups to keep
  static constexpr int kDefaultBackupsKept = 10;
  static constexpr int kMaxBackupsKept = 1000;
};
/// The settings keys in the database's settings table.
inline constexpr const char* kModulePathSetting = "pkcs11.module";
inline constexpr const char* kAutomaticBackupsSetting = "backup.automatic";
inline constexpr const char* kBackupsKeptSetting = "backup.keep";

/// Reads them (defaults for what was never set; a stored value that cannot be read is a
/// Database error naming the key).
banking::Result<CompanySettings> readCompanySettings(storage::Database& database);
/// Writes them (each value that changed lands in the audit log). backupsKept outside
/// 1…kMaxBackupsKept is InvalidArgument.
banking::Result<void> writeCompanySettings(storage::Database& database, const CompanySettings& settings);

/// Where dated backups go when the user has not chosen a folder: "backups" next to the database.
std::filesystem::path defaultBackupFolder(const storage::Database& database);
/// The dated backup made when the window closes: none (nullopt) when the company turned them
/// off; otherwise one in `folder` (created when missing), keeping the newest backupsKept.
banking::Result<std::optional<std::filesystem::path>> automaticBackup(storage::Database& database,
                                                                      const std::filesystem::path& folder);

}  // namespace platnik::services
