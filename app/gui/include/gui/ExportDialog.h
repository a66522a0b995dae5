#pragma once

#include "gui/Workspace.h"
#include "services/StatementExportJob.h"

#include <wx/dialog.h>

#include <vector>

class wxCheckBox;
class wxCheckListBox;
class wxChoice;
class wxDatePickerCtrl;

namespace platnik::gui {

/// File > Export statements: which accounts, which period (either end may stay open), and the
/// format: Halcom TXT for the accounting program, CSV (Serbian or machine number style, with
/// or without a byte order mark) or camt.053.
class StatementExportDialog : public wxDialog {
 public:
  StatementExportDialog(wxWindow* parent, Workspace& workspace);

  [[nodiscard]] wxCheckListBox* accountList() const { return m_accounts; }
  [[nodiscard]] wxChoice* formatChoice() const { return m_format; }
  [[nodiscard]] wxChoice* csvStyleChoice() const { return m_csvStyle; }
  [[nodiscard]] wxCheckBox* byteOrderMark() const { return m_bom; }
  [[nodiscard]] wxDatePickerCtrl* fromPicker() const { return m_from; }
  [[nodiscard]] wxDatePickerCtrl* toPicker() const { return m_to; }

  /// The answers as an export request (without the file, asked for afterwards).
  [[nodiscard]] services::StatementExportRequest request() const;
  /// The file name to suggest for the chosen format.
  [[nodiscard]] wxString suggestedFileName() const;

 private:
  void updateCsvOptions();

  std::vector<std::string> m_accountNumbers;
  wxCheckListBox* m_accounts = nullptr;
  wxDatePickerCtrl* m_from = nullptr;
  wxDatePickerCtrl* m_to = nullptr;
  wxChoice* m_format = nullptr;
  wxChoice* m_csvStyle = nullptr;
  wxCheckBox* m_bom = nullptr;
};

/// Asks (through modalAnswers) what to export and where, writes it, and tells what was written.
void exportStatementFiles(wxWindow* parent, Workspace& workspace);

}  // namespace platnik::gui
