#include "gui/MainFrame.h"

#include "gui/AccountsPane.h"
#include "gui/AddressBook.h"
#include "gui/CertificatePage.h"
#include "gui/Display.h"
#include "gui/ExportDialog.h"
#include "gui/ImportDialog.h"
#include "gui/Language.h"
#include "gui/ModalAnswers.h"
#include "gui/OrdersPage.h"
#include "gui/SettingsDialog.h"
#include "gui/StatementChoiceDialog.h"
#include "gui/StatementsPage.h"
#include "gui/UserSettings.h"
#include "storage/Settings.h"

#include <wx/aboutdlg.h>
#include <wx/app.h>
#include <wx/artprov.h>
#include <wx/config.h>
#include <wx/display.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/persist/toplevel.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/toolbar.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <utility>

namespace platnik::gui {
namespace {

/// Where the width of the accounts pane is remembered.
constexpr const char* kAccountsWidthKey = "/MainFrame/AccountsPaneWidth";
// Wide enough for the balance and its date ("160-498761-18 Račun za dnevni pazar: 10.939.485,01
// RSD na dan 25.11.2026") while leaving the pages most of a 1280 pixel screen.
constexpr int kAccountsDefaultWidth = 420;

banking::Date today() {
  return banking::Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

}  // namespace

MainFrame::MainFrame(Workspace& workspace)
    : wxFrame(nullptr, wxID_ANY, _("Platnik"), wxDefaultPosition, wxSize(1240, 760)), m_workspace(workspace) {
  SetName("main");
  m_databaseActions = std::make_unique<DatabaseActions>(this, m_workspace);
  buildMenus();
  buildToolBar();
  // Left: the banks and accounts; right: the pages. The pane's width is remembered.
  auto* split =
      new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3D);
  split->SetMinimumPaneSize(120);
  m_accounts = new AccountsPane(split, m_workspace);
  m_pages = new wxNotebook(split, wxID_ANY);
  // The pages, in the order of the bookkeeper's day. Each page takes the workspace and
  // refreshes itself when it says what changed.
  m_orderEditor = new OrderEditor(m_pages, today, &m_workspace);
  m_pages->AddPage(m_orderEditor, _("Payment order"), true);
  m_orders = new OrdersPage(
      m_pages, m_workspace, *m_orderEditor,
      [this] { m_pages->SetSelection(static_cast<size_t>(m_pages->FindPage(m_orderEditor))); }, today);
  m_pages->AddPage(m_orders, _("Orders"));
  m_statements = new StatementsPage(m_pages, m_workspace);
  m_pages->AddPage(m_statements, _("Statements"));
  m_pages->AddPage(new AddressBookPage(m_pages, m_workspace), _("Address book"));
  m_pages->AddPage(new CertificatePage(m_pages, m_workspace), _("Certificate"));
  m_accounts->onChosen(
      [this](std::optional<std::int64_t> accountId) { m_statements->showAccount(accountId); });
  split->SplitVertically(
      m_accounts, m_pages,
      static_cast<int>(wxConfig::Get()->ReadLong(kAccountsWidthKey, kAccountsDefaultWidth)));
  split->Bind(wxEVT_SPLITTER_SASH_POS_CHANGED, [](wxSplitterEvent& event) {
    wxConfig::Get()->Write(kAccountsWidthKey, static_cast<long>(event.GetSashPosition()));
    event.Skip();
  });
  // The pages ask for more room than a laptop screen has when all their controls sit side by
  // side; the window must still fit the screen (they lay out in what they get).
  split->SetMinSize(FromDIP(wxSize(720, 480)));
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(split, wxSizerFlags(1).Expand());
  SetSizer(sizer);
  CreateStatusBar();
  SetStatusText(_("Offline"));
  // Ctrl+1… for the pages, the page of the last session, the company in the title.
  updatePageCommands();
  if (const int page = rememberedPage();
      page > 0 && static_cast<std::size_t>(page) < m_pages->GetPageCount()) {
    m_pages->SetSelection(static_cast<std::size_t>(page));
  }
  showCompany();
  m_subscription = m_workspace.subscribe([this](Workspace::Change what) {
    if (what == Workspace::Change::Database) {
      showCompany();
    }
  });
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
    rememberPage(std::max(0, m_pages->GetSelection()));
    m_databaseActions->automaticBackup();
    event.Skip();
  });
  wxPersistentRegisterAndRestore(this, "main");
  fitOnScreen();
}

void MainFrame::fitOnScreen() {
  // A place remembered on a larger screen (or grown by a window manager) is brought back
  // onto this one, so no control ends up out of reach.
  const int display = wxDisplay::GetFromWindow(this);
  const wxRect area = wxDisplay(display == wxNOT_FOUND ? 0U : static_cast<unsigned>(display)).GetClientArea();
  wxRect rect = GetRect();
  rect.SetWidth(std::min(rect.GetWidth(), area.GetWidth()));
  rect.SetHeight(std::min(rect.GetHeight(), area.GetHeight()));
  rect.SetX(std::clamp(rect.GetX(), area.GetLeft(), area.GetRight() - rect.GetWidth() + 1));
  rect.SetY(std::clamp(rect.GetY(), area.GetTop(), area.GetBottom() - rect.GetHeight() + 1));
  if (rect != GetRect()) {
    SetSize(rect);
  }
}

MainFrame::~MainFrame() {
  m_workspace.unsubscribe(m_subscription);
}

void MainFrame::buildMenus() {
  auto* file = new wxMenu;
  file->Append(wxID_NEW, _("&New database…\tCtrl+Shift+N"));
  file->Append(wxID_OPEN, _("&Open database…\tCtrl+O"));
  file->AppendSeparator();
  file->Append(kBackUpCommand, _("&Back up…\tCtrl+B"));
  file->Append(kRestoreCommand, _("&Restore…"));
  file->Append(kCheckCommand, _("&Check database"));
  file->AppendSeparator();
  // Statement files and printed documents (ImportDialog, ExportDialog, StatementChoiceDialog).
  const std::pair<wxString, std::function<void()>> documentCommands[] = {
      {_("&Import statements…\tCtrl+I"), [this] { importStatementFiles(this, m_workspace); }},
      {_("&Export statements…"), [this] { exportStatementFiles(this, m_workspace); }},
      {_("&Print statement…"), [this] { chooseAndPrintStatement(this, m_workspace); }},
      {_("Statement as P&DF…"), [this] { chooseAndSaveStatementPdf(this, m_workspace); }}};
  for (const auto& [label, command] : documentCommands) {
    Bind(
        wxEVT_MENU, [command](wxCommandEvent&) { command(); }, file->Append(wxID_ANY, label)->GetId());
  }
  file->AppendSeparator();
  file->Append(wxID_PREFERENCES, _("&Settings…\tCtrl+,"));
  file->AppendSeparator();
  file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { m_databaseActions->newDatabase(); }, wxID_NEW);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { m_databaseActions->openDatabase(); }, wxID_OPEN);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { m_databaseActions->backUp(); }, kBackUpCommand);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { m_databaseActions->restore(); }, kRestoreCommand);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { m_databaseActions->check(); }, kCheckCommand);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { openSettings(); }, wxID_PREFERENCES);
  auto* language = new wxMenu;
  for (const auto& each : languages()) {
    // Each language is offered in its own name, whatever the window speaks now.
    auto* item = language->AppendRadioItem(wxID_ANY, fromUtf8(each.name));
    item->Check(each.code == currentLanguage());
    const std::string code(each.code);
    m_languageCommands[code] = item->GetId();
    Bind(
        wxEVT_MENU, [this, code](wxCommandEvent&) { switchLanguage(code); }, item->GetId());
  }
  auto* view = new wxMenu;
  m_viewMenu = view;
  view->AppendSubMenu(language, _("&Language"));
  auto* help = new wxMenu;
  help->Append(wxID_ABOUT, _("&About Platnik"));
  auto* bar = new wxMenuBar;
  bar->Append(file, _("&File"));
  bar->Append(view, _("&View"));
  bar->Append(help, _("&Help"));
  SetMenuBar(bar);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { showAbout(); }, wxID_ABOUT);
}

void MainFrame::buildToolBar() {
  auto* tools = CreateToolBar(wxTB_HORIZONTAL | wxTB_FLAT);
  const auto icon = [](const wxArtID& id) { return wxArtProvider::GetBitmapBundle(id, wxART_TOOLBAR); };
  tools->AddTool(wxID_NEW, _("New database"), icon(wxART_NEW), _("New company database"));
  tools->AddTool(wxID_OPEN, _("Open database"), icon(wxART_FILE_OPEN), _("Open another company database"));
  tools->AddTool(kBackUpCommand, _("Back up"), icon(wxART_FILE_SAVE_AS), _("Back up the database to a file"));
  tools->AddTool(kCheckCommand, _("Check"), icon(wxART_TICK_MARK), _("Check the database and its audit log"));
  tools->AddSeparator();
  tools->AddTool(wxID_PREFERENCES, _("Settings"), icon(wxART_HELP_SETTINGS), _("Settings"));
  tools->Realize();
}

void MainFrame::showAbout() {
  wxAboutDialogInfo info;
  info.SetName("Platnik");
  info.SetVersion(PLATNIK_VERSION);
  info.SetDescription(_("E-banking for a company's bookkeeper: orders, statements, certificates."));
  info.SetLicence(
      _("Platnik is free software: you can redistribute it and/or modify it under the terms of the "
        "GNU General Public License as published by the Free Software Foundation, either version 3 "
        "of the License, or (at your option) any later version (GPL-3.0-or-later).\n\n"
        "It is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY; without "
        "even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the "
        "GNU General Public License for more details."));
  wxAboutBox(info, this);
}

int MainFrame::pageCommand(std::size_t index) const {
  return index < m_pageCommands.size() ? m_pageCommands[index] : wxID_NONE;
}

void MainFrame::updatePageCommands() {
  for (const int id : m_pageCommands) {
    m_viewMenu->Destroy(id);
    Unbind(wxEVT_MENU, &MainFrame::onPageCommand, this, id);
  }
  m_pageCommands.clear();
  // Ctrl+1 … Ctrl+9, above the language submenu, in the pages' order.
  for (std::size_t i = 0; i < m_pages->GetPageCount() && i < 9; ++i) {
    const int id = wxWindow::NewControlId();
    m_viewMenu->Insert(i, id,
                       wxString::Format("%s\tCtrl+%d", m_pages->GetPageText(i), static_cast<int>(i + 1)));
    m_pageCommands.push_back(id);
    Bind(wxEVT_MENU, &MainFrame::onPageCommand, this, id);
  }
  if (!m_pageCommands.empty() && m_viewMenu->GetMenuItemCount() == m_pageCommands.size() + 1) {
    m_viewMenu->InsertSeparator(m_pageCommands.size());
  }
}

void MainFrame::onPageCommand(wxCommandEvent& event) {
  const auto it = std::find(m_pageCommands.begin(), m_pageCommands.end(), event.GetId());
  if (it != m_pageCommands.end()) {
    m_pages->SetSelection(static_cast<std::size_t>(it - m_pageCommands.begin()));
  }
}

void MainFrame::openSettings() {
  auto current = SettingsAnswers::current(m_workspace);
  if (!current) {
    modalAnswers().tell(this,
                        _("The settings could not be read.") + "\n\n" + fromUtf8(current.error().describe()),
                        _("Settings"), true);
    return;
  }
  SettingsDialog dialog(this, current.value());
  if (modalAnswers().showModal(dialog) == wxID_OK) {
    applySettings(dialog.answers());
  }
}

void MainFrame::applySettings(const SettingsAnswers& answers) {
  if (auto saved = saveSettings(m_workspace, answers); !saved) {
    modalAnswers().tell(this, _("The settings were not saved.") + "\n\n" + fromUtf8(saved.error().describe()),
                        _("Settings"), true);
    return;
  }
  // Last: a new language replaces this window.
  if (!answers.language.empty()) {
    switchLanguage(answers.language);
  }
}

void MainFrame::showCompany() {
  wxString name;
  if (auto company = m_workspace.database().settings().company(); company && company.value()) {
    name = fromUtf8(company.value()->name);
  } else {
    name = fromUtf8(m_workspace.database().path().filename().string());
  }
  SetTitle(wxString::Format(_("Platnik — %s"), name));
}

int MainFrame::languageCommand(std::string_view code) const {
  const auto it = m_languageCommands.find(code);
  return it == m_languageCommands.end() ? wxID_NONE : it->second;
}

void MainFrame::switchLanguage(const std::string& code) {
  if (code == currentLanguage()) {
    return;
  }
  if (!applyLanguage(code)) {
    wxMessageBox(_("The translation for this language is not installed."), _("Platnik"), wxICON_WARNING,
                 this);
    GetMenuBar()->Check(languageCommand(currentLanguage()), true);
    return;
  }
  rememberLanguage(code);
  // Save this window's place first: the new one restores it.
  wxPersistenceManager::Get().SaveAndUnregister(this);
  auto* fresh = new MainFrame(m_workspace);
  if (!m_orderEditor->isBlank()) {
    fresh->orderEditor()->setOrder(m_orderEditor->order());
  }
  fresh->pages()->SetSelection(static_cast<size_t>(std::max(0, m_pages->GetSelection())));
  fresh->Show();
  wxTheApp->SetTopWindow(fresh);
  Destroy();
}

std::string_view MainFrame::demoIpsQr() {
  return "K:PR|V:01|C:1|R:845000000040484987|N:JP EPS BEOGRAD\nBALKANSKA 13\nBEOGRAD|I:RSD3596,13|SF:189|"
         "S:Uplata po računu za struju|RO:97163220000111111111000";
}

void MainFrame::fillDemoOrder() {
  m_pages->SetSelection(static_cast<size_t>(m_pages->FindPage(m_orderEditor)));
  if (m_orderEditor->fillFromQr(std::string(demoIpsQr()))) {
    auto order = m_orderEditor->order();
    order.executionDate = today();
    m_orderEditor->setOrder(order);
  }
}

}  // namespace platnik::gui
