#include "GuiTestSupport.h"
#include "gui/Language.h"
#include "gui/MainFrame.h"

#include <boost/test/unit_test.hpp>
#include <wx/app.h>
#include <wx/config.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <string>

using platnik::banking::OrderField;
using platnik::gui::MainFrame;

namespace {

using platnik::guitest::pump;

wxString utf8(const char* text) {
  return wxString::FromUTF8(text);
}

/// Starts in English with one main window; at the end closes every window and goes back to
/// English, so the next test starts as a fresh program would.
struct EnglishWindow : platnik::guitest::TestWorkspace {
  EnglishWindow() {
    BOOST_REQUIRE(platnik::gui::applyLanguage("en"));
    frame = new MainFrame(*workspace);
    frame->Show();
    wxTheApp->SetTopWindow(frame);
    pump(20);
  }
  ~EnglishWindow() {
    for (auto* window : wxTopLevelWindows) {
      window->Destroy();
    }
    pump();
    platnik::gui::applyLanguage("en");
  }

  /// Chooses View > Language > <code> as the user does; returns the window that replaced this one.
  MainFrame* choose(const char* code) {
    const int command = frame->languageCommand(code);
    BOOST_REQUIRE(command != wxID_NONE);
    wxCommandEvent event(wxEVT_MENU, command);
    event.SetEventObject(frame);
    frame->ProcessWindowEvent(event);
    pump(20);
    frame = dynamic_cast<MainFrame*>(wxTheApp->GetTopWindow());
    BOOST_REQUIRE(frame != nullptr);
    return frame;
  }

  MainFrame* frame = nullptr;
};

bool showsLabel(const wxWindow& parent, const wxString& label) {
  for (const auto* child : parent.GetChildren()) {
    const auto* text = dynamic_cast<const wxStaticText*>(child);
    if ((text != nullptr && text->GetLabel() == label) || showsLabel(*child, label)) {
      return true;
    }
  }
  return false;
}

wxString remembered() {
  wxString code;
  wxConfigBase::Get()->Read("/Language", &code);
  return code;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(LanguageTests)

BOOST_AUTO_TEST_CASE(choosing_serbian_cyrillic_relabels_the_window_and_is_remembered) {
  EnglishWindow window;
  BOOST_TEST(window.frame->pages()->GetPageText(0) == "Payment order");
  BOOST_TEST(showsLabel(*window.frame->orderEditor(), "Payer account"));

  auto* frame = window.choose("sr");
  BOOST_TEST(platnik::gui::currentLanguage() == "sr");
  BOOST_TEST(frame->pages()->GetPageText(0) == utf8("Налог за пренос"));
  BOOST_TEST(showsLabel(*frame->orderEditor(), utf8("Рачун платиоца")));
  BOOST_TEST(showsLabel(*frame->orderEditor(), utf8("Шифра плаћања")));
  BOOST_TEST(!showsLabel(*frame->orderEditor(), "Payer account"));
  BOOST_TEST(frame->GetMenuBar()->IsChecked(frame->languageCommand("sr")));
  BOOST_TEST(remembered() == "sr");
  BOOST_TEST(platnik::gui::preferredLanguage() == "sr");
  BOOST_TEST(wxTopLevelWindows.size() == 1u);  // the English window is gone, not hidden
}

BOOST_AUTO_TEST_CASE(serbian_latin_and_back_to_english) {
  EnglishWindow window;
  auto* latin = window.choose("sr@latin");
  BOOST_TEST(latin->pages()->GetPageText(0) == "Nalog za prenos");
  BOOST_TEST(showsLabel(*latin->orderEditor(), utf8("Svrha plaćanja")));
  BOOST_TEST(showsLabel(*latin->orderEditor(), "Poziv na broj (odobrenje)"));
  BOOST_TEST(latin->orderEditor()->routeText() == "Platni sistem: kliring");

  auto* english = window.choose("en");
  BOOST_TEST(english->pages()->GetPageText(0) == "Payment order");
  BOOST_TEST(english->orderEditor()->routeText() == "Route: clearing");
  BOOST_TEST(remembered() == "en");
}

BOOST_AUTO_TEST_CASE(the_order_being_typed_survives_a_change_of_language) {
  EnglishWindow window;
  window.frame->orderEditor()->fieldControl(OrderField::RecipientAccount)->ChangeValue("160-182039-69");
  window.frame->orderEditor()->fieldControl(OrderField::Purpose)->ChangeValue(utf8("Plaćanje po računu 12"));
  auto* frame = window.choose("sr");
  const auto order = frame->orderEditor()->order();
  BOOST_TEST(order.recipientAccount == "160-182039-69");
  BOOST_TEST(order.purpose == "Plaćanje po računu 12");  // the user's text is not transliterated
}

BOOST_AUTO_TEST_CASE(an_unknown_language_is_refused_and_the_current_one_kept) {
  BOOST_REQUIRE(platnik::gui::applyLanguage("sr@latin"));
  BOOST_TEST(!platnik::gui::applyLanguage("de"));
  BOOST_TEST(platnik::gui::currentLanguage() == "sr@latin");
  BOOST_TEST(wxGetTranslation("Urgent") == "Hitno");
  BOOST_REQUIRE(platnik::gui::applyLanguage("en"));
  BOOST_TEST(wxGetTranslation("Urgent") == "Urgent");
}

BOOST_AUTO_TEST_CASE(the_demo_order_comes_from_an_ips_qr_code_and_shows_what_is_missing) {
  EnglishWindow window;
  auto* editor = window.frame->orderEditor();
  window.frame->fillDemoOrder();
  pump();
  const auto order = editor->order();
  BOOST_TEST(order.recipientAccount == "845000000040484987");
  BOOST_TEST(order.recipientName == "JP EPS BEOGRAD");
  BOOST_TEST(editor->fieldControl(OrderField::Amount)->GetValue() == "3.596,13");
  BOOST_TEST(order.executionDate.has_value());
  // dd.mm.yyyy, whatever the language
  BOOST_TEST(editor->fieldControl(OrderField::ExecutionDate)->GetValue().Matches("??.??.????"));
  BOOST_TEST(editor->messageFor(OrderField::RecipientAccount).empty());
  // The payer is the bookkeeper's to choose: the editor says so beside the field.
  BOOST_TEST(!editor->messageFor(OrderField::PayerAccount).empty());
}

BOOST_AUTO_TEST_CASE(no_label_is_cut_off_in_any_language) {
  EnglishWindow window;
  for (const char* code : {"en", "sr@latin", "sr"}) {
    auto* frame = window.choose(code);
    frame->fillDemoOrder();
    pump();
    BOOST_TEST_CONTEXT("language " << code) {
      for (const auto* child : frame->orderEditor()->GetChildren()) {
        const auto* label = dynamic_cast<const wxStaticText*>(child);
        // Messages beside the fields are cut with "…" on purpose (their tooltip has them whole).
        if (label == nullptr || label->HasFlag(wxST_ELLIPSIZE_END) || label->GetLabel().empty()) {
          continue;
        }
        BOOST_TEST_CONTEXT("label \"" << label->GetLabel().utf8_string() << '"') {
          BOOST_TEST(label->GetSize().x >= label->GetBestSize().x);
        }
      }
      const auto* account = frame->orderEditor()->fieldControl(OrderField::CreditReference);
      BOOST_TEST(account->GetClientSize().x > account->GetTextExtent(account->GetValue()).x);
      BOOST_TEST(!frame->orderEditor()->messageFor(OrderField::PayerAccount).empty());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
