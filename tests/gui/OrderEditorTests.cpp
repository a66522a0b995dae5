#include "GuiTestSupport.h"
#include "gui/MainFrame.h"
#include "gui/OrderEditor.h"

#include <boost/test/unit_test.hpp>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/clipbrd.h>
#include <wx/dataobj.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

using platnik::banking::OrderField;
using platnik::gui::MainFrame;

using platnik::guitest::pump;
using platnik::guitest::typeInto;
using platnik::guitest::Window;

BOOST_AUTO_TEST_SUITE(OrderEditorTests)

BOOST_AUTO_TEST_CASE(a_wrong_account_shows_a_message_beside_the_field_until_fixed) {
  Window window;
  auto* editor = window.frame->orderEditor();
  auto* account = editor->fieldControl(OrderField::RecipientAccount);

  typeInto(account, "160000000018203968");
  BOOST_TEST(account->GetValue() == "160000000018203968");
  BOOST_TEST(!editor->messageFor(OrderField::RecipientAccount).empty());

  typeInto(account, "160-182039-69");
  BOOST_TEST(editor->messageFor(OrderField::RecipientAccount).empty());
}

BOOST_AUTO_TEST_CASE(pasting_an_ips_qr_string_fills_the_order) {
  Window window;
  auto* editor = window.frame->orderEditor();
  const wxString qr = wxString::FromUTF8(
      "K:PR|V:01|C:1|R:845000000040484987|N:JP EPS BEOGRAD\nBALKANSKA 13\nBEOGRAD|I:RSD3596,13|SF:189|"
      "S:Uplata po racunu|RO:97163220000111111111000");
  BOOST_REQUIRE(wxTheClipboard->Open());
  wxTheClipboard->SetData(new wxTextDataObject(qr));
  wxTheClipboard->Close();
  pump();

  // A short window, as on a laptop: the fields scroll, the QR and Save buttons stay in sight.
  // (The frame's place is restored from the previous test's window, and without a window
  // manager that can be larger than the screen; the click must land on the screen.)
  window.frame->SetSize(wxRect(0, 0, 1000, 560));
  pump(20);
  const wxRect screen(wxPoint(0, 0), wxGetDisplaySize());
  const wxRect frameRect = window.frame->GetScreenRect();
  for (auto* control :
       {static_cast<wxWindow*>(editor->pasteQrButton()), static_cast<wxWindow*>(editor->openQrButton()),
        static_cast<wxWindow*>(editor->saveButton())}) {
    BOOST_TEST(frameRect.Contains(control->GetScreenRect()));
    BOOST_TEST(screen.Contains(control->GetScreenRect()));
  }
  auto* form = editor->pasteQrButton()->GetParent()->FindWindow("order_form");
  BOOST_REQUIRE(form != nullptr);
  BOOST_TEST(form->GetVirtualSize().y > form->GetClientSize().y);  // the fields scroll

  wxUIActionSimulator sim;
  const wxRect button = editor->pasteQrButton()->GetScreenRect();
  sim.MouseMove(button.GetX() + button.GetWidth() / 2, button.GetY() + button.GetHeight() / 2);
  pump();
  sim.MouseClick();
  pump(20);

  BOOST_TEST(editor->qrMessage().empty());
  const auto order = editor->order();
  BOOST_TEST(order.recipientAccount == "845000000040484987");
  BOOST_TEST(order.recipientName == "JP EPS BEOGRAD");
  BOOST_TEST(order.recipientPlace == "BEOGRAD");
  BOOST_TEST(order.amount.minorUnits() == 359613);
  BOOST_TEST(order.paymentCode == "289");
  BOOST_TEST(order.creditReference.model == "97");
  BOOST_TEST(order.creditReference.number == "163220000111111111000");
  BOOST_TEST(editor->fieldControl(OrderField::Amount)->GetValue() == "3.596,13");
  BOOST_TEST(editor->messageFor(OrderField::RecipientAccount).empty());
  BOOST_TEST(editor->messageFor(OrderField::CreditReference).empty());
}

BOOST_AUTO_TEST_CASE(a_string_that_is_not_an_ips_qr_is_refused_with_the_tag) {
  Window window;
  auto* editor = window.frame->orderEditor();
  BOOST_TEST(!editor->fillFromQr("K:PR|V:01|C:1|R:845000000040484999|N:X|I:RSD1,00|SF:189"));
  BOOST_TEST(editor->qrMessage().StartsWith("R"));
  BOOST_TEST(editor->order().recipientAccount.empty());
}

BOOST_AUTO_TEST_CASE(the_route_follows_amount_and_urgency) {
  Window window;
  auto* editor = window.frame->orderEditor();
  typeInto(editor->fieldControl(OrderField::Amount), "300.000,00");
  BOOST_TEST(editor->routeText().Lower().Contains("clearing"));
  typeInto(editor->fieldControl(OrderField::Amount), "300.000,01");
  BOOST_TEST(editor->routeText().Lower().Contains("rtgs"));
}

BOOST_AUTO_TEST_SUITE_END()
