#include "GuiTestSupport.h"
#include "ScriptedAnswers.h"
#include "gui/AddressBook.h"
#include "services/ContactBook.h"

#include <boost/test/unit_test.hpp>
#include <wx/listctrl.h>
#include <wx/notebook.h>

using namespace platnik;
using gui::AddressBookPage;
using Field = gui::ContactForm::Field;
using platnik::guitest::press;
using platnik::guitest::pressOk;
using platnik::guitest::pump;
using platnik::guitest::ScriptedAnswers;
using platnik::guitest::typeInto;

namespace {

/// The main window with the address book page shown.
struct AddressBookWindow : guitest::Window {
  ScriptedAnswers answers;
  gui::ScopedModalAnswers scoped{answers};
  AddressBookPage* page = nullptr;

  AddressBookWindow() {
    auto* pages = frame->pages();
    for (std::size_t i = 0; i < pages->GetPageCount(); ++i) {
      if (auto* found = dynamic_cast<AddressBookPage*>(pages->GetPage(i))) {
        page = found;
        pages->SetSelection(i);
      }
    }
    BOOST_TEST_REQUIRE(page != nullptr);
    pump();
  }

  [[nodiscard]] wxTextCtrl* field(Field which) const { return page->form()->fieldControl(which); }
  [[nodiscard]] int rows() const { return page->list()->GetItemCount(); }
  [[nodiscard]] wxString cell(long row, int column) const { return page->list()->GetItemText(row, column); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(AddressBookTests)

BOOST_AUTO_TEST_CASE(a_wrong_account_shows_its_message_fixed_it_saves_and_search_finds_it) {
  AddressBookWindow window;
  BOOST_TEST(window.rows() == 0);
  window.field(Field::Name)->SetValue(wxString::FromUTF8("Šljivić i sinovi d.o.o."));
  typeInto(window.field(Field::Place), "Kraljevo");
  typeInto(window.field(Field::Accounts), "160000000018203968");
  typeInto(window.field(Field::PaymentCode), "221");
  press(window.page->saveButton());
  BOOST_TEST(window.page->form()->messageFor(Field::Accounts).Contains("control digits"));
  BOOST_TEST(window.page->form()->messageFor(Field::Name).empty());
  BOOST_TEST(window.rows() == 0);

  // Fixed while typing: the message goes as soon as the account is right.
  typeInto(window.field(Field::Accounts), "160-182039-69");
  BOOST_TEST(window.page->form()->messageFor(Field::Accounts).empty());
  press(window.page->saveButton());
  BOOST_TEST(window.page->statusText().StartsWith("Saved: "));
  BOOST_TEST_REQUIRE(window.rows() == 1);
  BOOST_TEST(window.cell(0, 0) == wxString::FromUTF8("Šljivić i sinovi d.o.o."));
  BOOST_TEST(window.cell(0, 1) == "Kraljevo");
  BOOST_TEST(window.cell(0, 2) == "160-182039-69");
  BOOST_TEST(window.cell(0, 3) == "221");

  services::ContactInput other;
  other.name = "Vodovod";
  other.place = "Beograd";
  auto otherId = services::addContact(window.workspace->database(), other);
  BOOST_TEST_REQUIRE(otherId.has_value());
  window.workspace->changed(gui::Workspace::Change::Contacts);
  BOOST_TEST(window.rows() == 2);

  // Search folds case and diacritics, and finds accounts in any form.
  typeInto(window.page->searchField(), "sljivic");
  BOOST_TEST_REQUIRE(window.rows() == 1);
  BOOST_TEST(window.cell(0, 1) == "Kraljevo");
  typeInto(window.page->searchField(), "160000000018203969");
  BOOST_TEST(window.rows() == 1);
  typeInto(window.page->searchField(), "beograd");
  BOOST_TEST_REQUIRE(window.rows() == 1);
  BOOST_TEST(window.cell(0, 0) == "Vodovod");
  typeInto(window.page->searchField(), "nobody");
  BOOST_TEST(window.rows() == 0);
}

BOOST_AUTO_TEST_CASE(a_contact_is_edited_with_checked_references_and_deleted) {
  AddressBookWindow window;
  services::ContactInput input;
  input.name = "Elektro Srbija";
  input.accounts = {"160000000018203969"};
  BOOST_TEST_REQUIRE(services::addContact(window.workspace->database(), input).has_value());
  window.workspace->changed(gui::Workspace::Change::Contacts);
  BOOST_TEST_REQUIRE(window.rows() == 1);

  window.page->list()->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
  pump();
  BOOST_TEST(window.field(Field::Name)->GetValue() == "Elektro Srbija");
  typeInto(window.field(Field::CreditModel), "97");
  typeInto(window.field(Field::CreditReference), "931234567890");
  press(window.page->saveButton());
  BOOST_TEST(!window.page->form()->messageFor(Field::CreditReference).empty());
  typeInto(window.field(Field::CreditReference), "921234567890");
  BOOST_TEST(window.page->form()->messageFor(Field::CreditReference).empty());
  press(window.page->saveButton());
  const auto stored = window.workspace->database().contacts().list().value();
  BOOST_TEST_REQUIRE(stored.size() == 1U);
  BOOST_TEST(stored.front().creditReference.number == "921234567890");

  window.answers.confirmations = {false};
  press(window.page->deleteButton());
  BOOST_TEST(window.rows() == 1);
  window.answers.confirmations = {true};
  press(window.page->deleteButton());
  BOOST_TEST(window.rows() == 0);
  BOOST_TEST(window.workspace->database().contacts().list().value().empty());
}

BOOST_AUTO_TEST_CASE(save_as_contact_from_another_page) {
  AddressBookWindow window;
  services::ContactInput prefilled;
  prefilled.name = "JP EPS Beograd";
  prefilled.place = "Beograd";
  prefilled.accounts = {"845000000040484987"};
  prefilled.paymentCode = "2x9";  // as the order had it: the dialog shows what is wrong
  prefilled.purpose = "Struja";
  window.answers.dialogs.push_back([](wxDialog& dialog) {
    auto* contact = dynamic_cast<gui::ContactDialog*>(&dialog);
    BOOST_TEST_REQUIRE(contact != nullptr);
    BOOST_TEST(contact->form()->fieldControl(Field::Name)->GetValue() == "JP EPS Beograd");
    BOOST_TEST(contact->form()->fieldControl(Field::Accounts)->GetValue() == "845-404849-87");
    BOOST_TEST(pressOk(dialog) == wxID_NONE);
    BOOST_TEST(!contact->form()->messageFor(Field::PaymentCode).empty());
    contact->form()->fieldControl(Field::PaymentCode)->SetValue("189");
    return pressOk(dialog);
  });
  const auto id = gui::saveAsContact(window.frame, *window.workspace, prefilled);
  BOOST_TEST_REQUIRE(id.has_value());
  BOOST_TEST(window.answers.done());
  BOOST_TEST_REQUIRE(window.rows() == 1);  // the address book heard of it
  BOOST_TEST(window.cell(0, 0) == "JP EPS Beograd");
  BOOST_TEST(window.cell(0, 3) == "189");

  // Cancelled: nothing saved.
  window.answers.dialogs.push_back([](wxDialog&) { return wxID_CANCEL; });
  BOOST_TEST(!gui::saveAsContact(window.frame, *window.workspace, prefilled).has_value());
  BOOST_TEST(window.rows() == 1);
}

BOOST_AUTO_TEST_SUITE_END()
