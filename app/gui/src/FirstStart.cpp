#include "gui/FirstStart.h"

#include "banking/Account.h"
#include "banking/Banks.h"
#include "gui/Display.h"
#include "gui/ModalAnswers.h"
#include "services/DatabaseFiles.h"
#include "services/Demo.h"
#include "services/Today.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tokenzr.h>

#include <chrono>
#include <set>
#include <stdexcept>

namespace platnik::gui {
namespace {

const wxColour kProblemColour(176, 0, 32);

wxStaticText* problemText(wxWindow* parent) {
  auto* text = new wxStaticText(parent, wxID_ANY, wxString());
  text->SetForegroundColour(kProblemColour);
  return text;
}

std::vector<std::string> accountLines(const wxString& text) {
  std::vector<std::string> lines;
  wxStringTokenizer tokens(text, "\n");
  while (tokens.HasMoreTokens()) {
    const wxString line = tokens.GetNextToken().Strip(wxString::both);
    if (!line.empty()) {
      lines.push_back(line.utf8_string());
    }
  }
  return lines;
}

}  // namespace

std::string tokenModuleFor(storage::Database& database) {
  const auto demo = services::defaultDemoFolder();
  std::error_code ignored;
  if (services::demoExists(demo) &&
      std::filesystem::equivalent(database.path(), services::demoPaths(demo).database, ignored)) {
    if (auto module = services::useDemoToken(demo)) {
      return module.value();
    }
  }
  auto settings = services::readCompanySettings(database);
  return settings ? settings.value().modulePath : std::string();
}

banking::Result<OpenedCompany> actOnFirstStart(const FirstStartChoice& choice,
                                               const std::filesystem::path& newDatabasePath) {
  const auto opened = [](storage::Database database) {
    std::string module = tokenModuleFor(database);
    return OpenedCompany{std::move(database), std::move(module)};
  };
  switch (choice.kind) {
    case FirstStartChoice::Kind::Demo: {
      const auto folder = services::defaultDemoFolder();
      if (!services::demoExists(folder)) {
        BOOST_OUTCOME_TRYV(
            services::createDemo(folder, services::today(),
                                 std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())));
      }
      BOOST_OUTCOME_TRY(database, services::openCompanyDatabase(services::demoPaths(folder).database));
      return opened(std::move(database));
    }
    case FirstStartChoice::Kind::Existing: {
      BOOST_OUTCOME_TRY(database, services::openCompanyDatabase(choice.existing));
      return opened(std::move(database));
    }
    case FirstStartChoice::Kind::SetUp: {
      BOOST_OUTCOME_TRY(database, services::createCompany(newDatabasePath, choice.setup));
      return opened(std::move(database));
    }
  }
  throw std::logic_error("unknown first-start choice");
}

FirstStartDialog::FirstStartDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("Welcome to Platnik"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(new wxStaticText(this, wxID_ANY,
                              _("There is no company database yet. Try Platnik on a demo company, open a "
                                "database you already have, or set up your company.")),
             wxSizerFlags().Expand().Border(wxALL, 10));

  auto* starts = new wxBoxSizer(wxHORIZONTAL);
  auto* demo = new wxButton(this, wxID_ANY, _("Open the &demo"));
  auto* existing = new wxButton(this, wxID_ANY, _("&Open an existing database…"));
  starts->Add(demo, wxSizerFlags().Border(wxRIGHT, 8));
  starts->Add(existing);
  outer->Add(starts, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, 10));

  auto* form = new wxStaticBoxSizer(wxVERTICAL, this, _("Set up my company"));
  auto* box = form->GetStaticBox();
  auto* grid = new wxFlexGridSizer(3, wxSize(8, 6));
  grid->AddGrowableCol(2, 1);
  const auto addRow = [&](const wxString& label, wxTextCtrl* field, wxStaticText* message) {
    grid->Add(new wxStaticText(box, wxID_ANY, label), wxSizerFlags().CenterVertical());
    grid->Add(field, wxSizerFlags().Expand());
    if (message != nullptr) {
      grid->Add(message, wxSizerFlags().CenterVertical());
    } else {
      grid->AddSpacer(0);
    }
  };
  m_name = new wxTextCtrl(box, wxID_ANY, wxString(), wxDefaultPosition, wxSize(280, -1));
  m_nameMessage = problemText(box);
  addRow(_("Company name:"), m_name, m_nameMessage);
  m_place = new wxTextCtrl(box, wxID_ANY);
  addRow(_("Place:"), m_place, nullptr);
  m_taxId = new wxTextCtrl(box, wxID_ANY);
  m_taxId->SetMaxLength(9);
  m_taxIdMessage = problemText(box);
  addRow(_("Tax id (PIB):"), m_taxId, m_taxIdMessage);
  m_accounts = new wxTextCtrl(box, wxID_ANY, wxString(), wxDefaultPosition, wxSize(280, 70), wxTE_MULTILINE);
  m_accounts->SetHint(_("one account a line, e.g. 160-0000000012345-67"));
  m_accountsMessage = problemText(box);
  addRow(_("Accounts:"), m_accounts, m_accountsMessage);
  m_banks = new wxStaticText(box, wxID_ANY, wxString());
  grid->AddSpacer(0);
  grid->Add(m_banks);
  grid->AddSpacer(0);
  m_modulePath = new wxTextCtrl(box, wxID_ANY);
  m_modulePath->SetHint(_("empty: the modules p11-kit knows"));
  addRow(_("Token's PKCS#11 module:"), m_modulePath, nullptr);
  form->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, 6));
  auto* create = new wxButton(box, wxID_ANY, _("&Create the company"));
  form->Add(create, wxSizerFlags().Right().Border(wxALL, 6));
  outer->Add(form, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 10));

  outer->Add(CreateStdDialogButtonSizer(wxCANCEL), wxSizerFlags().Expand().Border(wxALL, 10));
  SetSizerAndFit(outer);
  SetMinSize(wxSize(760, GetSize().y));
  SetSize(wxSize(760, GetSize().y));

  demo->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { chooseDemo(); });
  existing->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { chooseExisting(); });
  create->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { chooseSetUp(); });
  m_accounts->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { showBanks(); });
  Bind(
      wxEVT_BUTTON, [this](wxCommandEvent&) { finishDialog(*this, wxID_CANCEL); }, wxID_CANCEL);
}

void FirstStartDialog::chooseDemo() {
  m_choice = FirstStartChoice{FirstStartChoice::Kind::Demo, {}, {}};
  finishDialog(*this, wxID_OK);
}

void FirstStartDialog::chooseExisting() {
  const wxString file = modalAnswers().fileToOpen(this, _("Open a company database"),
                                                  _("Platnik databases (*.platnik)|*.platnik|All files|*"));
  if (file.empty()) {
    return;
  }
  m_choice =
      FirstStartChoice{FirstStartChoice::Kind::Existing, std::filesystem::path(file.utf8_string()), {}};
  finishDialog(*this, wxID_OK);
}

services::CompanySetup FirstStartDialog::setup() const {
  services::CompanySetup setup;
  setup.name = m_name->GetValue().Strip(wxString::both).utf8_string();
  setup.place = m_place->GetValue().Strip(wxString::both).utf8_string();
  setup.taxId = m_taxId->GetValue().Strip(wxString::both).utf8_string();
  setup.accounts = accountLines(m_accounts->GetValue());
  setup.modulePath = m_modulePath->GetValue().Strip(wxString::both).utf8_string();
  return setup;
}

bool FirstStartDialog::chooseSetUp() {
  const auto answers = setup();
  const auto problems = services::checkCompanySetup(answers);
  wxString name;
  wxString taxId;
  wxString accounts;
  for (const auto& problem : problems) {
    wxString& text = problem.field == services::SetupProblem::Field::Name    ? name
                     : problem.field == services::SetupProblem::Field::TaxId ? taxId
                                                                             : accounts;
    text += (text.empty() ? "" : "\n") + fromUtf8(problem.message);
  }
  m_nameMessage->SetLabel(name);
  m_taxIdMessage->SetLabel(taxId);
  m_accountsMessage->SetLabel(accounts);
  Layout();
  if (!problems.empty()) {
    return false;
  }
  m_choice = FirstStartChoice{FirstStartChoice::Kind::SetUp, {}, answers};
  finishDialog(*this, wxID_OK);
  return true;
}

void FirstStartDialog::showBanks() {
  wxString text;
  std::set<std::string> shown;
  for (const auto& line : accountLines(m_accounts->GetValue())) {
    const auto account = banking::Account::parse(line);
    if (!account) {
      continue;
    }
    const std::string code(account.value().bankCode());
    const auto bank = banking::findBank(code);
    if (bank && shown.insert(code).second) {
      text += (text.empty() ? "" : "\n") + fromUtf8(code) + " " + fromUtf8(bank->name);
    }
  }
  if (m_banks->GetLabel() != text) {
    m_banks->SetLabel(text);
    Layout();
  }
}

wxString FirstStartDialog::nameMessage() const {
  return m_nameMessage->GetLabel();
}

wxString FirstStartDialog::taxIdMessage() const {
  return m_taxIdMessage->GetLabel();
}

wxString FirstStartDialog::accountsMessage() const {
  return m_accountsMessage->GetLabel();
}

wxString FirstStartDialog::banksFound() const {
  return m_banks->GetLabel();
}

}  // namespace platnik::gui
