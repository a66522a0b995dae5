#include "GuiTestSupport.h"
#include "ScriptedAnswers.h"
#include "gui/FirstStart.h"
#include "storage/Accounts.h"
#include "storage/Settings.h"

#include <wx/textctrl.h>

#include <fstream>
#include <optional>
#include <string>

using namespace platnik;
using guitest::pump;
using guitest::typeInto;

BOOST_AUTO_TEST_SUITE(FirstStartTests)

namespace {

using Answers = guitest::InstalledAnswers;

struct ShownDialog {
  gui::FirstStartDialog* dialog = new gui::FirstStartDialog(nullptr);
  ShownDialog() {
    dialog->Show();
    dialog->Raise();
    pump(20);
  }
  ~ShownDialog() {
    dialog->Destroy();
    pump();
  }
  ShownDialog(const ShownDialog&) = delete;
  ShownDialog& operator=(const ShownDialog&) = delete;
};

}  // namespace

BOOST_AUTO_TEST_CASE(setting_up_my_company_creates_it_and_the_window_shows_it) {
  testsupport::TempDir dir;
  ShownDialog shown;
  auto* dialog = shown.dialog;
  typeInto(dialog->companyName(), "Knjigovodstvo Petrovic");
  typeInto(dialog->place(), "Kragujevac");
  typeInto(dialog->taxId(), "104052136");
  dialog->accounts()->SetValue("160-1111-41\n170000000000567852\n");
  pump();
  BOOST_TEST(dialog->banksFound().Contains("160 Banca Intesa"));
  BOOST_TEST(dialog->banksFound().Contains("170 UniCredit banka"));

  // A wrong control digit: the message beside the PIB, and the dialog stays.
  BOOST_TEST(!dialog->chooseSetUp());
  BOOST_TEST(!dialog->choice().has_value());
  BOOST_TEST(dialog->taxIdMessage().Contains("should be 5"));
  BOOST_TEST(dialog->nameMessage().empty());
  BOOST_TEST(dialog->accountsMessage().empty());

  typeInto(dialog->taxId(), "104052135");
  BOOST_TEST_REQUIRE(dialog->chooseSetUp());
  BOOST_TEST(dialog->taxIdMessage().empty());
  BOOST_TEST_REQUIRE(dialog->choice().has_value());
  BOOST_TEST((dialog->choice()->kind == gui::FirstStartChoice::Kind::SetUp));

  auto database = gui::actOnFirstStart(*dialog->choice(), dir / "company.platnik");
  BOOST_TEST_REQUIRE(database.has_value());
  BOOST_TEST(database.value().modulePath == "");
  gui::Workspace workspace(std::move(database.value().database), database.value().modulePath);
  BOOST_TEST(workspace.database().settings().company().value()->taxId == "104052135");
  BOOST_TEST(workspace.database().accounts().list().value().size() == 2U);

  auto* frame = new gui::MainFrame(workspace);
  frame->Show();
  pump(20);
  BOOST_TEST(frame->GetTitle().Contains("Knjigovodstvo Petrovic"));
  frame->Destroy();
  pump();
}

BOOST_AUTO_TEST_CASE(wrong_accounts_and_a_missing_name_are_shown_beside_their_fields) {
  ShownDialog shown;
  auto* dialog = shown.dialog;
  typeInto(dialog->taxId(), "104052135");
  dialog->accounts()->SetValue("160-1111-42");
  pump();
  BOOST_TEST(!dialog->chooseSetUp());
  BOOST_TEST(dialog->nameMessage().Contains("needs a name"));
  BOOST_TEST(dialog->accountsMessage().Contains("160-1111-42"));
  BOOST_TEST(dialog->banksFound().empty());
}

BOOST_AUTO_TEST_CASE(opening_an_existing_database_takes_the_chosen_file_and_refuses_others) {
  testsupport::TempDir dir;
  const auto existing = dir / "firm.platnik";
  {
    auto database = storage::Database::create(existing).value();
    BOOST_TEST_REQUIRE(
        database.settings().setCompany({"Stara firma", "Subotica", "100002887", ""}).has_value());
  }
  {
    ShownDialog shown;
    Answers answers;
    answers.files.push_back(wxString::FromUTF8(existing.string()));
    shown.dialog->chooseExisting();
    BOOST_TEST_REQUIRE(shown.dialog->choice().has_value());
    BOOST_TEST((shown.dialog->choice()->kind == gui::FirstStartChoice::Kind::Existing));
    auto database = gui::actOnFirstStart(*shown.dialog->choice(), dir / "unused.platnik");
    BOOST_TEST_REQUIRE(database.has_value());
    BOOST_TEST(database.value().database.settings().company().value()->name == "Stara firma");
    BOOST_TEST(!std::filesystem::exists(dir / "unused.platnik"));
  }
  {
    ShownDialog shown;
    Answers answers;
    answers.files.push_back(wxString());  // cancelled: no choice, the dialog stays
    shown.dialog->chooseExisting();
    BOOST_TEST(!shown.dialog->choice().has_value());
  }
  std::ofstream(dir / "letter.txt") << "Dear sirs\n";
  const auto refused = gui::actOnFirstStart({gui::FirstStartChoice::Kind::Existing, dir / "letter.txt", {}},
                                            dir / "unused.platnik");
  BOOST_TEST_REQUIRE(refused.has_error());
  BOOST_TEST(refused.error().message.find("not a Platnik database") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_demo_button_chooses_the_demo) {
  // Making the demo itself (services::createDemo: a SoftHSM token, a year of statements) is
  // tested with the demo; here only that the button chooses it and ends the dialog.
  ShownDialog shown;
  shown.dialog->chooseDemo();
  BOOST_TEST_REQUIRE(shown.dialog->choice().has_value());
  BOOST_TEST((shown.dialog->choice()->kind == gui::FirstStartChoice::Kind::Demo));
  BOOST_TEST(shown.dialog->GetReturnCode() == wxID_OK);
  BOOST_TEST(!shown.dialog->IsShown());
}

BOOST_AUTO_TEST_CASE(a_company_database_brings_its_token_module) {
  testsupport::TempDir dir;
  auto setup = services::CompanySetup{"Firma", "Beograd", "104052135", {"160-1111-41"}, "/opt/token/lib.so"};
  auto database = services::createCompany(dir / "c.platnik", setup).value();
  BOOST_TEST(gui::tokenModuleFor(database) == "/opt/token/lib.so");
}

BOOST_AUTO_TEST_SUITE_END()
