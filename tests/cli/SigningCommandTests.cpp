#include "CliPki.h"
#include "CliRunner.h"
#include "banking/OrderState.h"
#include "banking/PaymentOrder.h"
#include "storage/Database.h"
#include "storage/Orders.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include <fstream>
#include <string>

using namespace platnik;
using platnik::clitest::cliPki;
using platnik::clitest::withModule;
using platnik::services::Json;
using platnik::testsupport::runCli;

namespace {

banking::PaymentOrder order(int n) {
  banking::PaymentOrder o;
  o.payerName = "Knjigovodstvo Marković d.o.o.";
  o.payerPlace = "Beograd";
  o.payerAccount = "160000000018203969";
  o.recipientName = "JP EPS Beograd";
  o.recipientPlace = "Beograd";
  o.recipientAccount = "115038169338697697";
  o.amount = banking::Money{1250000 + n, banking::Currency::rsd()};
  o.paymentCode = "221";
  o.purpose = "Račun za struju " + std::to_string(n);
  o.creditReference = {"97", "921234567890"};
  o.executionDate = banking::Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{1}};
  return o;
}

/// A database with orders 1 and 2 ready and order 3 in draft.
struct Company {
  testsupport::TempDir dir;
  std::string db = (dir / "company.platnik").string();
  std::int64_t ready1 = 0;
  std::int64_t ready2 = 0;
  std::int64_t draft = 0;

  Company() {
    cliPki();
    auto database = storage::Database::create(db);
    BOOST_TEST_REQUIRE(database.has_value(), (database ? "" : database.error().describe()));
    storage::Orders orders = database.value().orders();
    ready1 = orders.add(order(1)).value();
    ready2 = orders.add(order(2)).value();
    draft = orders.add(order(3)).value();
    BOOST_TEST_REQUIRE(orders.changeState(ready1, banking::OrderState::Ready).has_value());
    BOOST_TEST_REQUIRE(orders.changeState(ready2, banking::OrderState::Ready).has_value());
  }

  [[nodiscard]] banking::OrderState state(std::int64_t id) const {
    auto database = storage::Database::open(db);
    return database.value().orders().get(id).value().state;
  }
};

std::string pinLine() {
  return std::string{cryptotest::kPin} + "\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(SigningCommandTests)

BOOST_AUTO_TEST_CASE(signs_two_ready_orders_with_one_pin_and_verifies_them) {
  Company company;
  const auto sign =
      runCli(withModule({"--db", company.db, "order", "sign", std::to_string(company.ready1),
                         std::to_string(company.ready2), "--token", "FIRMA", "--pin-fd", "0", "--json"}),
             pinLine());
  BOOST_TEST_REQUIRE(sign.exitCode == 0, sign.err);
  const Json json = sign.json();
  BOOST_TEST(sign.err.empty(), sign.err);
  BOOST_TEST(json.at("signed").get<int>() == 2);
  BOOST_TEST(json.at("refused").get<int>() == 0);
  BOOST_TEST(json.at("signer").get<std::string>().find("O=") != std::string::npos);
  BOOST_TEST((company.state(company.ready1) == banking::OrderState::Signed));
  BOOST_TEST((company.state(company.ready2) == banking::OrderState::Signed));
  BOOST_TEST((company.state(company.draft) == banking::OrderState::Draft));

  const auto verify =
      runCli({"--db", company.db, "order", "verify", std::to_string(company.ready1),
              std::to_string(company.ready2), "--trust", cliPki().trustedCas().string(), "--json"});
  BOOST_TEST_REQUIRE(verify.exitCode == 0, verify.err);
  const Json report = verify.json();
  BOOST_TEST(report.at("valid").get<bool>());
  BOOST_TEST_REQUIRE(report.at("orders").size() == 2U);
  for (const Json& o : report.at("orders")) {
    BOOST_TEST(o.at("chain_valid").get<bool>());
    BOOST_TEST(o.at("signer").get<std::string>() == json.at("signer").get<std::string>());
    BOOST_TEST(o.at("signing_time").get<std::string>().size() == 20U);
  }

  // Without a trusted CA nothing can be verified: a usage error, not a verdict.
  const auto untrusted = runCli({"--db", company.db, "order", "verify", std::to_string(company.ready1)});
  BOOST_TEST(untrusted.exitCode == 2);
  BOOST_TEST(untrusted.err.find("no trusted CA") != std::string::npos, untrusted.err);
}

BOOST_AUTO_TEST_CASE(all_ready_signs_only_ready_orders_and_refuses_others_with_the_reason) {
  Company company;
  const auto sign = runCli(withModule({"--db", company.db, "order", "sign", "--all-ready",
                                       std::to_string(company.draft), "--token", "FIRMA", "--pin-fd", "0"}),
                           pinLine());
  BOOST_TEST(sign.exitCode == 1);
  BOOST_TEST(
      sign.err.find(fmt::format("order {}: not signed: the order is draft; only ready orders can be signed",
                                company.draft)) != std::string::npos,
      sign.err);
  BOOST_TEST(sign.err.find("2 of 3 orders signed") != std::string::npos, sign.err);
  BOOST_TEST((company.state(company.ready1) == banking::OrderState::Signed));
  BOOST_TEST((company.state(company.draft) == banking::OrderState::Draft));

  // A draft has no signature to verify.
  const auto verify = runCli({"--db", company.db, "order", "verify", std::to_string(company.draft), "--trust",
                              cliPki().trustedCas().string()});
  BOOST_TEST(verify.exitCode == 1);
  BOOST_TEST(verify.err.find("the order is not signed") != std::string::npos, verify.err);
}

BOOST_AUTO_TEST_CASE(a_wrong_pin_is_reported_once_and_nothing_is_signed) {
  Company company;
  // The right PIN follows on the descriptor: it must not be tried after the wrong one.
  const auto sign = runCli(withModule({"--db", company.db, "order", "sign", std::to_string(company.ready1),
                                       "--token", "WRONGPIN", "--pin-fd", "0"}),
                           "000000\n" + pinLine());
  BOOST_TEST(sign.exitCode == 1);
  BOOST_TEST(sign.err.find("wrong PIN") != std::string::npos, sign.err);
  BOOST_TEST(sign.out.empty());
  BOOST_TEST((company.state(company.ready1) == banking::OrderState::Ready));

  // The token now reports that a wrong PIN was entered.
  const auto show = runCli(withModule({"cert", "show", "--token", "WRONGPIN", "--json"}));
  BOOST_TEST_REQUIRE(show.exitCode == 0, show.err);
  BOOST_TEST(show.json().at("certificates").front().at("pin_state").get<std::string>() == "count_low");
}

BOOST_AUTO_TEST_CASE(a_natural_persons_certificate_cannot_sign_orders) {
  Company company;
  const auto sign = runCli(withModule({"--db", company.db, "order", "sign", std::to_string(company.ready1),
                                       "--token", "OSOBA", "--pin-fd", "0"}),
                           pinLine());
  BOOST_TEST(sign.exitCode == 1);
  BOOST_TEST(sign.err.find("cannot sign payment orders") != std::string::npos, sign.err);
  BOOST_TEST((company.state(company.ready1) == banking::OrderState::Ready));
}

BOOST_AUTO_TEST_CASE(doc_sign_and_verify_round_trip) {
  cliPki();
  testsupport::TempDir dir;
  const std::string file = (dir / "ugovor.pdf").string();
  std::ofstream(file, std::ios::binary) << "%PDF-1.4 ugovor o zakupu\n";
  const auto sign = runCli(withModule({"doc", "sign", file, "--token", "OSOBA", "--pin-fd", "0"}), pinLine());
  BOOST_TEST_REQUIRE(sign.exitCode == 0, sign.err);
  BOOST_TEST(std::filesystem::exists(file + ".p7s"));

  const auto verify =
      runCli({"doc", "verify", file + ".p7s", "--trust", cliPki().trustedCas().string(), "--json"});
  BOOST_TEST_REQUIRE(verify.exitCode == 0, verify.err);
  const Json json = verify.json();
  BOOST_TEST(json.at("valid").get<bool>());
  BOOST_TEST(json.at("chain_valid").get<bool>());
  BOOST_TEST(!json.at("signer").get<std::string>().empty());

  // One byte changed: not valid, exit 1.
  std::ofstream(file, std::ios::binary | std::ios::app) << "x";
  const auto tampered =
      runCli({"doc", "verify", file + ".p7s", file, "--trust", cliPki().trustedCas().string()});
  BOOST_TEST(tampered.exitCode == 1);
  BOOST_TEST(tampered.err.find("signature: NOT valid") != std::string::npos, tampered.err);
}

BOOST_AUTO_TEST_SUITE_END()
