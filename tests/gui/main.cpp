#define BOOST_TEST_MODULE gui
#include <boost/test/unit_test.hpp>
#include <wx/app.h>
#include <wx/init.h>

#include <cstdlib>

namespace {

/// wxWidgets needs an application object and a display for the whole test run.
struct WxFixture {
  WxFixture() {
    if (std::getenv("DISPLAY") == nullptr) {
      BOOST_TEST_MESSAGE("no DISPLAY: the GUI tests need an X server (run.sh test starts Xvfb)");
      std::exit(77);  // CTest's SKIP_RETURN_CODE for our suites
    }
    auto& suite = boost::unit_test::framework::master_test_suite();
    wxApp::SetInstance(new wxApp);
    BOOST_REQUIRE(wxEntryStart(suite.argc, suite.argv));
    BOOST_REQUIRE(wxTheApp->CallOnInit());
  }
  ~WxFixture() { wxEntryCleanup(); }
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(WxFixture);
