#pragma once

#include "gui/Workspace.h"

#include <filesystem>

class wxString;
class wxWindow;

namespace platnik::gui {

/// The File menu's database commands: each asks (through gui::modalAnswers(), so tests can
/// answer) what it needs, does the work
/// with services/DatabaseFiles.h and tells the user how it went. After a switch or a restore
/// the workspace announces Change::Database, so every page refreshes.
class DatabaseActions {
 public:
  DatabaseActions(wxWindow* parent, Workspace& workspace) : m_parent(parent), m_workspace(workspace) {}

  /// File > New database…: a new, empty company database; the window switches to it.
  void newDatabase();
  /// File > Open database…: another company's database; a file that is not a Platnik
  /// database is refused and the current one stays open. Remembered for the next start.
  void openDatabase();
  /// File > Back up…: a copy, checked, to a file the user names.
  void backUp();
  /// File > Restore…: after confirmation, the open database's content is replaced by a backup.
  void restore();
  /// File > Check database: integrity and the audit chain; tells "in order" or each problem.
  void check();
  /// The dated backup when the window closes (if the company wants them); a failure is told.
  void automaticBackup();

  /// Where backups go: the user's backup folder, else "backups" next to the database.
  [[nodiscard]] std::filesystem::path backupFolder() const;

 private:
  void switchTo(storage::Database database);
  void problem(const wxString& lead, const banking::Error& error);
  void tell(const wxString& message);

  wxWindow* m_parent;
  Workspace& m_workspace;
};

}  // namespace platnik::gui
