#include "gui/SettingsDialog.h"

#include "gui/Display.h"
#include "gui/Language.h"
#include "gui/ModalAnswers.h"
#include "services/TokenModules.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace platnik::gui {
namespace {

wxString pathText(const std::filesystem::path& path) {
  return fromUtf8(path.string());
}

std::filesystem::path pathOf(const wxDirPickerCtrl* picker) {
  return std::filesystem::path(picker->GetPath().utf8_string());
}

}  // namespace

banking::Result<SettingsAnswers> SettingsAnswers::current(Workspace& workspace) {
  BOOST_OUTCOME_TRY(company, services::readCompanySettings(workspace.database()));
  SettingsAnswers answers;
  answers.company = company;
  answers.user = UserSettings::read();
  answers.language = currentLanguage();
  return answers;
}

banking::Result<void> saveSettings(Workspace& workspace, const SettingsAnswers& answers) {
  BOOST_OUTCOME_TRYV(services::writeCompanySettings(workspace.database(), answers.company));
  answers.user.write();
  workspace.setModulePath(answers.company.modulePath);
  return boost::outcome_v2::success();
}

SettingsDialog::SettingsDialog(wxWindow* parent, const SettingsAnswers& current)
    : wxDialog(parent, wxID_ANY, _("Settings"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_initial(current) {
  auto* outer = new wxBoxSizer(wxVERTICAL);

  // The company's settings travel with its database (and its backups).
  auto* company = new wxStaticBoxSizer(wxVERTICAL, this, _("This company (kept in its database)"));
  auto* companyGrid = new wxFlexGridSizer(3, wxSize(8, 6));
  companyGrid->AddGrowableCol(1, 1);
  companyGrid->Add(new wxStaticText(company->GetStaticBox(), wxID_ANY, _("Token's PKCS#11 module:")),
                   wxSizerFlags().CenterVertical());
  m_modulePath = new wxTextCtrl(company->GetStaticBox(), wxID_ANY, fromUtf8(current.company.modulePath),
                                wxDefaultPosition, wxSize(360, -1));
  m_modulePath->SetHint(_("empty: the modules p11-kit knows"));
  companyGrid->Add(m_modulePath, wxSizerFlags(1).Expand().CenterVertical());
  auto* detect = new wxButton(company->GetStaticBox(), wxID_ANY, _("&Detect"));
  companyGrid->Add(detect, wxSizerFlags().CenterVertical());
  companyGrid->Add(new wxStaticText(company->GetStaticBox(), wxID_ANY, _("Modules found:")),
                   wxSizerFlags().CenterVertical());
  m_detected = new wxChoice(company->GetStaticBox(), wxID_ANY);
  m_detected->Disable();
  companyGrid->Add(m_detected, wxSizerFlags(1).Expand().CenterVertical());
  companyGrid->AddSpacer(0);
  m_automatic =
      new wxCheckBox(company->GetStaticBox(), wxID_ANY, _("&Back up automatically when Platnik closes"));
  m_automatic->SetValue(current.company.automaticBackups);
  companyGrid->AddSpacer(0);
  companyGrid->Add(m_automatic, wxSizerFlags().CenterVertical());
  companyGrid->AddSpacer(0);
  companyGrid->Add(new wxStaticText(company->GetStaticBox(), wxID_ANY, _("Automatic backups kept:")),
                   wxSizerFlags().CenterVertical());
  m_kept = new wxSpinCtrl(company->GetStaticBox(), wxID_ANY);
  m_kept->SetRange(1, services::CompanySettings::kMaxBackupsKept);
  m_kept->SetValue(current.company.backupsKept);
  companyGrid->Add(m_kept, wxSizerFlags().CenterVertical());
  companyGrid->AddSpacer(0);
  company->Add(companyGrid, wxSizerFlags(1).Expand().Border(wxALL, 6));
  outer->Add(company, wxSizerFlags().Expand().Border(wxALL, 10));

  // The user's settings stay on this computer.
  auto* user = new wxStaticBoxSizer(wxVERTICAL, this, _("You, on this computer"));
  auto* userGrid = new wxFlexGridSizer(2, wxSize(8, 6));
  userGrid->AddGrowableCol(1, 1);
  userGrid->Add(new wxStaticText(user->GetStaticBox(), wxID_ANY, _("Data folder (new databases):")),
                wxSizerFlags().CenterVertical());
  m_dataFolder = new wxDirPickerCtrl(user->GetStaticBox(), wxID_ANY,
                                     pathText(current.user.dataFolderOrDefault()), _("Data folder"),
                                     wxDefaultPosition, wxDefaultSize, wxDIRP_USE_TEXTCTRL | wxDIRP_SMALL);
  userGrid->Add(m_dataFolder, wxSizerFlags(1).Expand());
  userGrid->Add(new wxStaticText(user->GetStaticBox(), wxID_ANY, _("Backup folder:")),
                wxSizerFlags().CenterVertical());
  m_backupFolder = new wxDirPickerCtrl(user->GetStaticBox(), wxID_ANY, pathText(current.user.backupFolder),
                                       _("Backup folder"), wxDefaultPosition, wxDefaultSize,
                                       wxDIRP_USE_TEXTCTRL | wxDIRP_SMALL);
  m_backupFolder->GetTextCtrl()->SetHint(_("empty: \"backups\" next to the database"));
  userGrid->Add(m_backupFolder, wxSizerFlags(1).Expand());
  userGrid->Add(new wxStaticText(user->GetStaticBox(), wxID_ANY, _("Language:")),
                wxSizerFlags().CenterVertical());
  m_language = new wxChoice(user->GetStaticBox(), wxID_ANY);
  for (const auto& each : languages()) {
    m_language->Append(fromUtf8(each.name));
    if (each.code == current.language) {
      m_language->SetSelection(static_cast<int>(m_language->GetCount()) - 1);
    }
  }
  userGrid->Add(m_language, wxSizerFlags().CenterVertical());
  user->Add(userGrid, wxSizerFlags(1).Expand().Border(wxALL, 6));
  outer->Add(user, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 10));

  outer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Expand().Border(wxALL, 10));
  SetSizerAndFit(outer);

  detect->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { detectModules(); });
  m_detected->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    const int chosen = m_detected->GetSelection();
    if (chosen >= 0 && static_cast<std::size_t>(chosen) < m_detectedPaths.size()) {
      m_modulePath->ChangeValue(fromUtf8(m_detectedPaths[static_cast<std::size_t>(chosen)]));
    }
  });
  Bind(
      wxEVT_BUTTON, [this](wxCommandEvent&) { finishDialog(*this, wxID_OK); }, wxID_OK);
  Bind(
      wxEVT_BUTTON, [this](wxCommandEvent&) { finishDialog(*this, wxID_CANCEL); }, wxID_CANCEL);
}

void SettingsDialog::detectModules() {
  m_detected->Clear();
  m_detectedPaths.clear();
  const auto offers = services::detectModules();
  if (!offers) {
    modalAnswers().tell(
        this, _("The PKCS#11 modules could not be listed.") + "\n\n" + fromUtf8(offers.error().describe()),
        _("Settings"), true);
    return;
  }
  for (const auto& offer : offers.value()) {
    wxString label = fromUtf8(offer.name) + " — " + fromUtf8(offer.path);
    if (!offer.problem.empty()) {
      label += " (" + _("does not answer") + ")";
    } else if (offer.tokenLabels.empty()) {
      label += " (" + _("no token") + ")";
    } else {
      wxString tokens;
      for (const auto& token : offer.tokenLabels) {
        tokens += (tokens.empty() ? "" : ", ") + fromUtf8(token);
      }
      label += " (" + tokens + ")";
    }
    m_detected->Append(label);
    m_detectedPaths.push_back(offer.path);
  }
  m_detected->Enable(!m_detectedPaths.empty());
  if (m_detectedPaths.empty()) {
    modalAnswers().tell(this, _("p11-kit knows no PKCS#11 module; type the module's path."), _("Settings"),
                        false);
  }
}

SettingsAnswers SettingsDialog::answers() const {
  SettingsAnswers answers = m_initial;
  answers.company.modulePath = m_modulePath->GetValue().Strip(wxString::both).utf8_string();
  answers.company.automaticBackups = m_automatic->GetValue();
  answers.company.backupsKept = m_kept->GetValue();
  // The default folder stays "the default" (it follows $XDG_DATA_HOME), not a fixed path.
  const auto dataFolder = pathOf(m_dataFolder);
  answers.user.dataFolder =
      dataFolder == UserSettings{}.dataFolderOrDefault() ? std::filesystem::path() : dataFolder;
  answers.user.backupFolder = pathOf(m_backupFolder);
  const int language = m_language->GetSelection();
  if (language >= 0 && static_cast<std::size_t>(language) < languages().size()) {
    answers.language = std::string(languages()[static_cast<std::size_t>(language)].code);
  }
  return answers;
}

}  // namespace platnik::gui
