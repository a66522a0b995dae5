#include "Generated.h"
#include "GuiTestSupport.h"
#include "ScriptedAnswers.h"
#include "gui/ExportDialog.h"
#include "services/StatementExport.h"
#include "services/StatementFiles.h"

#include <boost/test/unit_test.hpp>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>

#include <chrono>
#include <fstream>

namespace {

using namespace platnik;

/// Imports `count` statements of `lines` entries on the account into the window's database.
void importStatements(guitest::Window& window, const std::string& account, int count, int lines) {
  std::vector<banking::Statement> statements;
  for (int n = 1; n <= count; ++n) {
    statements.push_back(storage::testing::makeStatement(account, n, lines));
  }
  const auto path = window.dir / ("import-" + account + ".xml");
  {
    std::ofstream out(path, std::ios::binary);
    BOOST_REQUIRE(services::writeStatements(services::StatementExportFormat::Camt053, statements, out,
                                            nullptr, std::chrono::sys_seconds{std::chrono::days{20000}})
                      .has_value());
  }
  BOOST_REQUIRE(services::importStatementFile(window.workspace->database(), path).has_value());
  window.workspace->changed(gui::Workspace::Change::Statements);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ExportDialogTests)

BOOST_AUTO_TEST_CASE(csv_of_one_account_with_a_byte_order_mark) {
  guitest::Window window;
  importStatements(window, storage::testing::accountNumber(1000), 3, 4);
  importStatements(window, storage::testing::accountNumber(1001), 2, 5);
  const auto path = window.dir / "export.csv";
  guitest::ScriptedAnswers answers;
  answers.dialogs.push_back([](wxDialog& shown) {
    auto& dialog = dynamic_cast<gui::StatementExportDialog&>(shown);
    BOOST_REQUIRE_EQUAL(dialog.accountList()->GetCount(), 2U);
    dialog.accountList()->Check(0);
    dialog.formatChoice()->SetSelection(1);  // CSV
    wxCommandEvent chosen(wxEVT_CHOICE, dialog.formatChoice()->GetId());
    dialog.formatChoice()->GetEventHandler()->ProcessEvent(chosen);
    BOOST_TEST(dialog.csvStyleChoice()->IsEnabled());
    dialog.csvStyleChoice()->SetSelection(1);  // machine
    dialog.byteOrderMark()->SetValue(true);
    return guitest::pressOk(dialog);
  });
  answers.files.push_back(wxString::FromUTF8(path.string()));
  {
    gui::ScopedModalAnswers scoped(answers);
    gui::exportStatementFiles(window.frame, *window.workspace);
  }
  BOOST_TEST(answers.done());
  BOOST_REQUIRE_EQUAL(answers.told.size(), 1U);
  BOOST_TEST(answers.told[0].utf8_string().find("3 statements with 12 entries") != std::string::npos,
             answers.told[0].utf8_string());
  const auto text = testsupport::readFile(path);
  BOOST_TEST(text.starts_with("\xEF\xBB\xBF"));
  // A header row and one row per entry of the first account only.
  BOOST_TEST(std::count(text.begin(), text.end(), '\n') == 13);
  BOOST_TEST(text.find(storage::testing::accountNumber(1001)) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(halcom_txt_writes_the_recap_beside_the_turnover_file) {
  guitest::Window window;
  importStatements(window, storage::testing::accountNumber(1000), 2, 3);
  const auto path = window.dir / "izvodi.txt";
  guitest::ScriptedAnswers answers;
  answers.dialogs.push_back([](wxDialog& shown) {
    auto& dialog = dynamic_cast<gui::StatementExportDialog&>(shown);
    dialog.accountList()->Check(0);
    BOOST_TEST(!dialog.csvStyleChoice()->IsEnabled());  // Halcom TXT is the first choice
    return guitest::pressOk(dialog);
  });
  answers.files.push_back(wxString::FromUTF8(path.string()));
  {
    gui::ScopedModalAnswers scoped(answers);
    gui::exportStatementFiles(window.frame, *window.workspace);
  }
  BOOST_TEST(answers.done());
  BOOST_REQUIRE_EQUAL(answers.told.size(), 1U);
  BOOST_TEST(answers.told[0].utf8_string().find("2 statements with 6 entries") != std::string::npos,
             answers.told[0].utf8_string());
  // A Halcom pair holds one statement per account: the second statement goes to a second pair.
  const auto second = window.dir / "izvodi-2.txt";
  for (const auto& file : {path, window.dir / "izvodi_cov.txt", second, window.dir / "izvodi-2_cov.txt"}) {
    BOOST_TEST(std::filesystem::exists(file), file);
    BOOST_TEST(answers.told[0].utf8_string().find(file.string()) != std::string::npos, file);
  }
  BOOST_TEST(!std::filesystem::exists(window.dir / "izvodi-3.txt"));
  // What was written reads back as the same statements, in order.
  std::vector<std::string> numbers;
  for (const auto& file : {path, second}) {
    const auto read = services::parseStatementFile(file);
    BOOST_REQUIRE_MESSAGE(read.has_value(), storage::testing::why(read));
    BOOST_REQUIRE_EQUAL(read.value().statements.size(), 1U);
    BOOST_TEST(read.value().statements[0].entries.size() == 3U);
    numbers.push_back(read.value().statements[0].info.number);
  }
  BOOST_TEST(numbers == (std::vector<std::string>{"1", "2"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
