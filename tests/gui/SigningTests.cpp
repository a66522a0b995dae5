// Signing from the Orders page on SoftHSM tokens of the test PKI (made at test time): one PIN
// entry for the batch, a natural person's certificate refused, a wrong PIN on the pincard
// module (a smart card's retry counter) stopping everything and saying what is left, and the
// signed orders exported as a schema-valid pain.001.
#include "GuiTestSupport.h"
#include "OrderFixtures.h"
#include "ScriptedAnswers.h"
#include "TestPki.h"
#include "banking/formats/Iso20022.h"
#include "gui/OrdersPage.h"
#include "gui/PinDialogs.h"
#include "services/OrderSigning.h"
#include "services/TokenAccess.h"
#include "storage/Orders.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>
#include <wx/choicdlg.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using platnik::banking::OrderState;
using platnik::cryptotest::TestPki;
using platnik::gui::OrdersPage;
using platnik::gui::PinDialog;
using namespace platnik::guitest;

namespace {

/// Answers the token choice with `label` and the PIN dialog with `pin`, recording the PIN
/// dialogs' state lines.
struct SigningAnswers : OrderAnswers {
  std::string modulePath;
  std::string label;
  std::string pin;
  std::vector<wxString> pinStates;

  SigningAnswers(std::string module, std::string token, std::string pinText)
      : modulePath(std::move(module)), label(std::move(token)), pin(std::move(pinText)) {
    onDialog = [this](wxDialog& dialog) {
      if (auto* choose = dynamic_cast<wxSingleChoiceDialog*>(&dialog)) {
        auto tokens = platnik::services::presentTokens(modulePath);
        BOOST_REQUIRE(tokens.has_value());
        for (std::size_t i = 0; i < tokens.value().size(); ++i) {
          if (tokens.value()[i].label == label) {
            choose->SetSelection(static_cast<int>(i));
            return static_cast<int>(wxID_OK);
          }
        }
        BOOST_FAIL("the token " + label + " is not offered");
      }
      if (auto* pinDialog = dynamic_cast<PinDialog*>(&dialog)) {
        pinStates.push_back(pinDialog->stateText());
        pinDialog->pinField()->SetValue(wxString::FromUTF8(pin));
        return pressOk(*pinDialog);  // through the dialog's own OK (refuses an empty field)
      }
      BOOST_FAIL("an unexpected dialog was shown");
      return static_cast<int>(wxID_CANCEL);
    };
  }
};

struct SigningWindow : Window {
  TestPki& pki = TestPki::shared();
  OrdersPage& page = *frame->ordersPage();
  std::vector<std::int64_t> ids;

  explicit SigningWindow(const std::string& modulePath) {
    workspace->setModulePath(modulePath);
    auto& database = workspace->database();
    ids.push_back(storeOrder(database, validOrder(1'500'00, "Struja")));
    ids.push_back(storeOrder(database, validOrder(320'000'00, "Oprema")));
    // A valid order still in draft (as imported): signing makes it ready first.
    auto draft = database.orders().add(validOrder(42'00, "Markice"));
    BOOST_REQUIRE(draft.has_value());
    ids.push_back(draft.value());
    workspace->changed(platnik::gui::Workspace::Change::Orders);
    page.select(ids);
  }

  [[nodiscard]] std::vector<OrderState> states() {
    std::vector<OrderState> all;
    for (const auto id : ids) {
      all.push_back(storedRow(workspace->database(), id).state);
    }
    return all;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(SigningTests)

BOOST_AUTO_TEST_CASE(the_selected_orders_are_signed_with_one_pin_and_verify) {
  TestPki::shared();  // SoftHSM reads its configuration when first loaded
  SigningWindow window(platnik::cryptotest::kSoftHsmModule);
  SigningAnswers answers(platnik::cryptotest::kSoftHsmModule, "LE-QUAL", platnik::cryptotest::kPin);
  window.page.signSelected();
  BOOST_TEST(answers.pinStates.size() == 1U);  // one PIN entry for the whole batch
  BOOST_TEST(answers.last().StartsWith("Signed: 3 of 3"), answers.last());
  BOOST_TEST(!answers.lastWasProblem());
  BOOST_TEST((window.states() == std::vector<OrderState>(3, OrderState::Signed)));
  BOOST_REQUIRE(window.page.shown().size() == 3U);
  for (std::size_t i = 0; i < window.page.shown().size(); ++i) {
    BOOST_TEST(window.page.list()->GetItemText(static_cast<long>(i), 0) ==
               OrdersPage::stateText(OrderState::Signed));
    BOOST_TEST(!window.page.shown()[i].signer.empty());
  }

  auto trust = platnik::services::loadTrust({window.pki.trustedCas().string()}, nullptr);
  BOOST_REQUIRE(trust.has_value());
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  auto verified =
      platnik::services::verifyStoredOrders(window.workspace->database(), window.ids, trust.value(), now);
  BOOST_REQUIRE(verified.has_value());
  BOOST_TEST(verified.value().allValid(), verified.value().describe());

  // Signed orders are not deleted.
  window.page.select(window.ids);
  window.page.deleteSelected();
  BOOST_TEST(answers.lastWasProblem());
  BOOST_TEST((window.states() == std::vector<OrderState>(3, OrderState::Signed)));
}

BOOST_AUTO_TEST_CASE(signed_orders_are_exported_as_schema_valid_pain001) {
  TestPki::shared();
  SigningWindow window(platnik::cryptotest::kSoftHsmModule);
  SigningAnswers answers(platnik::cryptotest::kSoftHsmModule, "LE-QUAL", platnik::cryptotest::kPin);
  window.page.signSelected();
  BOOST_REQUIRE((window.states() == std::vector<OrderState>(3, OrderState::Signed)));

  for (const auto& [format, version] : {std::pair{platnik::services::OrderExportFormat::Pain00100103,
                                                  platnik::banking::formats::Pain001Version::V03},
                                        std::pair{platnik::services::OrderExportFormat::Pain00100109,
                                                  platnik::banking::formats::Pain001Version::V09}}) {
    const auto file = window.dir / "orders.xml";
    answers.files = {wxString::FromUTF8(file.string())};
    window.page.select(window.ids);
    window.page.exportSelected(format);
    BOOST_TEST(answers.last().StartsWith("Orders exported: 3"), answers.last());
    std::ifstream in(file, std::ios::binary);
    const std::string xml{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    auto valid = platnik::banking::formats::validateAgainstSchema(
        xml, platnik::banking::formats::pain001Schema(version), "exported pain.001");
    BOOST_TEST(valid.has_value(), (valid ? "" : valid.error().describe()));
    BOOST_TEST(xml.find("320000.00") != std::string::npos);
    BOOST_TEST(xml.find(std::string(platnik::banking::formats::namespaceOf(version))) != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_natural_persons_certificate_is_refused_with_the_reason) {
  TestPki::shared();
  SigningWindow window(platnik::cryptotest::kSoftHsmModule);
  SigningAnswers answers(platnik::cryptotest::kSoftHsmModule, "PERSON", platnik::cryptotest::kPin);
  window.page.signSelected();
  BOOST_TEST(answers.pinStates.empty());  // refused before the PIN is asked
  BOOST_TEST(answers.lastWasProblem());
  BOOST_TEST(answers.last().StartsWith("Nothing was signed."));
  BOOST_TEST(answers.last().Contains("natural person"), answers.last());
  for (const auto state : window.states()) {
    BOOST_TEST((state != OrderState::Signed));
  }
}

BOOST_AUTO_TEST_CASE(a_wrong_pin_signs_nothing_and_says_how_many_tries_are_left) {
  TestPki::shared();
  const std::string pincard = TestPki::pincardModule();
  SigningWindow window(pincard);
  SigningAnswers answers(pincard, "NO-RETRY", "000000");

  window.page.signSelected();
  BOOST_TEST(answers.pinStates.size() == 1U);  // asked once, never tried again
  BOOST_TEST(answers.lastWasProblem());
  BOOST_TEST(answers.last().StartsWith("Nothing was signed."));
  platnik::crypto::PinState countLow;
  countLow.countLow = true;
  BOOST_TEST(answers.last().Contains(platnik::gui::pinStateText(countLow)), answers.last());
  for (const auto state : window.states()) {
    BOOST_TEST((state != OrderState::Signed));
  }

  // The second wrong PIN: one try left, and the dialog had warned of the earlier one.
  window.page.select(window.ids);
  window.page.signSelected();
  BOOST_TEST(answers.pinStates.size() == 2U);
  BOOST_TEST(answers.pinStates.back().Contains(platnik::gui::pinStateText(countLow)));
  platnik::crypto::PinState finalTry;
  finalTry.finalTry = true;
  BOOST_TEST(answers.last().Contains(platnik::gui::pinStateText(finalTry)), answers.last());
  BOOST_TEST(answers.last().Contains("(tries left: 1)"), answers.last());

  // The last try is announced in the PIN dialog; the right PIN then signs the batch.
  answers.pin = platnik::cryptotest::kPin;
  window.page.select(window.ids);
  window.page.signSelected();
  BOOST_TEST(answers.pinStates.size() == 3U);
  BOOST_TEST(answers.pinStates.back().Contains("final try"), answers.pinStates.back());
  BOOST_TEST((window.states() == std::vector<OrderState>(3, OrderState::Signed)));
}

BOOST_AUTO_TEST_SUITE_END()
