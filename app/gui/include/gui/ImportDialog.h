#pragma once

#include "banking/Error.h"
#include "gui/Workspace.h"
#include "services/StatementFiles.h"
#include "storage/StatementImport.h"

#include <wx/dialog.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <thread>
#include <vector>

class wxButton;
class wxGauge;
class wxListCtrl;
class wxStaticText;

namespace platnik::gui {

/// File > Import statements: the chosen files previewed (format, statements, problems), then
/// imported with a report per file of what was new and what was already there. Reading and
/// importing run on a worker thread with its own database connection; the gauge shows how far
/// it is and Cancel stops it (the file being imported then leaves nothing behind: each file is
/// imported in one transaction). Modeless; destroys itself when closed.
class StatementImportDialog : public wxDialog {
 public:
  StatementImportDialog(wxWindow* parent, Workspace& workspace, std::vector<std::filesystem::path> files);
  ~StatementImportDialog() override;
  StatementImportDialog(const StatementImportDialog&) = delete;
  StatementImportDialog& operator=(const StatementImportDialog&) = delete;

  /// The window's name, to find it (wxWindow::FindWindowByName).
  static constexpr const char* kName = "statementImport";

  /// What is known about one chosen file.
  struct FileState {
    std::filesystem::path path;
    std::optional<services::StatementFilePreview> preview;
    std::optional<banking::Error> problem;  ///< could not be read: not imported
    std::optional<storage::ImportReport> report;
    std::optional<banking::Error> importProblem;
  };

  [[nodiscard]] const std::vector<FileState>& files() const { return m_files; }
  /// True while the worker reads or imports.
  [[nodiscard]] bool busy() const { return m_busy; }
  [[nodiscard]] wxListCtrl* list() const { return m_list; }
  [[nodiscard]] wxButton* importButton() const { return m_import; }
  [[nodiscard]] wxButton* cancelButton() const { return m_cancel; }
  [[nodiscard]] wxGauge* gauge() const { return m_gauge; }
  /// The last line of the report ("2 files imported: …").
  [[nodiscard]] wxString summary() const;

  /// Imports every file that read well (the Import button).
  void startImport();
  /// Stops the running preview or import (the Cancel button).
  void cancel();

 private:
  void startPreview();
  /// Runs `work` on the worker thread, after any previous work has finished.
  void runWorker(std::function<void()> work);
  /// Called from the worker: shows progress through `file` (0-based) on the GUI thread.
  void reportProgress(std::size_t file, std::uintmax_t done, std::uintmax_t total);
  void finishWork();
  void fillList();
  void updateButtons();

  Workspace& m_workspace;
  std::filesystem::path m_databasePath;
  std::vector<FileState> m_files;
  wxListCtrl* m_list = nullptr;
  wxGauge* m_gauge = nullptr;
  wxStaticText* m_status = nullptr;
  wxButton* m_import = nullptr;
  wxButton* m_cancel = nullptr;
  wxButton* m_close = nullptr;
  std::thread m_worker;
  std::atomic<bool> m_cancelled = false;
  bool m_busy = false;
  bool m_imported = false;
  int m_lastPercent = -1;
};

/// How File > Import statements asks for files: a wxFileDialog (several files) unless
/// replaced (tests give the files directly). An empty answer means the user cancelled.
using StatementFileChooser = std::function<std::vector<std::filesystem::path>(wxWindow* parent)>;
/// Replaces the chooser; an empty function restores the file dialog.
void setStatementFileChooser(StatementFileChooser chooser);

/// Asks for statement files and opens the import dialog on them (File > Import statements).
void importStatementFiles(wxWindow* parent, Workspace& workspace);

}  // namespace platnik::gui
