#pragma once

#include "banking/Error.h"
#include "gui/UserSettings.h"
#include "gui/Workspace.h"
#include "services/DatabaseFiles.h"

#include <wx/dialog.h>

#include <string>
#include <vector>

class wxCheckBox;
class wxChoice;
class wxDirPickerCtrl;
class wxSpinCtrl;
class wxTextCtrl;

namespace platnik::gui {

/// What File > Settings shows and the user may change: the company's settings (kept in its
/// database), this user's (wxConfig) and the window's language.
struct SettingsAnswers {
  services::CompanySettings company;
  UserSettings user;
  std::string language;  ///< a gui::languages() code

  /// The settings now in force for this workspace.
  static banking::Result<SettingsAnswers> current(Workspace& workspace);
};

/// Stores the answers: the company's into its database (audit-logged), the user's into
/// wxConfig, and the module into the workspace. The language is the caller's to apply (the
/// window is rebuilt for it). A company setting that cannot be stored changes nothing.
banking::Result<void> saveSettings(Workspace& workspace, const SettingsAnswers& answers);

/// The settings dialog: it only collects answers (answers()); saveSettings acts on them.
class SettingsDialog : public wxDialog {
 public:
  SettingsDialog(wxWindow* parent, const SettingsAnswers& current);

  [[nodiscard]] SettingsAnswers answers() const;

  /// Lists the PKCS#11 modules p11-kit offers in the module choice ("Detect").
  void detectModules();

  [[nodiscard]] wxTextCtrl* modulePath() const { return m_modulePath; }
  [[nodiscard]] wxChoice* detectedModules() const { return m_detected; }
  [[nodiscard]] wxCheckBox* automaticBackups() const { return m_automatic; }
  [[nodiscard]] wxSpinCtrl* backupsKept() const { return m_kept; }
  [[nodiscard]] wxDirPickerCtrl* dataFolder() const { return m_dataFolder; }
  [[nodiscard]] wxDirPickerCtrl* backupFolder() const { return m_backupFolder; }
  [[nodiscard]] wxChoice* language() const { return m_language; }

 private:
  SettingsAnswers m_initial;
  std::vector<std::string> m_detectedPaths;
  wxTextCtrl* m_modulePath = nullptr;
  wxChoice* m_detected = nullptr;
  wxCheckBox* m_automatic = nullptr;
  wxSpinCtrl* m_kept = nullptr;
  wxDirPickerCtrl* m_dataFolder = nullptr;
  wxDirPickerCtrl* m_backupFolder = nullptr;
  wxChoice* m_language = nullptr;
};

}  // namespace platnik::gui
