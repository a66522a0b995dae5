#include "gui/UserSettings.h"

#include "storage/Database.h"

#include <wx/config.h>

namespace platnik::gui {
namespace {

constexpr const char* kDataFolderKey = "/Folders/Data";
constexpr const char* kBackupFolderKey = "/Folders/Backups";
constexpr const char* kLastDatabaseKey = "/Database/Last";
constexpr const char* kPageKey = "/Window/Page";

std::filesystem::path readPath(const char* key) {
  wxString value;
  wxConfigBase::Get()->Read(key, &value);
  return std::filesystem::path(value.utf8_string());
}

void writePath(const char* key, const std::filesystem::path& path) {
  wxConfigBase::Get()->Write(key, wxString::FromUTF8(path.string()));
}

}  // namespace

UserSettings UserSettings::read() {
  UserSettings settings;
  settings.dataFolder = readPath(kDataFolderKey);
  settings.backupFolder = readPath(kBackupFolderKey);
  settings.lastDatabase = readPath(kLastDatabaseKey);
  return settings;
}

void UserSettings::write() const {
  writePath(kDataFolderKey, dataFolder);
  writePath(kBackupFolderKey, backupFolder);
  writePath(kLastDatabaseKey, lastDatabase);
  wxConfigBase::Get()->Flush();
}

std::filesystem::path UserSettings::dataFolderOrDefault() const {
  return dataFolder.empty() ? storage::Database::defaultPath().parent_path() : dataFolder;
}

int rememberedPage() {
  return static_cast<int>(wxConfigBase::Get()->ReadLong(kPageKey, 0));
}

void rememberPage(int page) {
  wxConfigBase::Get()->Write(kPageKey, static_cast<long>(page));
  wxConfigBase::Get()->Flush();
}

}  // namespace platnik::gui
