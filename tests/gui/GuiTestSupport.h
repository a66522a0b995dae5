#pragma once

#include "gui/MainFrame.h"
#include "gui/Workspace.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>
#include <wx/app.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include <memory>

namespace platnik::guitest {

/// Lets the window process its events (and the X server catch up) for a while.
inline void pump(int rounds = 10) {
  for (int i = 0; i < rounds; ++i) {
    wxTheApp->Yield(true);
    wxMilliSleep(20);
  }
}

/// A workspace on a new, empty database file of the test's own.
struct TestWorkspace {
  testsupport::TempDir dir;
  std::unique_ptr<gui::Workspace> workspace = open(dir / "company.platnik");

  static std::unique_ptr<gui::Workspace> open(const std::filesystem::path& path) {
    auto database = storage::Database::create(path);
    BOOST_REQUIRE_MESSAGE(database.has_value(), "cannot create the test database");
    return std::make_unique<gui::Workspace>(std::move(database).value());
  }
};

/// A shown main window over a TestWorkspace, closed at the end of the test.
struct Window : TestWorkspace {
  gui::MainFrame* frame = new gui::MainFrame(*workspace);
  Window() {
    frame->Show();
    frame->Raise();
    pump(20);
  }
  ~Window() {
    frame->Destroy();
    pump();
  }
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;
};

/// Types into a field as a person would: focus it, select what is there, type.
inline void typeInto(wxTextCtrl* control, const char* text) {
  control->SetFocus();
  control->SelectAll();
  pump();
  wxUIActionSimulator sim;
  sim.Text(text);
  pump();
}

}  // namespace platnik::guitest
