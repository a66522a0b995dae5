#include "GuiTestSupport.h"
#include "ScriptedAnswers.h"
#include "gui/SettingsDialog.h"
#include "gui/UserSettings.h"
#include "services/DatabaseFiles.h"
#include "services/TokenModules.h"
#include "storage/Accounts.h"
#include "storage/Connection.h"
#include "storage/Settings.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/spinctrl.h>

#include <fstream>

using namespace platnik;
using guitest::pump;
using guitest::Window;

BOOST_AUTO_TEST_SUITE(MenuAndSettingsTests)

namespace {

using Answers = guitest::InstalledAnswers;

void command(gui::MainFrame* frame, int id) {
  wxCommandEvent event(wxEVT_MENU, id);
  event.SetEventObject(frame);
  frame->GetEventHandler()->ProcessEvent(event);
  pump(3);
}

wxString text(const std::filesystem::path& path) {
  return wxString::FromUTF8(path.string());
}

std::size_t accountCount(gui::Workspace& workspace) {
  return workspace.database().accounts().list().value().size();
}

}  // namespace

BOOST_AUTO_TEST_CASE(open_another_database_switches_the_workspace_and_is_remembered) {
  Window window;
  const auto other = window.dir / "other.platnik";
  {
    auto database = storage::Database::create(other).value();
    BOOST_TEST_REQUIRE(
        database.settings().setCompany({"Druga firma d.o.o.", "Niš", "104052135", ""}).has_value());
  }
  int refreshes = 0;
  const int id = window.workspace->subscribe(
      [&](gui::Workspace::Change what) { refreshes += what == gui::Workspace::Change::Database ? 1 : 0; });
  Answers answers;
  answers.files.push_back(text(other));
  command(window.frame, wxID_OPEN);
  window.workspace->unsubscribe(id);

  BOOST_TEST(answers.told.empty());
  BOOST_TEST(window.workspace->database().path() == other);
  BOOST_TEST(refreshes == 1);
  BOOST_TEST(window.frame->GetTitle().Contains("Druga firma d.o.o."));
  BOOST_TEST(gui::UserSettings::read().lastDatabase == other);
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_platnik_database_is_refused_and_the_old_one_stays) {
  Window window;
  const auto before = window.workspace->database().path();
  const auto notes = window.dir / "notes.platnik";
  std::ofstream(notes) << "Beleške, ne baza\n";
  Answers answers;
  answers.files.push_back(text(notes));
  command(window.frame, wxID_OPEN);

  BOOST_TEST(answers.last().Contains("cannot"));
  BOOST_TEST(answers.last().Contains("not a Platnik database"));
  BOOST_TEST(window.workspace->database().path() == before);
  BOOST_TEST(testsupport::readFile(notes) == "Beleške, ne baza\n");
  // The old database still works.
  BOOST_TEST(window.workspace->database().check().value().ok());
}

BOOST_AUTO_TEST_CASE(back_up_then_restore_brings_the_old_content_back_and_refreshes) {
  Window window;
  auto& database = window.workspace->database();
  BOOST_TEST_REQUIRE(database.accounts().add("160-1111-41", banking::Currency::rsd()).has_value());
  const auto backup = window.dir / "saved.platnik";
  Answers answers;
  answers.files.push_back(text(backup));
  command(window.frame, gui::MainFrame::kBackUpCommand);
  BOOST_TEST_REQUIRE(std::filesystem::exists(backup));
  BOOST_TEST(!answers.last().Contains("cannot"));
  BOOST_TEST(answers.last().Contains("saved.platnik"));

  BOOST_TEST_REQUIRE(database.accounts().add("170000000000567852", banking::Currency::rsd()).has_value());
  BOOST_TEST(accountCount(*window.workspace) == 2U);

  // Said no: nothing changes.
  answers.confirmations.push_back(false);
  answers.files.push_back(text(backup));
  command(window.frame, gui::MainFrame::kRestoreCommand);
  BOOST_TEST(answers.done());
  BOOST_TEST(accountCount(*window.workspace) == 2U);

  int refreshes = 0;
  const int id = window.workspace->subscribe(
      [&](gui::Workspace::Change what) { refreshes += what == gui::Workspace::Change::Database ? 1 : 0; });
  answers.confirmations.push_back(true);
  answers.files.push_back(text(backup));
  command(window.frame, gui::MainFrame::kRestoreCommand);
  window.workspace->unsubscribe(id);
  BOOST_TEST(answers.done());
  BOOST_TEST(!answers.last().Contains("cannot"));
  BOOST_TEST(accountCount(*window.workspace) == 1U);
  BOOST_TEST(refreshes == 1);
}

BOOST_AUTO_TEST_CASE(check_says_in_order_then_names_a_tampered_audit_row) {
  Window window;
  auto& database = window.workspace->database();
  BOOST_TEST_REQUIRE(database.settings().set("note", "first").has_value());
  BOOST_TEST_REQUIRE(database.settings().set("note", "second").has_value());
  Answers answers;
  command(window.frame, gui::MainFrame::kCheckCommand);
  BOOST_TEST(!answers.last().Contains("cannot"));
  BOOST_TEST(answers.last().Contains("in order"));

  const auto tampered = database.connection().exec(
      "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details = 'forged' WHERE id = 1");
  BOOST_TEST_REQUIRE(tampered.has_value());
  command(window.frame, gui::MainFrame::kCheckCommand);
  BOOST_TEST(answers.last().Contains("The check found problems"));
  BOOST_TEST(answers.last().Contains("audit log row 1"));
}

BOOST_AUTO_TEST_CASE(settings_are_saved_where_they_belong_and_read_back) {
  Window window;
  const auto backups = window.dir / "backups-elsewhere";
  std::filesystem::create_directories(backups);
  Answers answers;
  std::size_t detected = 0;
  answers.dialogs.push_back([&](wxDialog& dialog) {
    auto& settings = dynamic_cast<gui::SettingsDialog&>(dialog);
    settings.detectModules();
    detected = settings.detectedModules()->GetCount();
    settings.modulePath()->SetValue("/opt/token/libpkcs11.so");
    settings.automaticBackups()->SetValue(false);
    settings.backupsKept()->SetValue(4);
    settings.backupFolder()->SetPath(text(backups));
    return wxID_OK;
  });
  command(window.frame, wxID_PREFERENCES);
  BOOST_TEST(answers.told.empty());
  BOOST_TEST(detected == services::detectModules().value().size());

  // The company's part is in its database, the user's in wxConfig, the module in the workspace.
  const auto company = services::readCompanySettings(window.workspace->database()).value();
  BOOST_TEST(company.modulePath == "/opt/token/libpkcs11.so");
  BOOST_TEST(!company.automaticBackups);
  BOOST_TEST(company.backupsKept == 4);
  BOOST_TEST(gui::UserSettings::read().backupFolder == backups);
  BOOST_TEST(window.workspace->modulePath() == "/opt/token/libpkcs11.so");
  BOOST_TEST(window.frame->databaseActions().backupFolder() == backups);

  // Shown again, the dialog holds what was saved.
  answers.dialogs.push_back([&](wxDialog& dialog) {
    auto& settings = dynamic_cast<gui::SettingsDialog&>(dialog);
    BOOST_TEST(settings.modulePath()->GetValue() == "/opt/token/libpkcs11.so");
    BOOST_TEST(!settings.automaticBackups()->GetValue());
    BOOST_TEST(settings.backupsKept()->GetValue() == 4);
    BOOST_TEST(settings.backupFolder()->GetPath() == text(backups));
    return wxID_CANCEL;
  });
  command(window.frame, wxID_PREFERENCES);

  // A cleared backup folder means "next to the database" again.
  gui::UserSettings user = gui::UserSettings::read();
  user.backupFolder.clear();
  user.write();
}

BOOST_AUTO_TEST_CASE(a_detected_module_fills_the_module_path) {
  Window window;
  gui::SettingsDialog dialog(window.frame, gui::SettingsAnswers::current(*window.workspace).value());
  dialog.Show();
  pump();
  dialog.detectModules();
  const auto offers = services::detectModules().value();
  BOOST_TEST_REQUIRE(dialog.detectedModules()->GetCount() == offers.size());
  BOOST_TEST_REQUIRE(!offers.empty());
  wxCommandEvent chosen(wxEVT_CHOICE, dialog.detectedModules()->GetId());
  chosen.SetEventObject(dialog.detectedModules());
  dialog.detectedModules()->SetSelection(0);
  chosen.SetInt(0);
  dialog.detectedModules()->GetEventHandler()->ProcessEvent(chosen);
  BOOST_TEST(dialog.modulePath()->GetValue() == wxString::FromUTF8(offers.front().path));
  BOOST_TEST(dialog.answers().company.modulePath == offers.front().path);
}

BOOST_AUTO_TEST_CASE(ctrl_2_shows_the_second_page) {
  Window window;
  auto* pages = window.frame->pages();
  if (pages->GetPageCount() < 2) {
    pages->AddPage(new wxPanel(pages), "second");
    window.frame->updatePageCommands();
  }
  BOOST_TEST_REQUIRE(window.frame->pageCommand(1) != wxID_NONE);
  pages->SetSelection(0);
  window.frame->Raise();
  pages->SetFocus();
  pump();
  wxUIActionSimulator sim;
  sim.Char('2', wxMOD_CONTROL);
  pump(20);
  BOOST_TEST(pages->GetSelection() == 1);
  sim.Char('1', wxMOD_CONTROL);
  pump(20);
  BOOST_TEST(pages->GetSelection() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
