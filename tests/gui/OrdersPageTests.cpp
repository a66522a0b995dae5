// The Orders page over a real database file: listing with states and problems, filters,
// the selection's totals, and the actions from buttons and the keyboard.
#include "GuiTestSupport.h"
#include "OrderFixtures.h"
#include "gui/Display.h"
#include "gui/OrderEditor.h"
#include "gui/OrdersPage.h"

#include <boost/test/unit_test.hpp>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/uiaction.h>

#include <algorithm>

using platnik::banking::Currency;
using platnik::banking::Money;
using platnik::banking::OrderField;
using platnik::banking::OrderState;
using platnik::gui::OrdersPage;
using namespace platnik::guitest;

namespace {

OrdersPage& pageOf(Window& window) {
  auto* page = window.frame->ordersPage();
  BOOST_REQUIRE(page != nullptr);
  window.frame->pages()->SetSelection(static_cast<size_t>(window.frame->pages()->FindPage(page)));
  pump();
  return *page;
}

std::vector<std::int64_t> shownIds(const OrdersPage& page) {
  std::vector<std::int64_t> ids;
  for (const auto& row : page.shown()) {
    ids.push_back(row.id);
  }
  return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(OrdersPageTests)

BOOST_AUTO_TEST_CASE(orders_are_listed_with_their_state_and_problems_and_the_selection_is_totalled) {
  Window window;
  auto& database = window.workspace->database();
  const auto first = storeOrder(database, validOrder(1'000'00, "Struja za mart"));
  auto broken = validOrder(250'50, "Voda");
  broken.recipientAccount = "160000000018203968";  // wrong control digits
  const auto second = storeOrder(database, broken);
  const auto third = storeOrder(database, validOrder(2'345'67, "Telefon"));
  window.workspace->changed(platnik::gui::Workspace::Change::Orders);
  auto& page = pageOf(window);

  BOOST_TEST((shownIds(page) == std::vector<std::int64_t>{first, second, third}));
  auto* list = page.list();
  BOOST_TEST(list->GetItemCount() == 3);
  BOOST_TEST(list->GetItemText(0, 0) == OrdersPage::stateText(OrderState::Ready));
  BOOST_TEST(list->GetItemText(1, 0) == OrdersPage::stateText(OrderState::Draft));
  BOOST_TEST(list->GetItemText(0, 3) ==
             platnik::gui::displayAmountWithCurrency(Money(1'000'00, Currency::rsd())));
  BOOST_TEST(list->GetItemText(1, 6).Contains("control digits"));
  BOOST_TEST(list->GetItemText(0, 6).empty());
  BOOST_TEST(list->GetItemText(2, 5) == "Telefon");

  page.select({first, third});
  BOOST_TEST((page.selectedIds() == std::vector<std::int64_t>{first, third}));
  BOOST_TEST(page.selectionSummary().StartsWith("Selected: 2,"));
  BOOST_TEST(page.selectionSummary().Contains(
      platnik::gui::displayAmountWithCurrency(Money(1'000'00 + 2'345'67, Currency::rsd()))));

  page.select({second});
  BOOST_TEST(page.problemsText().Contains("Recipient account"));
}

BOOST_AUTO_TEST_CASE(the_state_and_text_filters_narrow_the_list) {
  Window window;
  auto& database = window.workspace->database();
  const auto power = storeOrder(database, validOrder(1'000'00, "Struja za mart"));
  auto draft = validOrder(99'00, "Članarina");
  draft.paymentCode.clear();
  const auto fee = storeOrder(database, draft);
  window.workspace->changed(platnik::gui::Workspace::Change::Orders);
  auto& page = pageOf(window);
  BOOST_TEST(page.shown().size() == 2U);

  // State "Draft": the third entry after "All but deleted" and "All".
  page.stateFilter()->SetSelection(2);
  wxCommandEvent choice(wxEVT_CHOICE, page.stateFilter()->GetId());
  choice.SetEventObject(page.stateFilter());
  page.stateFilter()->ProcessWindowEvent(choice);
  BOOST_TEST((shownIds(page) == std::vector<std::int64_t>{fee}));

  page.stateFilter()->SetSelection(0);
  page.stateFilter()->ProcessWindowEvent(choice);
  // The search folds diacritics: "clanarina" finds "Članarina".
  typeInto(page.textFilter(), "clanarina");
  BOOST_TEST((shownIds(page) == std::vector<std::int64_t>{fee}));
  typeInto(page.textFilter(), "struja mart");
  BOOST_TEST((shownIds(page) == std::vector<std::int64_t>{power}));
}

BOOST_AUTO_TEST_CASE(new_duplicate_and_delete_act_on_the_selection) {
  Window window;
  OrderAnswers answers;
  auto& database = window.workspace->database();
  const auto original = storeOrder(database, validOrder(500'00, "Kirija"));
  window.workspace->changed(platnik::gui::Workspace::Change::Orders);
  auto& page = pageOf(window);
  page.select({original});
  page.list()->SetFocus();
  pump();

  page.duplicateSelected();
  pump();
  BOOST_REQUIRE(page.shown().size() == 2U);
  const auto copy = page.shown().back().id;
  BOOST_TEST(copy != original);
  BOOST_TEST((storedRow(database, copy).order == storedRow(database, original).order));
  BOOST_TEST((page.selectedIds() == std::vector<std::int64_t>{copy}));

  // Delete asks first; "no" keeps it.
  answers.yes = false;
  page.deleteSelected();
  pump();
  BOOST_TEST(answers.confirmations == 1);
  BOOST_TEST(page.shown().size() == 2U);
  answers.yes = true;
  page.deleteSelected();
  pump();
  BOOST_TEST(answers.confirmations == 2);
  BOOST_TEST((shownIds(page) == std::vector<std::int64_t>{original}));
  BOOST_TEST((storedRow(database, copy).state == OrderState::Cancelled));

  // New: a blank order in the editor, brought to the front.
  window.frame->orderEditor()->editStoredOrder(original, storedRow(database, original).order);
  page.newOrder();
  pump();
  BOOST_TEST(window.frame->pages()->GetCurrentPage() == window.frame->orderEditor());
  BOOST_TEST(window.frame->orderEditor()->isBlank());
  BOOST_TEST(!window.frame->orderEditor()->storedId().has_value());
}

BOOST_AUTO_TEST_CASE(the_keys_on_the_list_duplicate_delete_edit_and_add) {
  Window window;
  OrderAnswers answers;
  auto& database = window.workspace->database();
  const auto original = storeOrder(database, validOrder(900'00, "Telefon"));
  window.workspace->changed(platnik::gui::Workspace::Change::Orders);
  auto& page = pageOf(window);
  page.select({original});
  page.list()->SetFocus();
  pump();
  BOOST_REQUIRE(page.list()->HasFocus());
  wxUIActionSimulator keys;

  // Ctrl+D: a copy, selected.
  keys.Char('d', wxMOD_CONTROL);
  pump();
  BOOST_REQUIRE(page.shown().size() == 2U);
  const auto copy = page.shown().back().id;
  BOOST_TEST(copy != original);
  BOOST_TEST((page.selectedIds() == std::vector<std::int64_t>{copy}));

  // Del: asks, then deletes the copy.
  page.list()->SetFocus();
  pump();
  keys.Char(WXK_DELETE);
  pump();
  BOOST_TEST(answers.confirmations == 1);
  BOOST_TEST((shownIds(page) == std::vector<std::int64_t>{original}));
  BOOST_TEST((storedRow(database, copy).state == OrderState::Cancelled));

  // The keys belong to the list: Del in the search field edits the text, deletes nothing.
  page.select({original});
  typeInto(page.textFilter(), "Telefon");
  page.textFilter()->SetInsertionPoint(0);
  keys.Char(WXK_DELETE);
  pump();
  BOOST_TEST(page.textFilter()->GetValue() == "elefon");
  BOOST_TEST(answers.confirmations == 1);
  page.textFilter()->Clear();
  pump();

  // Enter: the selected order in the editor.
  page.select({original});
  page.list()->SetFocus();
  pump();
  keys.Char(WXK_RETURN);
  pump();
  auto* editor = window.frame->orderEditor();
  BOOST_TEST(window.frame->pages()->GetCurrentPage() == editor);
  BOOST_TEST((editor->storedId() == original));

  // Ins: a blank new order in the editor.
  pageOf(window);
  page.list()->SetFocus();
  pump();
  keys.Char(WXK_INSERT);
  pump();
  BOOST_TEST(window.frame->pages()->GetCurrentPage() == editor);
  BOOST_TEST(editor->isBlank());
  BOOST_TEST(!editor->storedId().has_value());
}

BOOST_AUTO_TEST_CASE(edit_opens_the_order_and_save_updates_it) {
  Window window;
  auto& database = window.workspace->database();
  const auto id = storeOrder(database, validOrder(700'00, "Stara svrha"));
  window.workspace->changed(platnik::gui::Workspace::Change::Orders);
  auto& page = pageOf(window);
  page.select({id});
  page.editSelected();
  pump();
  auto* editor = window.frame->orderEditor();
  BOOST_TEST(window.frame->pages()->GetCurrentPage() == editor);
  BOOST_TEST((editor->storedId() == id));
  BOOST_TEST(editor->order().purpose == "Stara svrha");

  typeInto(editor->fieldControl(OrderField::Purpose), "Nova svrha");
  BOOST_REQUIRE(editor->save());
  BOOST_TEST(editor->saveMessage().Contains("ready to sign"));
  const auto stored = storedRow(database, id);
  BOOST_TEST(stored.order.purpose == "Nova svrha");
  BOOST_TEST((stored.state == OrderState::Ready));
  BOOST_TEST(page.shown().size() == 1U);  // an update, not a new order
  BOOST_TEST(page.list()->GetItemText(0, 5) == "Nova svrha");

  // A new order with a problem is kept as a draft, and the list marks it.
  editor->newOrder();
  typeInto(editor->fieldControl(OrderField::RecipientName), "Neko");
  BOOST_REQUIRE(editor->save());
  BOOST_TEST(editor->saveMessage().Contains("draft"));
  BOOST_REQUIRE(page.shown().size() == 2U);
  BOOST_TEST((page.shown().back().state == OrderState::Draft));
  BOOST_TEST(!page.shown().back().problems.empty());
}

BOOST_AUTO_TEST_CASE(orders_from_the_accounting_program_are_imported_with_their_problems_marked) {
  Window window;
  OrderAnswers answers;
  auto& page = pageOf(window);
  answers.files = {wxString::FromUTF8(
      (platnik::testsupport::sourceDir() / "tests/formats/halcom/fixtures/orders_cp1250.txt").string())};
  page.importOrders();
  BOOST_TEST(answers.last().StartsWith("Imported as drafts: 3 orders"), answers.last());
  BOOST_REQUIRE(page.shown().size() == 3U);
  BOOST_TEST(page.selectedIds().size() == 3U);
  for (const auto& row : page.shown()) {
    BOOST_TEST((row.state == OrderState::Draft));
  }
  // The first order's model-97 reference has wrong control digits: the list says so in words.
  BOOST_TEST(page.list()->GetItemText(0, 6).Contains("model 97 reference"));
  BOOST_TEST(page.shown().front().order.recipientName == "Šumadija promet DOO");
}

BOOST_AUTO_TEST_SUITE_END()
