#include "GuiTestSupport.h"
#include "StatementFixture.h"
#include "banking/Account.h"
#include "gui/AccountsPane.h"
#include "gui/BalanceChart.h"
#include "gui/Display.h"
#include "gui/EntryList.h"
#include "gui/MainFrame.h"
#include "gui/StatementsPage.h"

#include <boost/test/unit_test.hpp>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <string>
#include <vector>

using namespace platnik;
using gui::EntryList;
using guitest::pump;
using guitest::typeInto;

namespace {

/// The main window over a company whose statements were imported (camt.053 files through
/// the real import) after the window opened, with the Statements page in front.
struct StatementsWindow : guitest::Window {
  servicestest::CompanyAccounts accounts;
  std::vector<banking::Statement> written;
  gui::StatementsPage* page = frame->statementsPage();

  StatementsWindow() {
    accounts.importAll(workspace->database(), dir.path(), written);
    workspace->changed(gui::Workspace::Change::Statements);
    frame->pages()->SetSelection(static_cast<size_t>(frame->pages()->FindPage(page)));
    pump();
  }

  std::int64_t idOf(const std::string& number) {
    return servicestest::accountId(workspace->database(), number);
  }

  std::int64_t countWritten(const auto& predicate) const {
    std::int64_t count = 0;
    for (const auto& statement : written) {
      count += std::count_if(statement.entries.begin(), statement.entries.end(), predicate);
    }
    return count;
  }

  /// Lets the pause after typing pass, so that the filters apply.
  static void waitForTyping() { pump(40); }
};

std::string utf8(const wxString& text) {
  return text.utf8_string();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(StatementsPageTests)

BOOST_AUTO_TEST_CASE(the_accounts_pane_shows_each_balance_and_the_totals_per_currency) {
  StatementsWindow window;
  auto* pane = window.frame->accountsPane();
  const auto lastDay = storage::testing::dayNumber(servicestest::kStatements - 1);
  for (const auto& number : {window.accounts.rsdFirst, window.accounts.rsdSecond, window.accounts.eur}) {
    const auto text = utf8(pane->accountText(window.idOf(number)));
    BOOST_TEST_INFO("account line: " << text);
    BOOST_CHECK(text.find(banking::Account::parse(number).value().shortForm()) != std::string::npos);
    BOOST_CHECK(text.find(utf8(gui::displayAmountWithCurrency(
                    servicestest::lastClosing(window.written, number)))) != std::string::npos);
    BOOST_CHECK(text.find(utf8(gui::displayDate(lastDay))) != std::string::npos);
  }
  const auto totals = pane->totalTexts();
  BOOST_REQUIRE_EQUAL(totals.size(), 2U);
  const auto rsd = servicestest::lastClosing(window.written, window.accounts.rsdFirst)
                       .plus(servicestest::lastClosing(window.written, window.accounts.rsdSecond))
                       .value();
  BOOST_CHECK(utf8(totals[0]).find("EUR") != std::string::npos);
  BOOST_CHECK(utf8(totals[0]).find(utf8(gui::displayAmount(
                  servicestest::lastClosing(window.written, window.accounts.eur)))) != std::string::npos);
  BOOST_CHECK(utf8(totals[1]).find("RSD") != std::string::npos);
  BOOST_CHECK(utf8(totals[1]).find(utf8(gui::displayAmount(rsd))) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(typing_cacak_in_the_search_box_finds_the_entries_of_cacak) {
  StatementsWindow window;
  auto* page = window.page;
  BOOST_CHECK_EQUAL(page->rowCount(), 3 * servicestest::kStatements * servicestest::kLines);

  typeInto(page->searchControl(), "cacak");
  StatementsWindow::waitForTyping();
  const auto expected = window.countWritten(
      [](const banking::Entry& entry) { return entry.counterparty.name == "Čačak Metal d.o.o."; });
  BOOST_REQUIRE_GT(expected, 0);
  BOOST_CHECK_EQUAL(page->rowCount(), expected);
  BOOST_CHECK_EQUAL(page->entryList()->GetItemCount(), expected);
  for (long row = 0; row < page->rowCount(); ++row) {
    BOOST_CHECK_EQUAL(utf8(page->cellText(row, EntryList::kCounterparty)), "Čačak Metal d.o.o.");
  }
  // The chosen entry's details show all its fields.
  page->selectRow(0);
  pump();
  const auto details = utf8(page->detailsText());
  BOOST_CHECK(details.find("Čačak Metal d.o.o.") != std::string::npos);
  BOOST_CHECK(details.find(utf8(page->cellText(0, EntryList::kPurpose))) != std::string::npos);
  BOOST_CHECK(details.find("BR") != std::string::npos);  // the bank reference

  // Clearing the search lists everything again.
  page->searchControl()->Clear();
  StatementsWindow::waitForTyping();
  BOOST_CHECK_EQUAL(page->rowCount(), 3 * servicestest::kStatements * servicestest::kLines);
}

BOOST_AUTO_TEST_CASE(date_amount_and_direction_filters_narrow_the_list) {
  StatementsWindow window;
  auto* page = window.page;
  typeInto(page->fromControl(), utf8(gui::displayDate(storage::testing::dayNumber(1))).c_str());
  typeInto(page->toControl(), utf8(gui::displayDate(storage::testing::dayNumber(2))).c_str());
  StatementsWindow::waitForTyping();
  BOOST_CHECK(page->problemText().empty());
  BOOST_CHECK_EQUAL(page->rowCount(), 3 * 2 * servicestest::kLines);

  page->directionControl()->SetSelection(2);  // money out
  BOOST_REQUIRE(page->applyFilters());
  const auto outgoingOnDays = window.countWritten([](const banking::Entry& entry) {
    return entry.amount.minorUnits() < 0 && entry.bookingDate != storage::testing::dayNumber(0) &&
           entry.bookingDate != storage::testing::dayNumber(3);
  });
  BOOST_CHECK_EQUAL(page->rowCount(), outgoingOnDays);
  for (long row = 0; row < page->rowCount(); ++row) {
    BOOST_CHECK(page->entryList()->cellText(row, EntryList::kAmount).StartsWith("-"));
  }

  typeInto(page->minAmountControl(), "10.000");
  StatementsWindow::waitForTyping();
  const auto bigOutgoing = window.countWritten([](const banking::Entry& entry) {
    return entry.amount.minorUnits() <= -10'000'00 && entry.bookingDate != storage::testing::dayNumber(0) &&
           entry.bookingDate != storage::testing::dayNumber(3);
  });
  BOOST_CHECK_EQUAL(page->rowCount(), bigOutgoing);
  BOOST_CHECK_LT(page->rowCount(), outgoingOnDays);

  typeInto(page->toControl(), "32.13.2024");
  StatementsWindow::waitForTyping();
  BOOST_CHECK(!page->problemText().empty());
  BOOST_CHECK_EQUAL(page->rowCount(), bigOutgoing);  // the list stays as it was
}

BOOST_AUTO_TEST_CASE(choosing_an_account_lists_its_statements_and_entries_and_charts_its_balance) {
  StatementsWindow window;
  auto* page = window.page;
  const auto id = window.idOf(window.accounts.rsdSecond);
  BOOST_REQUIRE(window.frame->accountsPane()->selectAccount(id));
  pump();
  BOOST_CHECK(page->account() == id);
  BOOST_CHECK_EQUAL(page->rowCount(), servicestest::kStatements * servicestest::kLines);
  BOOST_CHECK_EQUAL(page->statementList()->GetItemCount(), servicestest::kStatements);
  BOOST_CHECK_EQUAL(page->statementList()->GetItemText(0, 1), "104");  // the newest first
  const auto shortForm = banking::Account::parse(window.accounts.rsdSecond).value().shortForm();
  for (long row = 0; row < page->rowCount(); ++row) {
    BOOST_CHECK_EQUAL(utf8(page->cellText(row, EntryList::kAccount)), shortForm);
  }

  page->setPeriod(gui::StatementsPage::Period::Last30Days);
  pump();
  const auto& points = page->chart()->points();
  BOOST_REQUIRE_EQUAL(points.size(), static_cast<std::size_t>(servicestest::kStatements));
  BOOST_CHECK(points.back().amount == servicestest::lastClosing(window.written, window.accounts.rsdSecond));
  BOOST_CHECK(utf8(page->chart()->title()).find(shortForm) != std::string::npos);

  // Searching within the account; "All accounts" lists every account's entries again.
  typeInto(page->searchControl(), "cacak");
  StatementsWindow::waitForTyping();
  BOOST_CHECK_LT(page->rowCount(), servicestest::kStatements * servicestest::kLines);
  const auto inAccount = page->rowCount();
  BOOST_REQUIRE(window.frame->accountsPane()->selectAccount(std::nullopt));
  pump();
  BOOST_CHECK(!page->account().has_value());
  BOOST_CHECK_GT(page->rowCount(), inAccount);
}

BOOST_AUTO_TEST_CASE(choosing_a_statement_shows_only_its_lines_until_all_statements_is_pressed) {
  StatementsWindow window;
  auto* page = window.page;
  const auto all = page->rowCount();
  BOOST_REQUIRE_GT(page->statementList()->GetItemCount(), 1);
  // The second statement of the list, chosen as a click chooses it.
  page->statementList()->SetItemState(1, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
  pump();
  BOOST_REQUIRE(page->statement().has_value());
  BOOST_CHECK_EQUAL(page->rowCount(), servicestest::kLines);
  const auto* count = dynamic_cast<wxStaticText*>(page->FindWindow("entryCount"));
  BOOST_REQUIRE(count != nullptr);
  const std::string number = utf8(page->statementList()->GetItemText(1, 1));
  BOOST_CHECK_MESSAGE(utf8(count->GetLabel()).find("statement " + number) != std::string::npos,
                      utf8(count->GetLabel()));
  // The statement's account is the one in its row: every line shown is on it.
  const wxString account = page->statementList()->GetItemText(1, 0);
  for (long row = 0; row < page->rowCount(); ++row) {
    BOOST_CHECK_EQUAL(page->cellText(row, EntryList::kAccount), account);
  }
  // Filters still apply within the statement.
  page->directionControl()->SetSelection(1);
  wxCommandEvent choice(wxEVT_CHOICE, page->directionControl()->GetId());
  choice.SetEventObject(page->directionControl());
  page->directionControl()->GetEventHandler()->ProcessEvent(choice);
  pump();
  BOOST_CHECK_LT(page->rowCount(), servicestest::kLines);
  page->directionControl()->SetSelection(0);
  page->directionControl()->GetEventHandler()->ProcessEvent(choice);

  auto* allStatements = dynamic_cast<wxButton*>(page->FindWindow("allStatements"));
  BOOST_REQUIRE(allStatements != nullptr);
  BOOST_CHECK(allStatements->IsShown());
  wxCommandEvent press(wxEVT_BUTTON, allStatements->GetId());
  press.SetEventObject(allStatements);
  allStatements->GetEventHandler()->ProcessEvent(press);
  pump();
  BOOST_CHECK(!page->statement().has_value());
  BOOST_CHECK_EQUAL(page->rowCount(), all);
  BOOST_CHECK_EQUAL(page->statementList()->GetSelectedItemCount(), 0);
  BOOST_CHECK(!allStatements->IsShown());
}

BOOST_AUTO_TEST_SUITE_END()
