#include "gui/ExportDialog.h"

#include "gui/Display.h"
#include "gui/ModalAnswers.h"
#include "services/AccountOverview.h"

#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <chrono>

namespace platnik::gui {
namespace {

// The order of the format choice.
constexpr services::StatementExportFormat kFormats[] = {services::StatementExportFormat::HalcomTxt,
                                                        services::StatementExportFormat::Csv,
                                                        services::StatementExportFormat::Camt053};

std::optional<banking::Date> pickedDate(const wxDatePickerCtrl* picker) {
  const wxDateTime value = picker->GetValue();
  if (!value.IsValid()) {
    return std::nullopt;
  }
  const auto date = banking::makeDate(value.GetYear(), static_cast<unsigned>(value.GetMonth()) + 1,
                                      static_cast<unsigned>(value.GetDay()));
  return date ? std::optional(date.value()) : std::nullopt;
}

}  // namespace

StatementExportDialog::StatementExportDialog(wxWindow* parent, Workspace& workspace)
    : wxDialog(parent, wxID_ANY, _("Export statements"), wxDefaultPosition, wxSize(480, 520),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(new wxStaticText(this, wxID_ANY, _("Accounts")),
             wxSizerFlags().Border(wxLEFT | wxTOP | wxRIGHT, 8));
  m_accounts = new wxCheckListBox(this, wxID_ANY);
  if (auto overview = services::accountOverview(workspace.database())) {
    for (const auto& bank : overview.value().banks) {
      for (const auto& each : bank.accounts) {
        m_accountNumbers.push_back(each.account.number);
        m_accounts->Append(fromUtf8(each.account.number) + (each.account.displayName.empty()
                                                                ? wxString()
                                                                : "  " + fromUtf8(each.account.displayName)));
      }
    }
  }
  sizer->Add(m_accounts, wxSizerFlags(1).Expand().Border(wxALL, 8));

  auto* grid = new wxFlexGridSizer(2, wxSize(8, 6));
  m_from = new wxDatePickerCtrl(this, wxID_ANY, wxInvalidDateTime, wxDefaultPosition, wxDefaultSize,
                                wxDP_DROPDOWN | wxDP_ALLOWNONE | wxDP_SHOWCENTURY);
  m_to = new wxDatePickerCtrl(this, wxID_ANY, wxInvalidDateTime, wxDefaultPosition, wxDefaultSize,
                              wxDP_DROPDOWN | wxDP_ALLOWNONE | wxDP_SHOWCENTURY);
  // Empty means no limit. The generic picker (GTK) starts at today whatever date it is given,
  // so it is emptied explicitly.
  m_from->SetValue(wxInvalidDateTime);
  m_to->SetValue(wxInvalidDateTime);
  grid->Add(new wxStaticText(this, wxID_ANY, _("Statements from")), wxSizerFlags().CenterVertical());
  grid->Add(m_from);
  grid->Add(new wxStaticText(this, wxID_ANY, _("to")), wxSizerFlags().CenterVertical());
  grid->Add(m_to);
  m_format = new wxChoice(this, wxID_ANY);
  m_format->Append(_("Halcom TXT (for the accounting program)"));
  m_format->Append(_("CSV"));
  m_format->Append(_("camt.053 (ISO 20022)"));
  m_format->SetSelection(0);
  grid->Add(new wxStaticText(this, wxID_ANY, _("Format")), wxSizerFlags().CenterVertical());
  grid->Add(m_format);
  m_csvStyle = new wxChoice(this, wxID_ANY);
  m_csvStyle->Append(_("Serbian (1.234,56 and 31.12.2024, separated by ;)"));
  m_csvStyle->Append(_("Machine (1234.56 and 2024-12-31, separated by ,)"));
  m_csvStyle->SetSelection(0);
  grid->Add(new wxStaticText(this, wxID_ANY, _("CSV numbers")), wxSizerFlags().CenterVertical());
  grid->Add(m_csvStyle);
  m_bom = new wxCheckBox(this, wxID_ANY, _("Byte order mark (for spreadsheet programs)"));
  grid->AddSpacer(0);
  grid->Add(m_bom);
  sizer->Add(grid, wxSizerFlags().Border(wxALL, 8));
  sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Expand().Border(wxALL, 8));
  SetSizer(sizer);
  m_format->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { updateCsvOptions(); });
  // Through finishDialog, so the answer is kept also when a test drives the dialog unshown
  // (wxDialog's own OK handler only hides a dialog that is not modal, without a return code).
  Bind(
      wxEVT_BUTTON, [this](wxCommandEvent&) { finishDialog(*this, wxID_OK); }, wxID_OK);
  Bind(
      wxEVT_BUTTON, [this](wxCommandEvent&) { finishDialog(*this, wxID_CANCEL); }, wxID_CANCEL);
  updateCsvOptions();
}

void StatementExportDialog::updateCsvOptions() {
  const bool csv = kFormats[m_format->GetSelection()] == services::StatementExportFormat::Csv;
  m_csvStyle->Enable(csv);
  m_bom->Enable(csv);
}

services::StatementExportRequest StatementExportDialog::request() const {
  services::StatementExportRequest request;
  for (unsigned i = 0; i < m_accounts->GetCount(); ++i) {
    if (m_accounts->IsChecked(i)) {
      request.accounts.push_back(m_accountNumbers[i]);
    }
  }
  request.from = pickedDate(m_from);
  request.to = pickedDate(m_to);
  request.format = kFormats[m_format->GetSelection()];
  request.csv.style = m_csvStyle->GetSelection() == 1 ? banking::formats::CsvStyle::Machine
                                                      : banking::formats::CsvStyle::Serbian;
  request.csv.byteOrderMark = m_bom->GetValue();
  return request;
}

wxString StatementExportDialog::suggestedFileName() const {
  switch (kFormats[m_format->GetSelection()]) {
    case services::StatementExportFormat::HalcomTxt:
      return "izvodi.txt";
    case services::StatementExportFormat::Csv:
      return "izvodi.csv";
    case services::StatementExportFormat::Camt053:
      return "izvodi.xml";
  }
  return "izvodi";
}

void exportStatementFiles(wxWindow* parent, Workspace& workspace) {
  StatementExportDialog dialog(parent, workspace);
  if (modalAnswers().showModal(dialog) != wxID_OK) {
    return;
  }
  auto request = dialog.request();
  if (request.accounts.empty()) {
    modalAnswers().tell(parent, _("Choose at least one account."), _("Export statements"), true);
    return;
  }
  const wxString path =
      modalAnswers().fileToSave(parent, _("Export statements"), dialog.suggestedFileName(), _("All files|*"));
  if (path.empty()) {
    return;
  }
  request.path = std::filesystem::path(path.utf8_string());
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const auto report = services::exportStatements(workspace.database(), request, now);
  if (!report) {
    modalAnswers().tell(parent, fromUtf8(report.error().describe()), _("Export statements"), true);
    return;
  }
  wxString files;
  for (const auto& file : report.value().files) {
    files += "\n" + fromUtf8(file.string());
  }
  modalAnswers().tell(
      parent,
      wxString::Format(_("%d statements with %lld entries written to:"), report.value().statements,
                       static_cast<long long>(report.value().entries)) +
          files,
      _("Export statements"), false);
}

}  // namespace platnik::gui
