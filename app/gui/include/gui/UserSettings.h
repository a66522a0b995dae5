#pragma once

#include <filesystem>

namespace platnik::gui {

/// The settings of this user on this computer (wxConfig: ~/.config/platnik), as opposed to the
/// company's, which live in its database (services::CompanySettings). The language is one of
/// them too (gui/Language.h keeps it).
struct UserSettings {
  /// Where new company databases are proposed; empty: storage::Database::defaultPath()'s folder.
  std::filesystem::path dataFolder;
  /// Where backups go; empty: "backups" next to the open database (services::defaultBackupFolder).
  std::filesystem::path backupFolder;
  /// The database opened last through File > Open or New; opened at the next start.
  std::filesystem::path lastDatabase;

  static UserSettings read();
  void write() const;
  /// dataFolder, or the default one.
  [[nodiscard]] std::filesystem::path dataFolderOrDefault() const;
};

/// The notebook page selected when the window last closed (0 when none was remembered).
int rememberedPage();
void rememberPage(int page);

}  // namespace platnik::gui
