#include "CliPki.h"
#include "CliRunner.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

using platnik::clitest::cliPki;
using platnik::clitest::withModule;
using platnik::services::Json;
using platnik::testsupport::runCli;

BOOST_AUTO_TEST_SUITE(TokenCommandTests)

BOOST_AUTO_TEST_CASE(token_list_shows_every_token_with_its_pin_state) {
  cliPki();
  const auto run = runCli(withModule({"token", "list", "--json"}));
  BOOST_TEST_REQUIRE(run.exitCode == 0, run.err);
  const Json json = run.json();
  std::set<std::string> labels;
  for (const Json& slot : json.at("tokens")) {
    if (slot.at("present").get<bool>() && slot.at("initialized").get<bool>()) {
      const auto label = slot.at("label").get<std::string>();
      labels.insert(label);
      BOOST_TEST(!slot.at("serial").get<std::string>().empty());
      BOOST_TEST(slot.at("manufacturer").get<std::string>() == "SoftHSM project");
      if (label == "OSOBA") {  // a token no test enters a wrong PIN on
        BOOST_TEST(slot.at("pin_state").get<std::string>() == "ok");
      }
    }
  }
  BOOST_TEST((labels.count("FIRMA") == 1 && labels.count("OSOBA") == 1 && labels.count("PINCHG") == 1));

  const auto text = runCli(withModule({"token", "list"}));
  BOOST_TEST(text.exitCode == 0);
  BOOST_TEST(text.out.find("label:        FIRMA") != std::string::npos, text.out);
}

BOOST_AUTO_TEST_CASE(cert_show_json_has_the_documented_fields) {
  cliPki();
  const auto run = runCli(withModule({"cert", "show", "--token", "FIRMA", "--json"}));
  BOOST_TEST_REQUIRE(run.exitCode == 0, run.err);
  const Json list = run.json().at("certificates");
  BOOST_TEST_REQUIRE(list.size() == 1U);
  const Json& c = list.front();
  for (const char* key : {"subject", "holder_type", "qualified", "issuer", "not_before", "not_after",
                          "days_left", "can_sign_orders", "pin_state"}) {
    BOOST_TEST(c.contains(key), key);
  }
  BOOST_TEST(c.at("holder_type").get<std::string>() == "legal_entity");
  BOOST_TEST(c.at("qualified").get<bool>());
  BOOST_TEST(c.at("can_sign_orders").get<bool>());
  BOOST_TEST(c.at("days_left").get<long>() > 1000);
  BOOST_TEST(c.contains("pin_tries_left"));

  const auto person = runCli(withModule({"cert", "show", "--token", "OSOBA", "--json"}));
  BOOST_TEST_REQUIRE(person.exitCode == 0, person.err);
  const Json p = person.json().at("certificates").front();
  BOOST_TEST(p.at("holder_type").get<std::string>() == "natural_person");
  BOOST_TEST(!p.at("can_sign_orders").get<bool>());
  BOOST_TEST(p.at("pin_state").get<std::string>() == "ok");
}

BOOST_AUTO_TEST_CASE(several_tokens_and_no_label_is_refused_naming_them) {
  cliPki();
  const auto run = runCli(withModule({"cert", "show"}));
  BOOST_TEST(run.exitCode == 1);
  BOOST_TEST(run.err.find("choose one with --token LABEL") != std::string::npos, run.err);
  BOOST_TEST(run.err.find("'FIRMA'") != std::string::npos, run.err);
  const auto missing = runCli(withModule({"cert", "show", "--token", "NEMA"}));
  BOOST_TEST(missing.exitCode == 1);
  BOOST_TEST(missing.err.find("NEMA: no such token") != std::string::npos, missing.err);
}

BOOST_AUTO_TEST_CASE(pin_change_reads_both_pins_from_descriptors) {
  cliPki();
  // The current and the new PIN, one line each, on the same descriptor (a pipe).
  const auto run =
      runCli(withModule({"pin", "change", "--token", "PINCHG", "--pin-fd", "0", "--new-pin-fd", "0"}),
             std::string{platnik::cryptotest::kPin} + "\n654321\n");
  BOOST_TEST_REQUIRE(run.exitCode == 0, run.err);
  // The old PIN no longer works, the new one does (renew-request needs a login).
  const auto old =
      runCli(withModule({"pin", "change", "--token", "PINCHG", "--pin-fd", "0", "--new-pin-fd", "0"}),
             std::string{platnik::cryptotest::kPin} + "\n111111\n");
  BOOST_TEST(old.exitCode == 1);
  BOOST_TEST(old.err.find("wrong PIN") != std::string::npos, old.err);
  const auto back =
      runCli(withModule({"pin", "change", "--token", "PINCHG", "--pin-fd", "0", "--new-pin-fd", "0"}),
             "654321\n" + std::string{platnik::cryptotest::kPin} + "\n");
  BOOST_TEST(back.exitCode == 0, back.err);
}

BOOST_AUTO_TEST_CASE(a_pin_is_never_taken_from_an_argument_or_guessed) {
  cliPki();
  const auto run = runCli(withModule({"pin", "change", "--token", "PINCHG", "--pin", "123456"}));
  BOOST_TEST(run.exitCode == 2);
  // No descriptor content and no terminal: nothing is tried.
  const auto empty = runCli(withModule({"pin", "change", "--token", "PINCHG", "--pin-fd", "0"}), "");
  BOOST_TEST(empty.exitCode == 1);
  BOOST_TEST(empty.err.find("nothing to read from file descriptor 0") != std::string::npos, empty.err);
}

BOOST_AUTO_TEST_CASE(pin_unblock_sets_a_new_pin_with_the_puk) {
  cliPki();
  const auto run =
      runCli(withModule({"pin", "unblock", "--token", "UNBLOCK", "--puk-fd", "0", "--new-pin-fd", "0"}),
             std::string{platnik::cryptotest::kPuk} + "\n222222\n");
  BOOST_TEST_REQUIRE(run.exitCode == 0, run.err);
  BOOST_TEST(run.out.find("unblocked") != std::string::npos, run.out);
  // The new PIN is the PIN now: changing it back with it works.
  const auto back =
      runCli(withModule({"pin", "change", "--token", "UNBLOCK", "--pin-fd", "0", "--new-pin-fd", "0"}),
             "222222\n" + std::string{platnik::cryptotest::kPin} + "\n");
  BOOST_TEST(back.exitCode == 0, back.err);
  // A wrong PUK is refused.
  const auto wrong =
      runCli(withModule({"pin", "unblock", "--token", "UNBLOCK", "--puk-fd", "0", "--new-pin-fd", "0"}),
             "00000000\n333333\n");
  BOOST_TEST(wrong.exitCode == 1);
}

BOOST_AUTO_TEST_CASE(renewal_request_then_import_of_the_issued_certificate) {
  auto& pki = cliPki();
  platnik::testsupport::TempDir dir;
  const auto csr = (dir / "renew.csr").string();
  const auto request =
      runCli(withModule({"cert", "renew-request", "--token", "RENEW", "--pin-fd", "0", "--out", csr}),
             std::string{platnik::cryptotest::kPin} + "\n");
  BOOST_TEST_REQUIRE(request.exitCode == 0, request.err);
  const std::string issued = pki.issueFromRequest(platnik::testsupport::readFile(csr));
  const auto der = (dir / "issued.der").string();
  std::ofstream(der, std::ios::binary) << issued;

  const auto import = runCli(withModule({"cert", "import", der, "--token", "RENEW", "--pin-fd", "0"}),
                             std::string{platnik::cryptotest::kPin} + "\n");
  BOOST_TEST_REQUIRE(import.exitCode == 0, import.err);
  const auto show = runCli(withModule({"cert", "show", "--token", "RENEW", "--json"}));
  BOOST_TEST_REQUIRE(show.exitCode == 0, show.err);
  const Json list = show.json().at("certificates");
  BOOST_TEST_REQUIRE(list.size() == 2U);
  int renewed = 0;
  for (const Json& c : list) {
    renewed += c.at("from_online_renewal").get<bool>() ? 1 : 0;
  }
  BOOST_TEST(renewed == 1);
  // The same certificate again is refused.
  const auto again = runCli(withModule({"cert", "import", der, "--token", "RENEW", "--pin-fd", "0"}),
                            std::string{platnik::cryptotest::kPin} + "\n");
  BOOST_TEST(again.exitCode == 1);
  BOOST_TEST(again.err.find("already on the token") != std::string::npos, again.err);
}

BOOST_AUTO_TEST_SUITE_END()
