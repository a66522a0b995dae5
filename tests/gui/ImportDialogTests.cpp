#include "Generated.h"
#include "GuiTestSupport.h"
#include "ScriptedAnswers.h"
#include "gui/EntryList.h"
#include "gui/ImportDialog.h"
#include "gui/StatementsPage.h"
#include "services/StatementExport.h"
#include "services/StatementFiles.h"

#include <boost/test/unit_test.hpp>
#include <wx/gauge.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/notebook.h>

#include <chrono>
#include <fstream>

namespace {

using namespace platnik;
using guitest::pump;

std::string utf8(const wxString& text) {
  return text.utf8_string();
}

/// Writes `count` statements of `lines` entries on the account as one camt.053 file.
std::vector<banking::Statement> writeCamt(const std::filesystem::path& path, const std::string& account,
                                          int first, int count, int lines) {
  std::vector<banking::Statement> statements;
  for (int n = first; n < first + count; ++n) {
    statements.push_back(storage::testing::makeStatement(account, n, lines));
  }
  std::ofstream out(path, std::ios::binary);
  const auto written = services::writeStatements(services::StatementExportFormat::Camt053, statements, out,
                                                 nullptr, std::chrono::sys_seconds{std::chrono::days{20000}});
  BOOST_REQUIRE_MESSAGE(written.has_value(), storage::testing::why(written));
  return statements;
}

/// A camt.053 file cut off in the middle of an entry: not well-formed XML.
void writeMalformed(const std::filesystem::path& path, const std::filesystem::path& valid) {
  const auto text = testsupport::readFile(valid);
  std::ofstream out(path, std::ios::binary);
  out << text.substr(0, text.find("</Ntry>") + 20);
}

/// The window with File > Import statements answered by `files`.
struct ImportWindow : guitest::Window {
  explicit ImportWindow(std::vector<std::filesystem::path> files) {
    gui::setStatementFileChooser([files](wxWindow*) { return files; });
  }
  ~ImportWindow() {
    gui::setStatementFileChooser({});
    if (auto* dialog = find()) {
      dialog->Close();
      pump();
    }
  }
  ImportWindow(const ImportWindow&) = delete;
  ImportWindow& operator=(const ImportWindow&) = delete;

  static gui::StatementImportDialog* find() {
    return dynamic_cast<gui::StatementImportDialog*>(
        wxWindow::FindWindowByName(gui::StatementImportDialog::kName));
  }

  /// Chooses File > Import statements as the menu does, and returns the dialog it opened.
  gui::StatementImportDialog* openImport() {
    const int id = frame->GetMenuBar()->FindMenuItem(_("&File"), _("&Import statements…\tCtrl+I"));
    BOOST_REQUIRE(id != wxNOT_FOUND);
    wxCommandEvent event(wxEVT_MENU, id);
    frame->GetEventHandler()->ProcessEvent(event);
    pump();
    auto* dialog = find();
    BOOST_REQUIRE(dialog != nullptr);
    waitUntilDone(dialog);
    return dialog;
  }

  static void waitUntilDone(gui::StatementImportDialog* dialog) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (dialog->busy() && std::chrono::steady_clock::now() < until) {
      pump(1);
    }
    BOOST_REQUIRE_MESSAGE(!dialog->busy(), "the import dialog's work did not finish");
    pump(2);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(ImportDialogTests)

BOOST_AUTO_TEST_CASE(a_good_and_a_malformed_file_are_previewed_and_only_the_good_one_imported) {
  testsupport::TempDir files;
  const auto account = storage::testing::accountNumber(1000);
  const auto good = files / "good.xml";
  const auto written = writeCamt(good, account, 1, 2, 5);
  const auto bad = files / "bad.xml";
  writeMalformed(bad, good);
  ImportWindow window({good, bad});
  int statementChanges = 0;
  const int subscription = window.workspace->subscribe([&](gui::Workspace::Change what) {
    statementChanges += what == gui::Workspace::Change::Statements ? 1 : 0;
  });

  auto* dialog = window.openImport();
  const auto& state = dialog->files();
  BOOST_REQUIRE_EQUAL(state.size(), 2U);
  // The preview: the good file's statements, the bad one's format, place and reason.
  BOOST_REQUIRE(state[0].preview.has_value());
  BOOST_REQUIRE_EQUAL(state[0].preview->statements.size(), 2U);
  BOOST_TEST(state[0].preview->statements[0].entries == 5);
  BOOST_TEST(state[0].preview->statements[1].info.number == written[1].info.number);
  BOOST_REQUIRE(state[1].problem.has_value());
  BOOST_TEST(state[1].problem->where.starts_with("camt.053"));
  BOOST_TEST(state[1].problem->where.find("line") != std::string::npos);
  auto* list = dialog->list();
  BOOST_REQUIRE_EQUAL(list->GetItemCount(), 3);
  BOOST_TEST(utf8(list->GetItemText(0, 2)) == account);
  BOOST_TEST(utf8(list->GetItemText(0, 5)) == "5");
  BOOST_TEST(utf8(list->GetItemText(2, 0)) == "bad.xml");
  BOOST_TEST(utf8(list->GetItemText(2, 8)) == state[1].problem->describe());
  BOOST_TEST(dialog->importButton()->IsEnabled());
  BOOST_TEST(!dialog->cancelButton()->IsEnabled());

  // Import: the good file's entries are new, the bad file is left out.
  guitest::press(dialog->importButton());
  ImportWindow::waitUntilDone(dialog);
  BOOST_REQUIRE(state[0].report.has_value());
  BOOST_TEST(state[0].report->entriesNew == 10);
  BOOST_TEST(state[0].report->entriesAlreadyPresent == 0);
  BOOST_TEST(!state[1].report.has_value());
  BOOST_TEST(statementChanges == 1);
  BOOST_TEST(utf8(dialog->summary()).find("1 of 2") != std::string::npos, utf8(dialog->summary()));

  // Again: everything is already there.
  guitest::press(dialog->importButton());
  ImportWindow::waitUntilDone(dialog);
  BOOST_REQUIRE(state[0].report.has_value());
  BOOST_TEST(state[0].report->entriesNew == 0);
  BOOST_TEST(state[0].report->entriesAlreadyPresent == 10);
  BOOST_TEST(utf8(list->GetItemText(0, 8)).find("10") != std::string::npos);
  window.workspace->unsubscribe(subscription);
}

BOOST_AUTO_TEST_CASE(cancelling_a_large_import_leaves_nothing_of_it) {
  testsupport::TempDir files;
  const auto large = files / "large.xml";
  constexpr int kStatements = 20;
  constexpr int kLines = 2000;
  writeCamt(large, storage::testing::accountNumber(1000), 1, kStatements, kLines);
  ImportWindow window({large});
  auto* dialog = window.openImport();
  BOOST_REQUIRE(dialog->files()[0].preview.has_value());

  guitest::press(dialog->importButton());
  BOOST_TEST(dialog->busy());
  // Cancel once the gauge shows the import under way.
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (dialog->busy() && dialog->gauge()->GetValue() < 3 && std::chrono::steady_clock::now() < until) {
    pump(1);
  }
  BOOST_REQUIRE_MESSAGE(dialog->busy(), "the import finished before it could be cancelled");
  guitest::press(dialog->cancelButton());
  ImportWindow::waitUntilDone(dialog);
  const auto& state = dialog->files()[0];
  BOOST_TEST(!state.report.has_value());
  BOOST_REQUIRE(state.importProblem.has_value());
  BOOST_TEST(static_cast<int>(state.importProblem->code) == static_cast<int>(banking::Errc::Cancelled));

  // Nothing of the cancelled import is in the database: imported now, every entry is new.
  const auto report = services::importStatementFile(window.workspace->database(), large);
  BOOST_REQUIRE_MESSAGE(report.has_value(), storage::testing::why(report));
  BOOST_TEST(report.value().entriesNew == kStatements * kLines);
}

BOOST_AUTO_TEST_CASE(import_a_statement_and_find_an_entry_by_search) {
  testsupport::TempDir files;
  const auto path = files / "statement.xml";
  const auto written = writeCamt(path, storage::testing::accountNumber(1000), 1, 3, 12);
  ImportWindow window({path});
  auto* dialog = window.openImport();
  guitest::press(dialog->importButton());
  ImportWindow::waitUntilDone(dialog);
  BOOST_REQUIRE(dialog->files()[0].report.has_value());
  dialog->Close();
  pump();

  auto* page = window.frame->statementsPage();
  window.frame->pages()->SetSelection(static_cast<std::size_t>(window.frame->pages()->FindPage(page)));
  pump();
  BOOST_TEST(page->rowCount() == 36);
  std::int64_t expected = 0;
  for (const auto& statement : written) {
    for (const auto& entry : statement.entries) {
      expected += entry.counterparty.name == std::string("Čačak Metal d.o.o.") ? 1 : 0;
    }
  }
  BOOST_REQUIRE_GT(expected, 0);
  guitest::typeInto(page->searchControl(), "cacak");
  pump(40);
  BOOST_TEST(page->rowCount() == expected);
  for (long row = 0; row < page->rowCount(); ++row) {
    BOOST_TEST(utf8(page->cellText(row, gui::EntryList::kCounterparty)) == "Čačak Metal d.o.o.");
  }
}

BOOST_AUTO_TEST_SUITE_END()
