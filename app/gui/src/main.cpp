#include "gui/FirstStart.h"
#include "gui/Language.h"
#include "gui/MainFrame.h"
#include "gui/ModalAnswers.h"
#include "gui/Screenshots.h"
#include "gui/UserSettings.h"
#include "gui/Workspace.h"
#include "services/Demo.h"
#include "services/Today.h"

#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/log.h>
#include <wx/msgdlg.h>
#include <wx/utils.h>

#include <cstdio>
#include <exception>
#include <memory>
#include <string>

namespace platnik::gui {

class PlatnikApp : public wxApp {
 public:
  bool OnInit() override {
    SetAppName("platnik");
    ensureUtf8Text();
    if (!wxApp::OnInit()) {
      return false;
    }
    if (!m_screenshots.empty()) {
      // Unattended (CI): problems go to stderr, never to a dialog nobody will close.
      delete wxLog::SetActiveTarget(new wxLogStderr);
    }
    if (!startLanguage()) {
      return false;
    }
    if (!openWorkspace()) {
      return false;
    }
    auto* frame = new MainFrame(*m_workspace);
    if (m_demo) {
      frame->fillDemoOrder();
    }
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

  int OnExit() override {
    // Write the settings while the application still exists, so that a failure to write
    // them is reported like any other (wxWidgets would otherwise log it during its cleanup).
    delete wxConfigBase::Set(nullptr);
    return wxApp::OnExit();
  }

  int OnRun() override {
    const int code = wxApp::OnRun();
    return m_exitCode != 0 ? m_exitCode : code;
  }

  void OnInitCmdLine(wxCmdLineParser& parser) override {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption("", "screenshots", _("save a PNG of every main screen in this folder, then quit"));
    parser.AddOption("", "lang",
                     _("the window's language for this run: \"en\", \"sr\" (Cyrillic) or \"sr@latin\""));
    parser.AddOption("", "db", _("the company database to open (default: the one in the data folder)"));
    parser.AddSwitch("", "demo",
                     _("open the built-in demo company and demo token (made on first use) and fill the order "
                       "editor with a demo order read from an IPS QR code"));
  }

  bool OnCmdLineParsed(wxCmdLineParser& parser) override {
    parser.Found("screenshots", &m_screenshots);
    parser.Found("lang", &m_language);
    parser.Found("db", &m_databasePath);
    m_demo = parser.Found("demo");
    if (!m_language.empty() && !findLanguage(m_language.utf8_string())) {
      std::fprintf(stderr, "platnik: unknown language \"%s\" for --lang (use en, sr or sr@latin)\n",
                   m_language.utf8_string().c_str());
      return false;
    }
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
  /// Opens (creating when new) the database named by --db; otherwise the one opened last, or
  /// the default one. With none of them there yet, the first start asks what to open.
  bool openWorkspace() {
    if (m_demo && m_databasePath.empty()) {
      return openDemo();
    }
    std::filesystem::path path = m_databasePath.empty() ? storage::Database::defaultPath()
                                                        : std::filesystem::path(m_databasePath.utf8_string());
    if (m_databasePath.empty() && m_screenshots.empty() && !m_demo) {
      std::error_code ignored;
      const auto last = UserSettings::read().lastDatabase;
      if (!last.empty() && std::filesystem::exists(last, ignored)) {
        path = last;
      } else if (!std::filesystem::exists(path, ignored)) {
        return firstStart(path);
      }
    }
    std::error_code ignored;
    std::filesystem::create_directories(path.parent_path(), ignored);
    auto database = storage::Database::create(path);
    if (!database) {
      const std::string reason = database.error().describe();
      std::fprintf(stderr, "platnik: %s\n", reason.c_str());
      if (m_screenshots.empty()) {
        wxMessageBox(wxString::FromUTF8(reason), _("Platnik: cannot open the database"), wxICON_ERROR);
      }
      return false;
    }
    startWorkspace(std::move(database).value());
    return true;
  }

  /// --demo: the built-in demo company and its demo token (SoftHSM2), made in
  /// services::defaultDemoFolder() when it is not there yet.
  bool openDemo() {
    const auto folder = services::defaultDemoFolder();
    auto cannot = [this](const std::string& reason) {
      std::fprintf(stderr, "platnik: %s\n", reason.c_str());
      if (m_screenshots.empty()) {
        wxMessageBox(wxString::FromUTF8(reason), _("Platnik: cannot open the demo"), wxICON_ERROR);
      }
      return false;
    };
    if (!services::demoExists(folder)) {
      wxBusyCursor busy;
      auto made = services::createDemo(folder, services::today(), crypto::systemNow());
      if (!made) {
        return cannot(made.error().describe());
      }
      std::fprintf(stderr, "%s", made.value().describe().c_str());
    }
    auto database = storage::Database::open(services::demoPaths(folder).database);
    if (!database) {
      return cannot(database.error().describe());
    }
    startWorkspace(std::move(database).value());  // tokenModuleFor: the demo token
    return true;
  }

  /// The workspace on `database`, with its token's module.
  void startWorkspace(storage::Database database) {
    std::string module = tokenModuleFor(database);
    m_workspace = std::make_unique<Workspace>(std::move(database), std::move(module));
  }

  /// No company database yet: the demo, an existing database, or a new company made at
  /// `path`. Asks again after a choice that failed; cancelling quits.
  bool firstStart(const std::filesystem::path& path) {
    FirstStartDialog dialog(nullptr);
    while (modalAnswers().showModal(dialog) == wxID_OK && dialog.choice()) {
      auto database = actOnFirstStart(*dialog.choice(), path);
      if (!database) {
        wxMessageBox(wxString::FromUTF8(database.error().describe()), _("Platnik: cannot open the database"),
                     wxICON_ERROR);
        continue;
      }
      if (dialog.choice()->kind == FirstStartChoice::Kind::Demo) {
        m_demo = true;
      }
      auto user = UserSettings::read();
      user.lastDatabase = database.value().database.path();
      user.write();
      m_workspace = std::make_unique<Workspace>(std::move(database.value().database),
                                                std::move(database.value().modulePath));
      return true;
    }
    return false;
  }

  /// --lang for this run only; otherwise the remembered (or the system's) language. A missing
  /// catalog for --lang is an error; for a remembered choice the window falls back to English.
  bool startLanguage() {
    const std::string wanted = m_language.empty() ? preferredLanguage() : m_language.utf8_string();
    if (applyLanguage(wanted)) {
      return true;
    }
    std::string searched;
    for (const auto& folder : catalogFolders()) {
      searched += (searched.empty() ? "" : ", ") + folder.string();
    }
    std::fprintf(
        stderr, "platnik: no translation catalog %s/LC_MESSAGES/platnik.mo in %s\n", wanted.c_str(),
        searched.empty() ? "a locale folder next to the program (../share/locale)" : searched.c_str());
    return m_language.empty() && applyLanguage("en");
  }

  wxString m_screenshots;
  wxString m_language;
  wxString m_databasePath;
  std::unique_ptr<Workspace> m_workspace;
  bool m_demo = false;
  int m_exitCode = 0;
};

}  // namespace platnik::gui

wxIMPLEMENT_APP(platnik::gui::PlatnikApp);
