#include "TestPki.h"
#include "crypto/Pkcs11Module.h"

#include <boost/test/unit_test.hpp>

using namespace platnik;
using namespace platnik::crypto;
using platnik::cryptotest::ScriptedInteraction;
using platnik::cryptotest::TestPki;

namespace {

Pkcs11Module loadModule(const std::string& path) {
  auto module = Pkcs11Module::load(path);
  BOOST_TEST_REQUIRE(module.has_value(), (module ? "" : module.error().describe()));
  return std::move(module).value();
}

PinState userPin(TokenSession& token) {
  auto info = token.info();
  BOOST_TEST_REQUIRE(info.has_value());
  return info.value().userPin;
}

banking::Error wrongLogin(TokenSession& token) {
  ScriptedInteraction ui;
  ui.pins = {std::string{"000000"}};
  auto result = token.login(ui);
  BOOST_TEST_REQUIRE(!result.has_value());
  BOOST_TEST(ui.pinRequests.size() == 1u);
  return result.error();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(PinCardTests)

BOOST_AUTO_TEST_CASE(three_wrong_pins_lock_the_card_and_the_puk_unblocks_it) {
  TestPki::shared();
  {
    Pkcs11Module module = loadModule(TestPki::pincardModule());
    TokenSession token = module.open("PIN-LOCK").value();
    BOOST_TEST(userPin(token).name() == "ok");
    BOOST_TEST(!userPin(token).triesLeft().has_value());

    const banking::Error first = wrongLogin(token);
    BOOST_TEST(first.message.find("wrong PIN") != std::string::npos);
    BOOST_TEST(userPin(token).name() == "count_low");

    const banking::Error second = wrongLogin(token);
    BOOST_TEST(second.message.find("one try left") != std::string::npos);
    BOOST_TEST(userPin(token).name() == "final_try");
    BOOST_TEST((userPin(token).triesLeft() == 1));
  }
  // The counters survive a restart of the program (module unloaded and loaded again).
  Pkcs11Module module = loadModule(TestPki::pincardModule());
  TokenSession token = module.open("PIN-LOCK").value();
  BOOST_TEST(userPin(token).finalTry);
  const banking::Error third = wrongLogin(token);
  BOOST_TEST(third.message.find("now locked") != std::string::npos);
  BOOST_TEST(userPin(token).locked);
  BOOST_TEST((userPin(token).triesLeft() == 0));

  // Locked: the program does not even ask for the PIN; the right PIN would not help anyway.
  ScriptedInteraction ui;
  auto refused = token.login(ui);
  BOOST_TEST_REQUIRE(!refused.has_value());
  BOOST_TEST(refused.error().message.find("unblock it with the PUK") != std::string::npos);
  BOOST_TEST(ui.pinRequests.empty());

  // Unblock with the PUK: asked once, then the new PIN.
  ui.pins = {std::string{cryptotest::kPuk}};
  ui.newPins = {std::string{"112233"}};
  auto unblocked = token.unblockPin(ui, true);
  BOOST_TEST_REQUIRE(unblocked.has_value(), (unblocked ? "" : unblocked.error().describe()));
  BOOST_TEST((ui.pinRequests.at(0).purpose == PinPurpose::Unblock));
  BOOST_TEST(userPin(token).name() == "ok");
  ui.pins = {std::string{"112233"}};
  auto login = token.login(ui);
  BOOST_TEST_REQUIRE(login.has_value(), (login ? "" : login.error().describe()));
}

BOOST_AUTO_TEST_CASE(three_wrong_puks_make_the_token_unusable) {
  TestPki::shared();
  Pkcs11Module module = loadModule(TestPki::pincardModule());
  TokenSession token = module.open("PUK-LOCK").value();
  for (int attempt = 1; attempt <= 3; ++attempt) {
    ScriptedInteraction ui;
    ui.pins = {std::string{"87654321"}};
    ui.newPins = {std::string{"112233"}};
    auto result = token.unblockPin(ui, false);
    BOOST_TEST_REQUIRE(!result.has_value());
    BOOST_TEST(result.error().message.find("PUK was not accepted") != std::string::npos);
    BOOST_TEST(ui.pinRequests.at(0).state.countLow == (attempt > 1));
    if (attempt == 2) {
      BOOST_TEST(result.error().message.find("one try left before the PUK locks") != std::string::npos);
    }
    if (attempt == 3) {
      // Non-qualified certificate: the only way on is a new certificate.
      BOOST_TEST(result.error().message.find("must be reissued") != std::string::npos);
    }
  }
  auto info = token.info();
  BOOST_TEST(info.value().soPin.locked);
  // The right PUK no longer helps, and is not even asked for.
  ScriptedInteraction ui;
  auto dead = token.unblockPin(ui, true);
  BOOST_TEST_REQUIRE(!dead.has_value());
  BOOST_TEST(dead.error().message.find("issuer's registration office") != std::string::npos);
  BOOST_TEST(ui.pinRequests.empty());
  // Nor does the user PIN: the token is unusable.
  ui.pins = {std::string{cryptotest::kPin}};
  auto login = token.login(ui);
  BOOST_TEST_REQUIRE(!login.has_value());
  BOOST_TEST(login.error().message.find("PIN is locked") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(plain_softhsm_never_locks_and_the_program_reports_what_it_says) {
  TestPki::shared();
  Pkcs11Module module = loadModule(cryptotest::kSoftHsmModule);
  TokenSession token = module.open("LE-PLAIN").value();
  for (int attempt = 0; attempt < 4; ++attempt) {
    wrongLogin(token);
  }
  const PinState state = userPin(token);
  BOOST_TEST(state.countLow);
  BOOST_TEST(!state.locked);  // SoftHSM keeps no retry counter
  ScriptedInteraction ui;
  ui.pins = {std::string{cryptotest::kPin}};
  BOOST_TEST(token.login(ui).has_value());
}

BOOST_AUTO_TEST_CASE(a_pin_pad_reader_takes_the_pin_and_the_program_asks_none) {
  TestPki& pki = TestPki::shared();
  Pkcs11Module module = loadModule(TestPki::pincardModule());
  TokenSession token = module.open("LE-QUAL").value();
  pki.setPinPad(std::string{"000000"});  // the user mistypes on the pad
  ScriptedInteraction ui;                // answers nothing: asking would throw
  auto wrong = token.login(ui);
  const bool pad = token.info().value().protectedAuthenticationPath;
  pki.setPinPad(std::string{cryptotest::kPin});
  auto right = token.login(ui);
  pki.setPinPad(std::nullopt);
  BOOST_TEST(pad);
  BOOST_TEST_REQUIRE(!wrong.has_value());
  BOOST_TEST(wrong.error().message.find("wrong PIN") != std::string::npos);
  BOOST_TEST_REQUIRE(right.has_value(), (right ? "" : right.error().describe()));
  BOOST_TEST(ui.pinRequests.empty());
  BOOST_TEST(token.loggedIn());
}

BOOST_AUTO_TEST_SUITE_END()
