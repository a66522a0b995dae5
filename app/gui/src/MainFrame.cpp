#include "gui/MainFrame.h"

#include "gui/Language.h"

#include <wx/aboutdlg.h>
#include <wx/app.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/persist/toplevel.h>
#include <wx/sizer.h>

#include <chrono>

namespace platnik::gui {
namespace {

banking::Date today() {
  return banking::Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

wxString fromUtf8(std::string_view text) {
  return wxString::FromUTF8(text.data(), text.size());
}

}  // namespace

MainFrame::MainFrame(Workspace& workspace)
    : wxFrame(nullptr, wxID_ANY, _("Platnik"), wxDefaultPosition, wxSize(1100, 700)), m_workspace(workspace) {
  SetName("main");
  buildMenus();
  m_pages = new wxNotebook(this, wxID_ANY);
  // The pages, in the order of the bookkeeper's day. Each page takes the workspace and
  // refreshes itself when it says what changed.
  m_orderEditor = new OrderEditor(m_pages, today);
  m_pages->AddPage(m_orderEditor, _("Payment order"), true);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(m_pages, wxSizerFlags(1).Expand());
  SetSizer(sizer);
  CreateStatusBar();
  SetStatusText(_("Offline"));
  wxPersistentRegisterAndRestore(this, "main");
}

void MainFrame::buildMenus() {
  auto* file = new wxMenu;
  file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
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
      wxEVT_MENU,
      [](wxCommandEvent&) {
        wxAboutDialogInfo info;
        info.SetName("Platnik");
        info.SetDescription(_("E-banking for a company's bookkeeper: orders, statements, certificates."));
        info.SetLicence("GPL-3.0-or-later");
        wxAboutBox(info);
      },
      wxID_ABOUT);
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
