#include "services/DatabaseFiles.h"

#include "storage/Settings.h"

#include <fmt/format.h>

#include <charconv>
#include <system_error>

namespace platnik::services {

using banking::Errc;
using banking::fail;
using banking::Result;

Result<storage::Database> openCompanyDatabase(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return fail(Errc::NotFound, "there is no such file", path.string());
  }
  return storage::Database::open(path);
}

Result<storage::Database> newCompanyDatabase(const std::filesystem::path& path) {
  std::error_code error;
  if (std::filesystem::exists(path, error)) {
    return fail(Errc::Io, "a file of that name already exists; open it, or choose another name",
                path.string());
  }
  if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), error);
    if (error) {
      return fail(Errc::Io, fmt::format("cannot create the folder: {}", error.message()),
                  path.parent_path().string());
    }
  }
  return storage::Database::create(path);
}

std::vector<std::string> checkProblems(const storage::CheckReport& report) {
  std::vector<std::string> lines = report.integrityProblems;
  for (const auto& problem : report.audit.problems) {
    lines.push_back(fmt::format("audit log row {}: {}", problem.rowId, problem.what));
  }
  return lines;
}

namespace {

Result<std::optional<std::string>> setting(storage::Database& database, const char* key) {
  return database.settings().get(key);
}

}  // namespace

Result<CompanySettings> readCompanySettings(storage::Database& database) {
  CompanySettings settings;
  BOOST_OUTCOME_TRY(module, setting(database, kModulePathSetting));
  if (module) {
    settings.modulePath = *module;
  }
  BOOST_OUTCOME_TRY(automatic, setting(database, kAutomaticBackupsSetting));
  if (automatic) {
    if (*automatic != "on" && *automatic != "off") {
      return fail(Errc::Database, fmt::format("\"{}\" is neither on nor off", *automatic),
                  kAutomaticBackupsSetting);
    }
    settings.automaticBackups = *automatic == "on";
  }
  BOOST_OUTCOME_TRY(keep, setting(database, kBackupsKeptSetting));
  if (keep) {
    int value = 0;
    const auto [end, error] = std::from_chars(keep->data(), keep->data() + keep->size(), value);
    if (error != std::errc{} || end != keep->data() + keep->size() || value < 1 ||
        value > CompanySettings::kMaxBackupsKept) {
      return fail(Errc::Database, fmt::format("\"{}\" is not a number of backups to keep", *keep),
                  kBackupsKeptSetting);
    }
    settings.backupsKept = value;
  }
  return settings;
}

Result<void> writeCompanySettings(storage::Database& database, const CompanySettings& settings) {
  if (settings.backupsKept < 1 || settings.backupsKept > CompanySettings::kMaxBackupsKept) {
    return fail(Errc::InvalidArgument,
                fmt::format("keep between 1 and {} backups, not {}", CompanySettings::kMaxBackupsKept,
                            settings.backupsKept),
                "backups kept");
  }
  BOOST_OUTCOME_TRYV(database.settings().set(kModulePathSetting, settings.modulePath));
  BOOST_OUTCOME_TRYV(
      database.settings().set(kAutomaticBackupsSetting, settings.automaticBackups ? "on" : "off"));
  return database.settings().set(kBackupsKeptSetting, std::to_string(settings.backupsKept));
}

std::filesystem::path defaultBackupFolder(const storage::Database& database) {
  return database.path().parent_path() / "backups";
}

Result<std::optional<std::filesystem::path>> automaticBackup(storage::Database& database,
                                                             const std::filesystem::path& folder) {
  BOOST_OUTCOME_TRY(settings, readCompanySettings(database));
  if (!settings.automaticBackups) {
    return std::optional<std::filesystem::path>{};
  }
  BOOST_OUTCOME_TRY(path, database.backupDated(folder, settings.backupsKept));
  return std::optional<std::filesystem::path>(path);
}

}  // namespace platnik::services
