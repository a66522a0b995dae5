#include "gui/StatementChoiceDialog.h"

#include "gui/Display.h"
#include "gui/ModalAnswers.h"
#include "gui/Printing.h"
#include "services/StatementExport.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace platnik::gui {
namespace {

wxString accountLabel(const storage::StoredAccount& account) {
  const wxString number = fromUtf8(account.number);
  return account.displayName.empty() ? number : fromUtf8(account.displayName) + " (" + number + ")";
}

std::optional<banking::Statement> askForStatement(wxWindow* parent, Workspace& workspace,
                                                  const wxString& title) {
  StatementChoiceDialog dialog(parent, workspace, title);
  if (modalAnswers().showModal(dialog) != wxID_OK) {
    return std::nullopt;
  }
  return dialog.chosen();
}

}  // namespace

StatementChoiceDialog::StatementChoiceDialog(wxWindow* parent, Workspace& workspace, const wxString& title)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxSize(480, 420),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_workspace(workspace) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(new wxStaticText(this, wxID_ANY, _("Account")),
             wxSizerFlags().Border(wxLEFT | wxTOP | wxRIGHT, 8));
  m_accounts = new wxChoice(this, wxID_ANY);
  sizer->Add(m_accounts, wxSizerFlags().Expand().Border(wxALL, 8));
  sizer->Add(new wxStaticText(this, wxID_ANY, _("Statement")), wxSizerFlags().Border(wxLEFT | wxRIGHT, 8));
  m_statements = new wxListBox(this, wxID_ANY);
  sizer->Add(m_statements, wxSizerFlags(1).Expand().Border(wxALL, 8));
  sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Expand().Border(wxALL, 8));
  SetSizer(sizer);

  if (auto overview = services::accountOverview(workspace.database())) {
    for (const auto& bank : overview.value().banks) {
      for (const auto& each : bank.accounts) {
        m_accountList.push_back(each.account);
        m_accounts->Append(accountLabel(each.account));
      }
    }
  }
  m_accounts->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { chooseAccount(m_accounts->GetSelection()); });
  // Through finishDialog, so the answer is kept also when a test drives the dialog unshown
  // (wxDialog's own OK handler only hides a dialog that is not modal, without a return code).
  Bind(
      wxEVT_BUTTON, [this](wxCommandEvent&) { finishDialog(*this, wxID_OK); }, wxID_OK);
  Bind(
      wxEVT_BUTTON, [this](wxCommandEvent&) { finishDialog(*this, wxID_CANCEL); }, wxID_CANCEL);
  m_statements->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { updateOk(); });
  m_statements->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { finishDialog(*this, wxID_OK); });
  if (!m_accountList.empty()) {
    m_accounts->SetSelection(0);
    chooseAccount(0);
  }
  updateOk();
}

void StatementChoiceDialog::updateOk() {
  // OK only with a statement chosen.
  if (auto* ok = FindWindow(wxID_OK)) {
    ok->Enable(m_statements->GetSelection() != wxNOT_FOUND);
  }
}

void StatementChoiceDialog::chooseAccount(int index) {
  m_statements->Clear();
  m_loaded.clear();
  updateOk();
  if (index < 0 || index >= static_cast<int>(m_accountList.size())) {
    return;
  }
  m_accounts->SetSelection(index);
  auto loaded =
      services::loadStatements(m_workspace.database(), m_accountList[static_cast<std::size_t>(index)].number,
                               std::nullopt, std::nullopt);
  if (!loaded) {
    modalAnswers().tell(this, fromUtf8(loaded.error().describe()), GetTitle(), true);
    return;
  }
  // Newest first.
  m_loaded.assign(loaded.value().rbegin(), loaded.value().rend());
  for (const auto& statement : m_loaded) {
    const auto& info = statement.info;
    m_statements->Append(wxString::Format(_("No. %s of %s (%zu entries)"), fromUtf8(info.number),
                                          info.date ? displayDate(*info.date) : wxString("-"),
                                          statement.entries.size()));
  }
  if (!m_loaded.empty()) {
    m_statements->SetSelection(0);
  }
  updateOk();
}

std::optional<banking::Statement> StatementChoiceDialog::chosen() const {
  const int selected = m_statements->GetSelection();
  if (selected == wxNOT_FOUND || selected >= static_cast<int>(m_loaded.size())) {
    return std::nullopt;
  }
  return m_loaded[static_cast<std::size_t>(selected)];
}

void chooseAndPrintStatement(wxWindow* parent, Workspace& workspace) {
  if (const auto statement = askForStatement(parent, workspace, _("Print statement"))) {
    printStatement(parent, workspace, *statement);
  }
}

void chooseAndSaveStatementPdf(wxWindow* parent, Workspace& workspace) {
  if (const auto statement = askForStatement(parent, workspace, _("Statement as PDF"))) {
    saveStatementAsPdf(parent, workspace, *statement);
  }
}

}  // namespace platnik::gui
