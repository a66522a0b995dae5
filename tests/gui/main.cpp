#define BOOST_TEST_MODULE gui
#include "gui/Language.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>
#include <wx/app.h>
#include <wx/fileconf.h>
#include <wx/init.h>

#include <clocale>
#include <cstdlib>
#include <memory>

namespace {

/// wxWidgets needs an application object and a display for the whole test run. The settings
/// (window places, the language chosen) go to a file of the run's own, not the user's.
struct WxFixture {
  WxFixture() {
    if (std::getenv("DISPLAY") == nullptr) {
      BOOST_TEST_MESSAGE("no DISPLAY: the GUI tests need an X server (run.sh test starts Xvfb)");
      std::exit(77);  // CTest's SKIP_RETURN_CODE for our suites
    }
    auto& suite = boost::unit_test::framework::master_test_suite();
    // The environment's locale, as a program gets it from the toolkit, then UTF-8 text
    // whatever that is (as the program does): "…" in _("…") must not become "".
    std::setlocale(LC_ALL, "");
    wxApp::SetInstance(new wxApp);
    BOOST_REQUIRE(wxEntryStart(suite.argc, suite.argv));
    platnik::gui::ensureUtf8Text();
    wxTheApp->SetAppName("platnik-tests");
    wxConfigBase::Set(new wxFileConfig("platnik-tests", wxEmptyString,
                                       wxString::FromUTF8((m_settings.path() / "settings.ini").string()),
                                       wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
    BOOST_REQUIRE(wxTheApp->CallOnInit());
  }
  ~WxFixture() {
    delete wxConfigBase::Set(nullptr);
    wxEntryCleanup();
  }

  platnik::testsupport::TempDir m_settings;
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(WxFixture);
