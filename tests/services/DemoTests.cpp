#include "banking/Account.h"
#include "banking/PaymentOrder.h"
#include "banking/TaxId.h"
#include "banking/Text.h"
#include "services/Demo.h"
#include "services/DemoStatements.h"
#include "services/OrderSigning.h"
#include "services/StatementExport.h"
#include "services/Today.h"
#include "services/TokenAccess.h"
#include "storage/Accounts.h"
#include "storage/Banks.h"
#include "storage/Contacts.h"
#include "storage/Database.h"
#include "storage/Orders.h"
#include "storage/Settings.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <set>

namespace {

using namespace platnik;
namespace chrono = std::chrono;

/// One demo for the whole suite (making the token and a year of statements takes seconds).
struct Demo {
  testsupport::TempDir dir;
  banking::Date today = services::today();
  services::DemoReport report;

  Demo() {
    auto made = services::createDemo(dir / "demo", today, crypto::systemNow());
    if (!made) {
      throw std::runtime_error("createDemo: " + made.error().describe());
    }
    report = made.value();
    BOOST_TEST_MESSAGE(report.describe());
  }

  static Demo& shared() {
    static Demo demo;
    return demo;
  }

  storage::Database open() { return storage::Database::open(report.paths.database).value(); }
};

class PinOnce : public crypto::Interaction {
 public:
  int asked = 0;
  std::optional<crypto::SecureString> askPin(const crypto::PinRequest&) override {
    ++asked;
    return crypto::SecureString{services::kDemoPin};
  }
  std::optional<crypto::SecureString> askNewPin(const crypto::PinRequest&) override { return std::nullopt; }
  bool confirm(crypto::Question, std::string_view) override { return true; }
  void progress(std::size_t, std::size_t) override {}
  [[nodiscard]] bool cancelled() const override { return false; }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(DemoTests)

BOOST_AUTO_TEST_CASE(demo_database_passes_its_check_and_holds_the_company) {
  auto& demo = Demo::shared();
  BOOST_TEST(services::demoExists(demo.report.paths.folder));
  auto database = demo.open();
  const auto check = database.check().value();
  BOOST_TEST(check.ok(), check.describe());
  const auto company = database.settings().company().value();
  BOOST_REQUIRE(company.has_value());
  BOOST_TEST(company->name == "Demo Preduzeće d.o.o.");
  BOOST_TEST(banking::TaxId::parse(company->taxId).has_value());
  const auto trust = database.settings().get(services::kTrustFilesSetting).value();
  BOOST_TEST(trust.value_or("") == demo.report.paths.caCertificate.string());
}

BOOST_AUTO_TEST_CASE(demo_has_three_banks_five_valid_accounts_and_an_address_book) {
  auto database = Demo::shared().open();
  std::set<std::string> codes;
  const auto banks = database.banks().list().value();
  for (const auto& bank : banks) {
    codes.insert(bank.code);
  }
  BOOST_TEST((codes == std::set<std::string>{"160", "170", "265"}));
  const auto accounts = database.accounts().list().value();
  BOOST_TEST(accounts.size() == 5u);
  int euro = 0;
  for (const auto& account : accounts) {
    BOOST_TEST(banking::Account::parse(account.number).has_value(), account.number);
    BOOST_TEST(account.bankId.has_value());
    euro += account.currency == banking::Currency::eur() ? 1 : 0;
  }
  BOOST_TEST(euro == 1);
  const auto contacts = database.contacts().list().value();
  BOOST_TEST(contacts.size() >= 15u);
  bool cyrillic = false;
  for (const auto& contact : contacts) {
    cyrillic = cyrillic || contact.name.find("д.о.о.") != std::string::npos;
    for (const auto& account : contact.accounts) {
      BOOST_TEST((account.starts_with("DE") || banking::Account::parse(account).has_value()), account);
    }
  }
  BOOST_TEST(cyrillic);
}

BOOST_AUTO_TEST_CASE(a_year_of_statements_whose_balances_follow_their_entries) {
  auto& demo = Demo::shared();
  auto database = demo.open();
  const chrono::sys_days today{demo.today};
  std::int64_t entries = 0;
  const auto accounts = database.accounts().list().value();
  for (const auto& account : accounts) {
    const auto statements = services::loadStatements(database, account.number, {}, {}).value();
    BOOST_TEST_CONTEXT(account.number) {
      // The EUR account moves only every week or two; the dinar accounts almost daily.
      const bool euro = account.currency == banking::Currency::eur();
      BOOST_TEST(statements.size() >= (euro ? 20u : 150u));
      BOOST_REQUIRE(!statements.empty());
      const chrono::sys_days first{*statements.front().info.date};
      const chrono::sys_days last{*statements.back().info.date};
      BOOST_TEST((today - first).count() >= 330);
      BOOST_TEST((today - first).count() <= 366);
      BOOST_TEST((today - last).count() <= (euro ? 45 : 7));
      std::optional<banking::Money> previousClosing;
      for (const auto& statement : statements) {
        BOOST_REQUIRE(statement.info.opening.has_value());
        BOOST_REQUIRE(statement.info.closing.has_value());
        banking::Money sum = statement.info.opening->amount;
        for (const auto& entry : statement.entries) {
          sum = sum.plus(entry.amount).value();
        }
        BOOST_TEST(sum == statement.info.closing->amount, "statement " << statement.info.number);
        if (previousClosing) {
          BOOST_TEST(*previousClosing == statement.info.opening->amount);
        }
        previousClosing = statement.info.closing->amount;
        entries += static_cast<std::int64_t>(statement.entries.size());
      }
    }
  }
  BOOST_TEST(entries == demo.report.entries);
  BOOST_TEST(entries > 2000);
}

BOOST_AUTO_TEST_CASE(statements_carry_payment_codes_and_model_97_references) {
  auto database = Demo::shared().open();
  const auto accounts = database.accounts().list().value();
  const auto main = accounts.front();
  const auto statements = services::loadStatements(database, main.number, {}, {}).value();
  std::set<std::string> codes;
  int model97 = 0;
  int incoming = 0;
  int outgoing = 0;
  for (const auto& statement : statements) {
    for (const auto& entry : statement.entries) {
      codes.insert(entry.paymentCode);
      if (entry.reference.model == "97") {
        ++model97;
        BOOST_TEST(banking::Reference::parse("97", entry.reference.number).has_value(),
                   entry.reference.number);
      }
      (entry.amount.isNegative() ? outgoing : incoming) += 1;
    }
  }
  for (const char* code : {"221", "240", "254", "290"}) {
    BOOST_TEST(codes.contains(code), code);
  }
  BOOST_TEST(model97 > 100);
  BOOST_TEST(incoming > 100);
  BOOST_TEST(outgoing > 100);
}

BOOST_AUTO_TEST_CASE(statements_are_the_same_every_time) {
  const auto date = banking::makeDate(2026, 3, 31).value();
  services::DemoAccount account{
      "160000000041234543", banking::Currency::rsd(), "x", 100'000'000, 3, true, true};
  account.number = "1600000000412345" + banking::Account::controlDigitsFor("1600000000412345").value();
  BOOST_TEST((services::demoStatements(account, "A", "B", date) ==
              services::demoStatements(account, "A", "B", date)));
}

BOOST_AUTO_TEST_CASE(orders_in_every_stage_with_bank_status_texts) {
  auto& demo = Demo::shared();
  auto database = demo.open();
  const auto orders = database.orders().list().value();
  BOOST_TEST(orders.size() == static_cast<std::size_t>(demo.report.orders));
  std::set<banking::OrderState> states;
  int withProblems = 0;
  for (const auto& stored : orders) {
    states.insert(stored.state);
    // Whole names, never cut inside a character (Serbian names are longer in bytes than letters).
    BOOST_TEST(!stored.order.recipientName.empty());
    BOOST_TEST(banking::isValidUtf8(stored.order.recipientName));
    if (stored.state == banking::OrderState::Draft && !banking::validate(stored.order, demo.today).empty()) {
      ++withProblems;
    }
    if (stored.state == banking::OrderState::Executed || stored.state == banking::OrderState::Rejected) {
      BOOST_TEST(!stored.bankStatus.empty());
      BOOST_TEST(!stored.signature.empty());
    }
  }
  for (const auto state :
       {banking::OrderState::Draft, banking::OrderState::Ready, banking::OrderState::Signed,
        banking::OrderState::Accepted, banking::OrderState::Executed, banking::OrderState::Rejected}) {
    BOOST_TEST(states.contains(state), banking::toString(state));
  }
  BOOST_TEST(withProblems == 1);
}

BOOST_AUTO_TEST_CASE(demo_signatures_verify_against_the_demo_ca) {
  auto& demo = Demo::shared();
  auto database = demo.open();
  std::vector<std::int64_t> signedIds;
  const auto all = database.orders().list().value();
  for (const auto& stored : all) {
    if (!stored.signature.empty()) {
      signedIds.push_back(stored.id);
    }
  }
  BOOST_TEST(signedIds.size() == 5u);
  const auto trust = services::loadTrust({}, &database).value();
  const auto verified = services::verifyStoredOrders(database, signedIds, trust, crypto::systemNow()).value();
  BOOST_TEST(verified.allValid(), verified.describe());
}

BOOST_AUTO_TEST_CASE(the_demo_token_holds_a_qualified_legal_entity_certificate_that_signs_orders) {
  auto& demo = Demo::shared();
  const auto module = services::useDemoToken(demo.report.paths.folder).value();
  {
    auto modules = services::loadModules(module).value();
    const auto tokens = services::listTokens(modules).value();
    bool found = false;
    for (const auto& token : tokens) {
      found = found || token.label == services::kDemoTokenLabel;
    }
    BOOST_TEST(found);
  }
  auto database = demo.open();
  auto opened = services::openToken(module, services::kDemoTokenLabel).value();
  const auto certificate = services::orderSigningCertificate(opened.session, crypto::systemNow()).value();
  BOOST_TEST((certificate.holder == crypto::HolderType::LegalEntity));
  BOOST_TEST(certificate.qualified());
  BOOST_TEST(certificate.issuer.find("Platnik Demo CA") != std::string::npos);

  // A new order signed with the demo PIN, then verified.
  auto fields = database.orders()
                    .get(database.orders().list(banking::OrderState::Ready).value().front().id)
                    .value()
                    .order;
  fields.purpose = "Test potpisa";
  const auto id = database.orders().add(fields).value();
  BOOST_TEST(database.orders().changeState(id, banking::OrderState::Ready).has_value());
  PinOnce pin;
  const std::vector<std::int64_t> ids{id};
  const auto report =
      services::signStoredOrders(database, ids, false, opened.session, pin, crypto::systemNow()).value();
  BOOST_TEST(report.allSigned(), report.describe());
  BOOST_TEST(pin.asked == 1);
  const auto trust = services::loadTrust({}, &database).value();
  BOOST_TEST(services::verifyStoredOrders(database, ids, trust, crypto::systemNow()).value().allValid());
}

BOOST_AUTO_TEST_CASE(a_second_demo_in_the_same_folder_is_refused_and_the_first_stays) {
  auto& demo = Demo::shared();
  auto again = services::createDemo(demo.report.paths.folder, demo.today, crypto::systemNow());
  BOOST_REQUIRE(!again.has_value());
  BOOST_TEST((again.error().code == banking::Errc::InvalidState));
  BOOST_TEST(again.error().message.find("already") != std::string::npos);
  BOOST_TEST(services::demoExists(demo.report.paths.folder));
  BOOST_TEST(std::filesystem::exists(demo.report.paths.database));

  testsupport::TempDir other;
  std::ofstream{other / "notes.txt"} << "mine\n";
  auto refused = services::createDemo(other.path(), demo.today, crypto::systemNow());
  BOOST_REQUIRE(!refused.has_value());
  BOOST_TEST(refused.error().message.find("not empty") != std::string::npos);
  BOOST_TEST(std::filesystem::exists(other / "notes.txt"));
}

BOOST_AUTO_TEST_SUITE_END()
