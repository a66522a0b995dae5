#include "gui/MainFrame.h"

#include <wx/aboutdlg.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/persist/toplevel.h>
#include <wx/sizer.h>

#include <chrono>

namespace platnik::gui {
namespace {

banking::Date today() {
  return banking::Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

}  // namespace

MainFrame::MainFrame() : wxFrame(nullptr, wxID_ANY, _("Platnik"), wxDefaultPosition, wxSize(1100, 700)) {
  SetName("main");
  buildMenus();
  m_pages = new wxNotebook(this, wxID_ANY);
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
  auto* help = new wxMenu;
  help->Append(wxID_ABOUT, _("&About Platnik"));
  auto* bar = new wxMenuBar;
  bar->Append(file, _("&File"));
  bar->Append(help, _("&Help"));
  SetMenuBar(bar);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
  Bind(wxEVT_MENU, [](wxCommandEvent&) {
    wxAboutDialogInfo info;
    info.SetName("Platnik");
    info.SetDescription(_("E-banking for a company's bookkeeper: orders, statements, certificates."));
    info.SetLicence("GPL-3.0-or-later");
    wxAboutBox(info);
  }, wxID_ABOUT);
}

}  // namespace platnik::gui
