#include "gui/DatabaseActions.h"

#include "gui/Display.h"
#include "gui/ModalAnswers.h"
#include "gui/UserSettings.h"
#include "services/DatabaseFiles.h"

#include <wx/intl.h>

#include <optional>

namespace platnik::gui {
namespace {

wxString databaseFiles() {
  return _("Platnik databases (*.platnik)|*.platnik|All files|*");
}

wxString pathText(const std::filesystem::path& path) {
  return fromUtf8(path.string());
}

/// The file the user chose; nothing when they cancelled.
std::optional<std::filesystem::path> chosen(const wxString& file) {
  if (file.empty()) {
    return std::nullopt;
  }
  return std::filesystem::path(file.utf8_string());
}

}  // namespace

void DatabaseActions::problem(const wxString& lead, const banking::Error& error) {
  modalAnswers().tell(m_parent, lead + "\n\n" + fromUtf8(error.describe()), _("Platnik"), true);
}

void DatabaseActions::tell(const wxString& message) {
  modalAnswers().tell(m_parent, message, _("Platnik"), false);
}

void DatabaseActions::switchTo(storage::Database database) {
  auto user = UserSettings::read();
  user.lastDatabase = database.path();
  user.write();
  if (auto settings = services::readCompanySettings(database)) {
    m_workspace.setModulePath(settings.value().modulePath);
  }
  m_workspace.replaceDatabase(std::move(database));
}

void DatabaseActions::newDatabase() {
  const auto folder = UserSettings::read().dataFolderOrDefault();
  const auto path = chosen(modalAnswers().fileToSave(m_parent, _("New company database"),
                                                     pathText(folder / "company.platnik"), databaseFiles()));
  if (!path) {
    return;
  }
  auto database = services::newCompanyDatabase(*path);
  if (!database) {
    problem(_("The new database could not be made."), database.error());
    return;
  }
  switchTo(std::move(database).value());
}

void DatabaseActions::openDatabase() {
  const auto path =
      chosen(modalAnswers().fileToOpen(m_parent, _("Open a company database"), databaseFiles()));
  if (!path) {
    return;
  }
  auto database = services::openCompanyDatabase(*path);
  if (!database) {
    problem(_("This file cannot be opened as a company database; the current one stays open."),
            database.error());
    return;
  }
  switchTo(std::move(database).value());
}

void DatabaseActions::backUp() {
  const auto suggested = m_workspace.database().path().stem().string() + "-backup.platnik";
  const auto path = chosen(modalAnswers().fileToSave(m_parent, _("Back up the database"),
                                                     pathText(backupFolder() / suggested), databaseFiles()));
  if (!path) {
    return;
  }
  if (auto done = m_workspace.database().backup(*path); !done) {
    problem(_("The backup was not made."), done.error());
    return;
  }
  tell(wxString::Format(_("The database was backed up to %s."), pathText(*path)));
}

void DatabaseActions::restore() {
  const auto path = chosen(modalAnswers().fileToOpen(m_parent, _("Restore from a backup"), databaseFiles()));
  if (!path) {
    return;
  }
  if (!modalAnswers().confirm(m_parent,
                              wxString::Format(_("Replace everything in the open database by the backup %s? "
                                                 "What was entered since that backup is lost."),
                                               pathText(*path)),
                              _("Restore from a backup"))) {
    return;
  }
  if (auto done = m_workspace.database().restore(*path); !done) {
    problem(_("The backup was not restored; the database is as it was."), done.error());
    return;
  }
  if (auto settings = services::readCompanySettings(m_workspace.database())) {
    m_workspace.setModulePath(settings.value().modulePath);
  }
  m_workspace.changed(Workspace::Change::Database);
  tell(_("The backup was restored."));
}

void DatabaseActions::check() {
  auto report = m_workspace.database().check();
  if (!report) {
    problem(_("The database could not be checked."), report.error());
    return;
  }
  const auto problems = services::checkProblems(report.value());
  if (problems.empty()) {
    tell(wxString::Format(_("The database is in order: its integrity and the audit log's chain of %lld "
                            "entries were checked."),
                          static_cast<long long>(report.value().audit.rowsChecked)));
    return;
  }
  wxString text = _("The check found problems:");
  for (const auto& line : problems) {
    text += "\n" + fromUtf8(line);
  }
  modalAnswers().tell(m_parent, text, _("Platnik"), true);
}

void DatabaseActions::automaticBackup() {
  if (auto made = services::automaticBackup(m_workspace.database(), backupFolder()); !made) {
    problem(_("The automatic backup was not made."), made.error());
  }
}

std::filesystem::path DatabaseActions::backupFolder() const {
  const auto folder = UserSettings::read().backupFolder;
  return folder.empty() ? services::defaultBackupFolder(m_workspace.database()) : folder;
}

}  // namespace platnik::gui
