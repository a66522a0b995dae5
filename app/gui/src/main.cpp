#include "gui/MainFrame.h"
#include "gui/Screenshots.h"

#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/msgdlg.h>

#include <cstdio>
#include <exception>

namespace platnik::gui {

class PlatnikApp : public wxApp {
public:
  bool OnInit() override {
    SetAppName("platnik");
    if (!wxApp::OnInit()) {
      return false;
    }
    auto* frame = new MainFrame;
    frame->Show();
    if (!m_screenshots.empty()) {
      CallAfter([this, frame] {
        try {
          for (const auto& file : saveScreenshots(*frame, *frame->pages(), m_screenshots.utf8_string())) {
            std::printf("%s\n", file.c_str());
          }
        } catch (const std::exception& e) {
          std::fprintf(stderr, "platnik: %s\n", e.what());
          m_exitCode = 1;
        }
        frame->Close();
      });
    }
    return true;
  }

  int OnRun() override {
    const int code = wxApp::OnRun();
    return m_exitCode != 0 ? m_exitCode : code;
  }

  void OnInitCmdLine(wxCmdLineParser& parser) override {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption("", "screenshots", _("save a PNG of every main screen in this folder, then quit"));
  }

  bool OnCmdLineParsed(wxCmdLineParser& parser) override {
    parser.Found("screenshots", &m_screenshots);
    return wxApp::OnCmdLineParsed(parser);
  }

  // No exception crosses into wx's event loop: report it where the user sees it.
  bool OnExceptionInMainLoop() override {
    try {
      throw;
    } catch (const std::exception& e) {
      wxMessageBox(wxString::FromUTF8(e.what()), _("Platnik: unexpected error"), wxICON_ERROR);
    } catch (...) {
      wxMessageBox(_("An unknown error occurred."), _("Platnik: unexpected error"), wxICON_ERROR);
    }
    return true;
  }

private:
  wxString m_screenshots;
  int m_exitCode = 0;
};

}  // namespace platnik::gui

wxIMPLEMENT_APP(platnik::gui::PlatnikApp);
