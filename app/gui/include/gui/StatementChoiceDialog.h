#pragma once

#include "banking/Statement.h"
#include "gui/Workspace.h"
#include "services/AccountOverview.h"

#include <wx/dialog.h>

#include <optional>
#include <vector>

class wxChoice;
class wxListBox;

namespace platnik::gui {

/// Asks which statement to print or save as PDF: an account of the company, then one of
/// its imported statements (newest first).
class StatementChoiceDialog : public wxDialog {
 public:
  StatementChoiceDialog(wxWindow* parent, Workspace& workspace, const wxString& title);

  [[nodiscard]] wxChoice* accountChoice() const { return m_accounts; }
  [[nodiscard]] wxListBox* statementList() const { return m_statements; }
  /// Shows the statements of the account at `index` of the account choice.
  void chooseAccount(int index);
  /// The statement chosen in the list, with its entries.
  [[nodiscard]] std::optional<banking::Statement> chosen() const;

 private:
  void updateOk();

  Workspace& m_workspace;
  std::vector<storage::StoredAccount> m_accountList;
  std::vector<banking::Statement> m_loaded;
  wxChoice* m_accounts = nullptr;
  wxListBox* m_statements = nullptr;
};

/// File > Print statement: asks for the statement (through modalAnswers) and prints it.
void chooseAndPrintStatement(wxWindow* parent, Workspace& workspace);
/// File > Statement as PDF: asks for the statement and the file, and writes the PDF.
void chooseAndSaveStatementPdf(wxWindow* parent, Workspace& workspace);

}  // namespace platnik::gui
