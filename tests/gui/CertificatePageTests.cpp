#include "GuiTestSupport.h"
#include "ScriptedAnswers.h"
#include "TestPki.h"
#include "gui/CertificatePage.h"
#include "gui/PinDialogs.h"
#include "services/OrderSigning.h"
#include "storage/Settings.h"

#include <boost/test/unit_test.hpp>
#include <wx/notebook.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace platnik;
using gui::CertificatePage;
using Line = gui::CertificatePage::Line;
using platnik::cryptotest::TestPki;
using platnik::guitest::press;
using platnik::guitest::pressOk;
using platnik::guitest::pump;
using platnik::guitest::ScriptedAnswers;

namespace {

/// The main window on the test PKI's tokens (SoftHSM, or the pincard wrapper), the
/// certificate page shown, token records and documents in the test's own folder.
struct CertificateWindow : guitest::Window {
  ScriptedAnswers answers;
  gui::ScopedModalAnswers scoped{answers};
  CertificatePage* page = nullptr;

  explicit CertificateWindow(const std::string& module = cryptotest::kSoftHsmModule) {
    TestPki::shared();
    workspace->setModulePath(module);
    auto* pages = frame->pages();
    for (std::size_t i = 0; i < pages->GetPageCount(); ++i) {
      if (auto* found = dynamic_cast<CertificatePage*>(pages->GetPage(i))) {
        page = found;
        page->setRecordsDir(dir / "records");
        pages->SetSelection(i);  // shown: the page reads the token
      }
    }
    BOOST_TEST_REQUIRE(page != nullptr);
    pump();
  }

  void choose(const std::string& label) const { BOOST_TEST_REQUIRE(page->chooseToken(label), label); }

  /// A document to sign in the test's folder.
  std::filesystem::path document(const std::string& name, const std::string& text) const {
    const auto path = dir / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  [[nodiscard]] const services::CertificateOverview& shown() const {
    BOOST_TEST_REQUIRE(page->overview().has_value());
    BOOST_TEST_REQUIRE(page->overview()->certificates.size() >= 1U);
    return page->overview()->certificates.front();
  }
};

wxString fromPath(const std::filesystem::path& path) {
  return wxString::FromUTF8(path.string());
}

/// Answers a PinDialog with `pin`, keeping the state line the dialog showed.
std::function<int(wxDialog&)> pinAnswer(const std::string& pin, wxString* stateShown = nullptr) {
  return [pin, stateShown](wxDialog& dialog) {
    auto* pinDialog = dynamic_cast<gui::PinDialog*>(&dialog);
    BOOST_TEST_REQUIRE(pinDialog != nullptr);
    if (stateShown != nullptr) {
      *stateShown = pinDialog->stateText();
    }
    pinDialog->pinField()->SetValue(wxString::FromUTF8(pin));
    return pressOk(dialog);
  };
}

/// Answers a NewPinDialog: first entries that differ (refused beside the fields, the token is
/// not touched), then a too short PIN, then `pin` twice.
std::function<int(wxDialog&)> newPinAnswer(const std::string& pin) {
  return [pin](wxDialog& dialog) {
    auto* newPin = dynamic_cast<gui::NewPinDialog*>(&dialog);
    BOOST_TEST_REQUIRE(newPin != nullptr);
    newPin->firstField()->SetValue(wxString::FromUTF8(pin));
    newPin->secondField()->SetValue(wxString::FromUTF8(pin + "9"));
    BOOST_TEST(pressOk(dialog) == wxID_NONE);
    BOOST_TEST(newPin->message().Contains("differ"));
    newPin->firstField()->SetValue("12");
    newPin->secondField()->SetValue("12");
    BOOST_TEST(pressOk(dialog) == wxID_NONE);
    BOOST_TEST(newPin->message().Contains("4 to 16"));
    newPin->firstField()->SetValue(wxString::FromUTF8(pin));
    newPin->secondField()->SetValue(wxString::FromUTF8(pin));
    return pressOk(dialog);
  };
}

/// Signs `file` through the page's button, answering the PIN dialog with `pin`.
void signWith(CertificateWindow& window, const std::filesystem::path& file, const std::string& pin,
              wxString* stateShown = nullptr) {
  std::filesystem::remove(std::filesystem::path(file.string() + ".p7s"));
  window.answers.files.push_back(fromPath(file));
  window.answers.dialogs.push_back(pinAnswer(pin, stateShown));
  press(window.page->signButton());
  BOOST_TEST(window.answers.done());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(CertificatePageTests)

BOOST_AUTO_TEST_CASE(shows_a_qualified_legal_entity_certificate_with_its_days_left) {
  CertificateWindow window;
  window.choose("LE-QUAL");
  const auto& shown = window.shown();
  BOOST_TEST(shown.status.daysLeft > 1000);
  BOOST_TEST(window.page->lineText(Line::Holder).StartsWith("legal entity: "));
  BOOST_TEST(window.page->lineText(Line::Qualified) == "qualified certificate");
  BOOST_TEST(window.page->lineText(Line::DaysLeft) == wxString::Format("%ld", shown.status.daysLeft));
  BOOST_TEST(window.page->lineText(Line::Subject).utf8_string() == shown.certificate.subject);
  BOOST_TEST(window.page->lineText(Line::Issuer).Contains("Test CA PL e-signature"));
  BOOST_TEST(window.page->lineText(Line::Serial).utf8_string() == shown.certificate.serialHex);
  BOOST_TEST(window.page->lineText(Line::Token).StartsWith("LE-QUAL, serial "));
  BOOST_TEST(window.page->lineText(Line::PinState) == "OK");
  BOOST_TEST(window.page->lineText(Line::Renewal).StartsWith("Not needed yet"));
  BOOST_TEST(window.page->warningText().empty());
  BOOST_TEST(window.page->absentText().empty());
  BOOST_TEST(!window.page->renewalButton()->IsEnabled());
  BOOST_TEST(window.page->signButton()->IsEnabled());

  // A natural person's certificate says so, and that it cannot sign payment orders.
  window.choose("PERSON");
  BOOST_TEST(window.page->lineText(Line::Holder).StartsWith("natural person: "));
  BOOST_TEST(window.page->warningText().StartsWith("This certificate cannot sign payment orders"));
}

BOOST_AUTO_TEST_CASE(warns_from_60_days_before_expiry_and_renews_online) {
  CertificateWindow window;
  window.choose("EXPIRING");
  const long days = window.shown().status.daysLeft;
  BOOST_TEST(days <= 30);
  BOOST_TEST(window.page->warningText() ==
             wxString::Format("Days left until the certificate expires: %ld. Renew it now.", days));
  BOOST_TEST((window.page->warningColour() != window.page->GetForegroundColour()));
  BOOST_TEST(window.page->lineText(Line::Renewal).StartsWith("Renew online now"));

  // The renewal step: a request made on the token, saved to a file…
  window.choose("RENEW");
  BOOST_TEST_REQUIRE(window.page->renewalButton()->IsEnabled());
  const auto request = window.dir / "renewal.pem";
  window.answers.files.push_back(fromPath(request));
  window.answers.dialogs.push_back(pinAnswer(cryptotest::kPin));
  press(window.page->renewalButton());
  BOOST_TEST_REQUIRE(!window.page->resultIsProblem(), window.page->resultText().utf8_string());
  std::stringstream pem;
  pem << std::ifstream(request).rdbuf();
  BOOST_TEST(pem.str().starts_with("-----BEGIN CERTIFICATE REQUEST-----"));

  // …the issuer's answer imported: the new certificate is shown, the warning is gone.
  const auto issued = window.dir / "issued.der";
  std::ofstream(issued, std::ios::binary) << TestPki::shared().issueFromRequest(pem.str());
  window.answers.files.push_back(fromPath(issued));
  window.answers.dialogs.push_back(pinAnswer(cryptotest::kPin));
  press(window.page->importButton());
  BOOST_TEST_REQUIRE(!window.page->resultIsProblem(), window.page->resultText().utf8_string());
  pump();
  BOOST_TEST(window.page->overview()->certificates.size() == 2U);
  BOOST_TEST(window.page->warningText().empty());
  BOOST_TEST(window.page->lineText(Line::DaysLeft) != wxString::Format("%ld", days));
  BOOST_TEST(window.answers.done());
}

BOOST_AUTO_TEST_CASE(change_pin_works_and_the_old_pin_then_fails) {
  CertificateWindow window;
  window.choose("PIN-CHANGE");
  wxString stateShown;
  window.answers.dialogs.push_back(pinAnswer(cryptotest::kPin, &stateShown));
  window.answers.dialogs.push_back(newPinAnswer("654321"));
  press(window.page->changePinButton());
  BOOST_TEST_REQUIRE(!window.page->resultIsProblem(), window.page->resultText().utf8_string());
  BOOST_TEST(window.page->resultText() == "The PIN is changed.");
  BOOST_TEST(stateShown == "PIN state: OK");

  const auto file = window.document("contract.txt", "Ugovor o poslovnoj saradnji\n");
  signWith(window, file, cryptotest::kPin);
  BOOST_TEST(window.page->resultIsProblem());
  BOOST_TEST(!std::filesystem::exists(file.string() + ".p7s"));
  signWith(window, file, "654321");
  BOOST_TEST(!window.page->resultIsProblem(), window.page->resultText().utf8_string());
  BOOST_TEST(std::filesystem::exists(file.string() + ".p7s"));
}

BOOST_AUTO_TEST_CASE(three_wrong_pins_lock_the_card_and_the_puk_unblocks_it) {
  CertificateWindow window(TestPki::pincardModule());
  window.choose("PIN-LOCK");
  BOOST_TEST(window.page->lineText(Line::PinState) == "OK");
  const auto file = window.document("invoice.txt", "Faktura 2026-117\n");

  signWith(window, file, "000000");
  BOOST_TEST(window.page->resultIsProblem());
  BOOST_TEST(window.page->lineText(Line::PinState) == "a wrong entry was made: few tries left");
  signWith(window, file, "000000");
  BOOST_TEST(window.page->lineText(Line::PinState) ==
             "final try: one more wrong entry locks it (tries left: 1)");
  // The PIN dialog tells the user before the last try.
  wxString stateShown;
  signWith(window, file, "000000", &stateShown);
  BOOST_TEST(stateShown == "PIN state: final try: one more wrong entry locks it (tries left: 1)");
  BOOST_TEST(window.page->lineText(Line::PinState) == "locked");
  BOOST_TEST(!window.page->changePinButton()->IsEnabled());

  // Locked: signing is refused without asking for the PIN.
  window.answers.files.push_back(fromPath(file));
  press(window.page->signButton());
  BOOST_TEST(window.page->resultIsProblem());
  BOOST_TEST(window.page->resultText().Contains("PUK"));

  // The PUK and a new PIN (twice) unblock it.
  window.answers.dialogs.push_back(pinAnswer(cryptotest::kPuk, &stateShown));
  window.answers.dialogs.push_back(newPinAnswer("112233"));
  press(window.page->unblockButton());
  BOOST_TEST_REQUIRE(!window.page->resultIsProblem(), window.page->resultText().utf8_string());
  BOOST_TEST(stateShown == "PUK state: OK");
  BOOST_TEST(window.page->lineText(Line::PinState) == "OK");
  signWith(window, file, "112233");
  BOOST_TEST(!window.page->resultIsProblem(), window.page->resultText().utf8_string());
}

BOOST_AUTO_TEST_CASE(a_signed_document_verifies_and_a_changed_one_does_not) {
  CertificateWindow window;
  BOOST_TEST_REQUIRE(window.workspace->database()
                         .settings()
                         .set(services::kTrustFilesSetting, TestPki::shared().trustedCas().string())
                         .has_value());
  window.choose("LE-QUAL");
  const auto file = window.document("report.txt", "Izvestaj za novembar\n");
  signWith(window, file, cryptotest::kPin);
  BOOST_TEST_REQUIRE(!window.page->resultIsProblem(), window.page->resultText().utf8_string());
  BOOST_TEST(window.page->resultText().StartsWith("Signed by "));

  window.answers.files.push_back(fromPath(file));  // the signature beside it is found
  press(window.page->verifyButton());
  BOOST_TEST(!window.page->resultIsProblem(), window.page->resultText().utf8_string());
  const wxString signer = wxString::FromUTF8(window.shown().certificate.commonName);
  BOOST_TEST(window.page->resultText().StartsWith("Valid signature of report.txt by " + signer));
  BOOST_TEST(window.page->resultText().Contains(" UTC"));

  std::ofstream(file, std::ios::app) << "dopisano posle potpisa\n";
  window.answers.files.push_back(fromPath(file.string() + ".p7s"));  // chosen by its signature
  press(window.page->verifyButton());
  BOOST_TEST(window.page->resultIsProblem());
  BOOST_TEST(window.page->resultText().Contains("is NOT valid"));
  BOOST_TEST(window.answers.done());
}

BOOST_AUTO_TEST_CASE(no_token_present_says_what_to_do) {
  CertificateWindow window(TestPki::pincardModule());
  TestPki::shared().setRemoved(true);
  press(window.page->refreshButton());
  BOOST_TEST(window.page->absentText().StartsWith("No token is present. Insert the token"));
  BOOST_TEST(!window.page->overview().has_value());
  BOOST_TEST(!window.page->changePinButton()->IsEnabled());
  BOOST_TEST(!window.page->signButton()->IsEnabled());
  TestPki::shared().setRemoved(false);
  // Another page says the certificate changed: the shown page reads the token again.
  window.workspace->changed(gui::Workspace::Change::Certificate);
  BOOST_TEST(window.page->absentText().empty());
  BOOST_TEST(window.page->overview().has_value());

  window.workspace->setModulePath((window.dir / "no-such-module.so").string());
  press(window.page->refreshButton());
  BOOST_TEST(window.page->absentText().StartsWith("No PKCS#11 module could be loaded"));
}

BOOST_AUTO_TEST_SUITE_END()
