#include "TestPki.h"
#include "crypto/CmsSignature.h"
#include "crypto/Pkcs11Module.h"
#include "crypto/TokenRecords.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace platnik;
using namespace platnik::crypto;
using platnik::cryptotest::ScriptedInteraction;
using platnik::cryptotest::TestPki;

namespace {

std::vector<std::string> modules() {
  return {cryptotest::kSoftHsmModule, TestPki::pincardModule()};
}

TokenSession openToken(Pkcs11Module& module, const std::string& label) {
  auto token = module.open(label);
  BOOST_TEST_REQUIRE(token.has_value(), (token ? "" : token.error().describe()));
  return std::move(token).value();
}

Pkcs11Module loadModule(const std::string& path) {
  auto module = Pkcs11Module::load(path);
  BOOST_TEST_REQUIRE(module.has_value(), (module ? "" : module.error().describe()));
  return std::move(module).value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(TokenTests)

BOOST_AUTO_TEST_CASE(p11_kit_lists_softhsm_among_registered_modules) {
  auto registered = Pkcs11Module::registeredModules();
  BOOST_TEST_REQUIRE(registered.has_value());
  const bool found =
      std::any_of(registered.value().begin(), registered.value().end(),
                  [](const ModuleInfo& m) { return m.path.find("softhsm2") != std::string::npos; });
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(a_module_that_does_not_exist_is_a_clear_error) {
  auto module = Pkcs11Module::load("/nonexistent/libmissing.so");
  BOOST_TEST_REQUIRE(!module.has_value());
  BOOST_TEST((module.error().code == banking::Errc::Token));
  BOOST_TEST(module.error().where == "/nonexistent/libmissing.so");
}

BOOST_AUTO_TEST_CASE(tokens_are_listed_with_label_serial_manufacturer_on_both_modules) {
  TestPki::shared();
  for (const auto& path : modules()) {
    BOOST_TEST_CONTEXT(path) {
      Pkcs11Module module = loadModule(path);
      auto tokens = module.tokens();
      BOOST_TEST_REQUIRE(tokens.has_value());
      const auto it = std::find_if(tokens.value().begin(), tokens.value().end(),
                                   [](const TokenInfo& t) { return t.label == "LE-QUAL"; });
      BOOST_TEST_REQUIRE((it != tokens.value().end()));
      BOOST_TEST(it->present);
      BOOST_TEST(!it->serial.empty());
      BOOST_TEST(it->manufacturer == "SoftHSM project");
      BOOST_TEST(it->initialized);
      BOOST_TEST(it->userPin.name() == "ok");
      // SoftHSM always offers one empty slot for a new token: shown, but not present.
      BOOST_TEST(std::any_of(tokens.value().begin(), tokens.value().end(),
                             [](const TokenInfo& t) { return !t.present || !t.initialized; }));
      auto missing = module.open("NO-SUCH-TOKEN");
      BOOST_TEST_REQUIRE(!missing.has_value());
      BOOST_TEST((missing.error().code == banking::Errc::NotFound));
    }
  }
}

BOOST_AUTO_TEST_CASE(login_asks_the_pin_once_and_a_wrong_pin_is_never_retried) {
  TestPki::shared();
  for (const auto& path : modules()) {
    BOOST_TEST_CONTEXT(path) {
      Pkcs11Module module = loadModule(path);
      TokenSession token = openToken(module, "NO-RETRY");
      ScriptedInteraction ui;
      ui.pins = {std::string{"000000"}, std::string{cryptotest::kPin}};
      auto failed = token.login(ui);
      BOOST_TEST_REQUIRE(!failed.has_value());
      BOOST_TEST((failed.error().code == banking::Errc::Token));
      BOOST_TEST(failed.error().message.find("wrong PIN") != std::string::npos);
      BOOST_TEST(ui.pinRequests.size() == 1u);  // not asked (or tried) again on its own
      BOOST_TEST(!token.loggedIn());
      BOOST_TEST(ui.pinRequests[0].tokenLabel == "NO-RETRY");
      BOOST_TEST((ui.pinRequests[0].purpose == PinPurpose::Login));

      auto ok = token.login(ui);  // the user tries again: a new request
      BOOST_TEST_REQUIRE(ok.has_value(), (ok ? "" : ok.error().describe()));
      BOOST_TEST(ui.pinRequests.size() == 2u);
      BOOST_TEST(ui.pinRequests[1].state.countLow);  // the wrong PIN shows in the token's flags
      BOOST_TEST(token.loggedIn());
      BOOST_TEST(token.login(ui).has_value());  // logged in already: nothing asked
      BOOST_TEST(ui.pinRequests.size() == 2u);
      BOOST_TEST(token.logout().has_value());
      BOOST_TEST(!token.loggedIn());
    }
  }
}

BOOST_AUTO_TEST_CASE(cancelling_the_pin_prompt_cancels_the_login) {
  TestPki::shared();
  Pkcs11Module module = loadModule(cryptotest::kSoftHsmModule);
  TokenSession token = openToken(module, "LE-QUAL");
  ScriptedInteraction ui;
  ui.pins = {std::nullopt};
  auto result = token.login(ui);
  BOOST_TEST_REQUIRE(!result.has_value());
  BOOST_TEST((result.error().code == banking::Errc::Cancelled));
}

BOOST_AUTO_TEST_CASE(change_pin_replaces_the_old_pin) {
  TestPki::shared();
  Pkcs11Module module = loadModule(TestPki::pincardModule());
  TokenSession token = openToken(module, "PIN-CHANGE");
  ScriptedInteraction ui;
  ui.pins = {std::string{cryptotest::kPin}};
  ui.newPins = {std::string{"246810"}};
  auto changed = token.changePin(ui);
  BOOST_TEST_REQUIRE(changed.has_value(), (changed ? "" : changed.error().describe()));
  BOOST_TEST(token.logout().has_value());

  ui.pins = {std::string{cryptotest::kPin}};
  BOOST_TEST(!token.login(ui).has_value());
  ui.pins = {std::string{"246810"}};
  BOOST_TEST(token.login(ui).has_value());
  BOOST_TEST(token.logout().has_value());

  // A wrong current PIN changes nothing and counts as a wrong PIN.
  ui.pins = {std::string{"999999"}};
  ui.newPins = {std::string{"111111"}};
  auto refused = token.changePin(ui);
  BOOST_TEST_REQUIRE(!refused.has_value());
  BOOST_TEST(refused.error().message.find("wrong PIN") != std::string::npos);
  auto info = token.info();
  BOOST_TEST_REQUIRE(info.has_value());
  BOOST_TEST(info.value().userPin.countLow);
}

BOOST_AUTO_TEST_CASE(activation_is_offered_on_first_use_and_remembered) {
  TestPki::shared();
  testsupport::TempDir data;
  auto records = TokenRecords::load(data.path());
  BOOST_TEST_REQUIRE(records.has_value());
  Pkcs11Module module = loadModule(cryptotest::kSoftHsmModule);
  TokenSession token = openToken(module, "ACTIVATE");
  auto needed = token.activationNeeded(records.value());
  BOOST_TEST_REQUIRE(needed.has_value());
  BOOST_TEST(needed.value());

  ScriptedInteraction ui;
  ui.pins = {std::string{cryptotest::kPin}};
  ui.newPins = {std::string{"135790"}};
  auto outcome = token.activate(ui, records.value());
  BOOST_TEST_REQUIRE(outcome.has_value(), (outcome ? "" : outcome.error().describe()));
  BOOST_TEST((outcome.value() == ActivationOutcome::PinChanged));
  BOOST_TEST(ui.confirmations == 1u);
  BOOST_TEST((ui.pinRequests.at(0).purpose == PinPurpose::Activation));

  auto reloaded = TokenRecords::load(data.path());
  BOOST_TEST_REQUIRE(reloaded.has_value());
  BOOST_TEST(!token.activationNeeded(reloaded.value()).value());
  auto again = token.activate(ui, reloaded.value());
  BOOST_TEST((again.value() == ActivationOutcome::NotNeeded));
  BOOST_TEST(ui.confirmations == 1u);

  ui.pins = {std::string{"135790"}};
  BOOST_TEST(token.login(ui).has_value());

  // Declining on another machine (no record): remembered as already active.
  testsupport::TempDir other;
  auto fresh = TokenRecords::load(other.path());
  ui.confirmAnswer = false;
  auto declined = token.activate(ui, fresh.value());
  BOOST_TEST((declined.value() == ActivationOutcome::AlreadyActive));
  BOOST_TEST(TokenRecords::load(other.path()).value().isActivated(token.info().value().serial));
}

BOOST_AUTO_TEST_CASE(an_issued_certificate_is_imported_beside_its_key_and_recorded_as_renewal) {
  TestPki& pki = TestPki::shared();
  testsupport::TempDir data;
  auto records = TokenRecords::load(data.path());
  Pkcs11Module module = loadModule(TestPki::pincardModule());
  TokenSession token = openToken(module, "IMPORT");
  BOOST_TEST(token.certificates().value().empty());
  auto issued = Certificate::fromFile(pki.certificateFile("IMPORT").string());
  BOOST_TEST_REQUIRE(issued.has_value());

  ScriptedInteraction ui;
  BOOST_TEST(!token.importCertificate(issued.value()).has_value());  // needs login
  ui.pins = {std::string{cryptotest::kPin}};
  BOOST_TEST_REQUIRE(token.login(ui).has_value());
  auto imported = token.importCertificate(issued.value(), &records.value());
  BOOST_TEST_REQUIRE(imported.has_value(), (imported ? "" : imported.error().describe()));
  auto onToken = token.certificates();
  BOOST_TEST_REQUIRE(onToken.value().size() == 1u);
  BOOST_TEST(onToken.value()[0].sha256 == issued.value().sha256);
  BOOST_TEST(token.signingKey(onToken.value()[0]).has_value());  // found beside its key
  auto again = token.importCertificate(issued.value());
  BOOST_TEST_REQUIRE(!again.has_value());
  BOOST_TEST((again.error().code == banking::Errc::InvalidState));

  auto reloaded = TokenRecords::load(data.path());
  const std::string serial = token.info().value().serial;
  BOOST_TEST(reloaded.value().renewedOnline(serial));
  BOOST_TEST(reloaded.value().cameFromRenewal(issued.value().sha256));

  // A certificate whose key is not on this token is refused.
  auto foreign = Certificate::fromFile(pki.certificateFile("LE-QUAL").string());
  auto refused = token.importCertificate(foreign.value());
  BOOST_TEST_REQUIRE(!refused.has_value());
  BOOST_TEST((refused.error().code == banking::Errc::NotFound));
}

BOOST_AUTO_TEST_CASE(renewal_request_key_stays_on_the_token_and_the_issued_certificate_signs) {
  TestPki& pki = TestPki::shared();
  testsupport::TempDir data;
  auto records = TokenRecords::load(data.path());
  Pkcs11Module module = loadModule(cryptotest::kSoftHsmModule);
  TokenSession token = openToken(module, "RENEW");
  const Certificate current = token.certificates().value().at(0);
  const auto now = systemNow();
  BOOST_TEST(toString(adviseRenewal(assess(current, now), false)) == "renew_online");

  ScriptedInteraction ui;
  ui.pins = {std::string{cryptotest::kPin}};
  BOOST_TEST_REQUIRE(token.login(ui).has_value());
  // Several requests, each with a new key: each signature (random bits) must verify.
  for (int i = 0; i < 3; ++i) {
    auto earlier = token.renewalRequest(current);
    BOOST_TEST_REQUIRE(earlier.has_value(), (earlier ? "" : earlier.error().describe()));
    BOOST_TEST(Certificate::fromDer(pki.issueFromRequest(earlier.value())).has_value());
  }
  auto request = token.renewalRequest(current);
  BOOST_TEST_REQUIRE(request.has_value(), (request ? "" : request.error().describe()));
  BOOST_TEST(request.value().find("-----BEGIN CERTIFICATE REQUEST-----") == 0u);

  // The issuer checks the request's signature (made on the token) and issues the certificate.
  auto renewed = Certificate::fromDer(pki.issueFromRequest(request.value()));
  BOOST_TEST_REQUIRE(renewed.has_value());
  BOOST_TEST(renewed.value().subject == current.subject);
  BOOST_TEST(renewed.value().der != current.der);
  auto imported = token.importCertificate(renewed.value(), &records.value());
  BOOST_TEST_REQUIRE(imported.has_value(), (imported ? "" : imported.error().describe()));
  BOOST_TEST(token.certificates().value().size() == 2u);

  // The new key signs, and the token now counts as renewed online once: next time, reissue.
  {
    auto key = token.signingKey(renewed.value());
    BOOST_TEST_REQUIRE(key.has_value(), (key ? "" : key.error().describe()));
    TrustStore trust;
    BOOST_TEST_REQUIRE(trust.addFile(pki.trustedCas()).has_value());
    auto cms = signDetached(key.value(), "renewed");
    BOOST_TEST_REQUIRE(cms.has_value());
    auto report = verifyDetached(cms.value(), "renewed", trust, now);
    BOOST_TEST(report.value().valid(), report.value().problem);
  }
  const std::string serial = token.info().value().serial;
  BOOST_TEST(records.value().renewedOnline(serial));
  BOOST_TEST(toString(adviseRenewal(assess(renewed.value(), renewed.value().notAfter - std::chrono::days{30}),
                                    records.value().renewedOnline(serial))) == "reissue");
}

BOOST_AUTO_TEST_CASE(a_removed_token_shows_as_absent_and_cannot_be_opened) {
  TestPki& pki = TestPki::shared();
  Pkcs11Module module = loadModule(TestPki::pincardModule());
  BOOST_TEST_REQUIRE(module.open("LE-QUAL").has_value());
  pki.setRemoved(true);
  auto tokens = module.tokens();
  auto opened = module.open("LE-QUAL");
  pki.setRemoved(false);
  BOOST_TEST_REQUIRE(tokens.has_value());
  BOOST_TEST(std::none_of(tokens.value().begin(), tokens.value().end(),
                          [](const TokenInfo& t) { return t.present; }));
  BOOST_TEST_REQUIRE(!opened.has_value());
  BOOST_TEST((opened.error().code == banking::Errc::NotFound));
  auto back = module.tokens();  // put back: noticed again
  BOOST_TEST(std::any_of(back.value().begin(), back.value().end(),
                         [](const TokenInfo& t) { return t.present && t.label == "LE-QUAL"; }));
  BOOST_TEST(module.open("LE-QUAL").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
