// The order editor over a real database: the payer chosen from the company's accounts, the
// recipient completed from the address book, and an invoice's QR code read from a picture.
#include "GuiTestSupport.h"
#include "OrderFixtures.h"
#include "gui/MainFrame.h"
#include "gui/OrderEditor.h"
#include "services/DatabaseCommands.h"
#include "storage/Settings.h"
#include "testsupport/QrPicture.h"

#include <boost/test/unit_test.hpp>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/textctrl.h>

#include <fstream>

using platnik::banking::OrderField;
using namespace platnik::guitest;

BOOST_AUTO_TEST_SUITE(OrderEditorDataTests)

BOOST_AUTO_TEST_CASE(the_payer_is_chosen_from_the_companys_accounts) {
  Window window;
  auto& database = window.workspace->database();
  BOOST_REQUIRE(database.settings().setCompany({"Knjigovodstvo Petrović", "Čačak", "", ""}).has_value());
  BOOST_REQUIRE(platnik::services::addBank(database, "160", "", "").has_value());
  BOOST_REQUIRE(platnik::services::addAccount(database, "160-182039-69", "RSD", "Tekući").has_value());
  window.workspace->changed(platnik::gui::Workspace::Change::Accounts);
  auto* editor = window.frame->orderEditor();
  auto* choice = editor->payerAccountChoice();
  BOOST_REQUIRE(choice->GetCount() == 2U);
  BOOST_TEST(choice->GetString(1).StartsWith("160-182039-69"));

  editor->choosePayerAccount(1);
  const auto order = editor->order();
  BOOST_TEST(order.payerAccount == "160-182039-69");
  BOOST_TEST(order.payerName == "Knjigovodstvo Petrović");
  BOOST_TEST(order.payerPlace == "Čačak");
  BOOST_TEST(editor->messageFor(OrderField::PayerAccount).empty());
}

BOOST_AUTO_TEST_CASE(typing_a_contacts_name_fills_its_defaults) {
  Window window;
  platnik::services::ContactInput contact;
  contact.name = "Telekom Srbija";
  contact.place = "Beograd";
  contact.accounts = {"845000000040484987"};
  contact.paymentCode = "221";
  contact.purpose = "Račun za telefon";
  contact.creditModel = "97";
  contact.creditReference = "163220000111111111000";
  BOOST_REQUIRE(platnik::services::addContact(window.workspace->database(), contact).has_value());
  window.workspace->changed(platnik::gui::Workspace::Change::Contacts);
  auto* editor = window.frame->orderEditor();
  typeInto(editor->fieldControl(OrderField::Purpose), "Moja svrha");

  typeInto(editor->fieldControl(OrderField::RecipientName), "Telekom Srbija");
  const auto order = editor->order();
  BOOST_TEST(order.recipientName == "Telekom Srbija");
  BOOST_TEST(order.recipientPlace == "Beograd");
  BOOST_TEST(order.recipientAccount == "845-404849-87");
  BOOST_TEST(order.paymentCode == "221");
  BOOST_TEST(order.purpose == "Račun za telefon");
  BOOST_TEST(order.creditReference.model == "97");
  BOOST_TEST(order.creditReference.number == "163220000111111111000");
  BOOST_TEST(editor->messageFor(OrderField::RecipientAccount).empty());
}

BOOST_AUTO_TEST_CASE(an_invoices_qr_picture_fills_the_order) {
  Window window;
  auto* editor = window.frame->orderEditor();
  platnik::testsupport::writeQrPng(std::string(platnik::gui::MainFrame::demoIpsQr()),
                                   window.dir / "bill.png");
  OrderAnswers answers;
  answers.files = {wxString::FromUTF8((window.dir / "bill.png").string())};
  // "Open QR image…": the file chooser (answered by the test), then the picture is read.
  wxCommandEvent click(wxEVT_BUTTON, editor->openQrButton()->GetId());
  click.SetEventObject(editor->openQrButton());
  editor->openQrButton()->ProcessWindowEvent(click);
  pump();
  BOOST_TEST(answers.files.empty());
  BOOST_TEST(editor->qrMessage().empty());
  const auto order = editor->order();
  BOOST_TEST(order.recipientAccount == "845000000040484987");
  BOOST_TEST(order.recipientName == "JP EPS BEOGRAD");
  BOOST_TEST(order.amount.minorUnits() == 359613);
  BOOST_TEST(order.purpose == "Uplata po računu za struju");
  BOOST_TEST(order.creditReference.number == "163220000111111111000");

  // A picture without a QR code leaves the order as it is and says why.
  std::ofstream(window.dir / "notes.png") << "not a picture";
  BOOST_TEST(!editor->fillFromQrImage(window.dir / "notes.png"));
  BOOST_TEST(!editor->qrMessage().empty());
  BOOST_TEST(editor->order().recipientAccount == "845000000040484987");
}

BOOST_AUTO_TEST_SUITE_END()
