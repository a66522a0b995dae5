#include "services/Demo.h"

#include "banking/Account.h"
#include "banking/Banks.h"
#include "crypto/Interaction.h"
#include "crypto/LocalAuthority.h"
#include "crypto/SoftHsm.h"
#include "services/DemoStatements.h"
#include "services/OrderSigning.h"
#include "services/StatementExport.h"
#include "services/StatementFiles.h"
#include "services/TokenAccess.h"
#include "storage/Accounts.h"
#include "storage/Banks.h"
#include "storage/Contacts.h"
#include "storage/Database.h"
#include "storage/Orders.h"
#include "storage/Settings.h"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <span>
#include <sstream>
#include <vector>

namespace platnik::services {
namespace {

using banking::Currency;
using Role = DemoCounterparty::Role;

constexpr const char* kCompanyName = "Demo Preduzeće d.o.o.";
constexpr const char* kCompanyPlace = "Beograd";
constexpr const char* kCompanyTaxId = "109041239";
constexpr const char* kCompanyRegistration = "21754321";
constexpr const char* kCompleteMarker = "demo-complete";

/// A bank of the demo and the file format its statements come in.
struct DemoBank {
  const char* code;
  StatementExportFormat format;
  std::vector<DemoAccount> accounts;
};

std::string domestic(std::string_view bank, std::uint64_t account) {
  const std::string first16 = fmt::format("{}{:013}", bank, account);
  return first16 + banking::Account::controlDigitsFor(first16).value();
}

std::vector<DemoBank> demoBanks() {
  return {
      {"160",
       StatementExportFormat::HalcomTxt,
       {{domestic("160", 412'345), Currency::rsd(), "Tekući račun", 850'000'000, 4, true, false},
        {domestic("160", 498'761), Currency::rsd(), "Račun za dnevni pazar", 120'000'000, 1, false, false}}},
      {"265",
       StatementExportFormat::Camt053,
       {{domestic("265", 1'100'310'004'127), Currency::rsd(), "Tekući račun Raiffeisen", 340'000'000, 2,
         false, true},
        {domestic("265", 1'100'310'004'128), Currency::eur(), "Devizni račun EUR", 1'500'000, 1, false,
         false}}},
      {"170",
       StatementExportFormat::Camt053,
       {{domestic("170", 30'041'270'000), Currency::rsd(), "Tekući račun UniCredit", 210'000'000, 2, false,
         false}}},
  };
}

/// Answers the signing PIN request with the demo PIN, once (a second request means the PIN
/// was refused: never guess again).
class DemoPinEntry : public crypto::Interaction {
 public:
  std::optional<crypto::SecureString> askPin(const crypto::PinRequest&) override {
    if (m_asked) {
      return std::nullopt;
    }
    m_asked = true;
    return crypto::SecureString{kDemoPin};
  }
  std::optional<crypto::SecureString> askNewPin(const crypto::PinRequest&) override { return std::nullopt; }
  bool confirm(crypto::Question, std::string_view) override { return true; }
  void progress(std::size_t, std::size_t) override {}
  [[nodiscard]] bool cancelled() const override { return false; }

 private:
  bool m_asked = false;
};

const DemoCounterparty& counterparty(std::string_view name) {
  for (const auto& candidate : demoCounterparties()) {
    if (candidate.name == name) {
      return candidate;
    }
  }
  throw std::logic_error(fmt::format("no demo counterparty \"{}\"", name));
}

banking::PaymentOrder order(const std::string& payerAccount, const DemoCounterparty& to, std::int64_t minor,
                            const std::string& purpose, banking::Reference creditReference,
                            banking::Date today) {
  banking::PaymentOrder out;
  out.payerName = kCompanyName;
  out.payerPlace = kCompanyPlace;
  out.payerAccount = payerAccount;
  out.recipientName = to.name;  // every demo name fits the order form (validated like any order)
  out.recipientPlace = to.place;
  out.recipientAccount = to.account;
  out.amount = banking::Money(minor, Currency::rsd());
  out.paymentCode = to.paymentCode;
  out.purpose = purpose;
  out.creditReference = std::move(creditReference);
  out.executionDate = today;
  return out;
}

banking::Reference model97(const std::string& body) {
  return banking::Reference{"97", banking::Reference::model97ControlFor(body).value() + body};
}

/// The demo token: a SoftHSM2 token with its key made on it and a qualified legal-entity
/// certificate from the demo CA; the CA's certificate and key are left in the folder.
banking::Result<std::string> makeToken(const DemoPaths& paths, crypto::TimePoint) {
  BOOST_OUTCOME_TRY(module, useDemoToken(paths.folder));
  BOOST_OUTCOME_TRY(publicKey, crypto::createSoftHsmToken(kDemoTokenLabel, kDemoPin, kDemoPuk));
  const auto ca = crypto::LocalAuthority::createRoot(
      {{"C", "RS"}, {"O", "Platnik Demo (not a real CA)"}, {"OU", "DEMO ONLY"}, {"CN", "Platnik Demo CA"}});
  BOOST_OUTCOME_TRYV(ca.save(paths.caKey, paths.caCertificate));
  const crypto::CertificateTerms terms{{{"C", "RS"},
                                        {"L", kCompanyPlace},
                                        {"O", kCompanyName},
                                        {"organizationIdentifier", std::string("VATRS-") + kCompanyTaxId},
                                        {"GN", "Milica"},
                                        {"SN", "Stanković"},
                                        {"CN", "Milica Stanković (demo)"}},
                                       -1,
                                       1095,
                                       "nonRepudiation",
                                       true};
  BOOST_OUTCOME_TRY(certificate, ca.issue(publicKey, terms));
  const auto certificateFile = paths.folder / "demo-token.crt.der";
  {
    std::ofstream out(certificateFile, std::ios::binary);
    out << certificate;
    if (!out) {
      return banking::fail(banking::Errc::Io, "cannot write the demo certificate", certificateFile.string());
    }
  }
  BOOST_OUTCOME_TRYV(crypto::storeCertificateOnToken(kDemoTokenLabel, kDemoPin, certificateFile));
  return module;
}

banking::Result<void> addCompany(storage::Database& database, const DemoPaths& paths, DemoReport& report) {
  auto settings = database.settings();
  BOOST_OUTCOME_TRYV(settings.setCompany({kCompanyName, kCompanyPlace, kCompanyTaxId, kCompanyRegistration}));
  BOOST_OUTCOME_TRYV(settings.set(kTrustFilesSetting, paths.caCertificate.string()));
  auto banks = database.banks();
  auto accounts = database.accounts();
  for (const auto& bank : demoBanks()) {
    const auto known = banking::findBank(bank.code);
    BOOST_OUTCOME_TRY(bankId, banks.add(storage::Bank{
                                  0, bank.code, known ? std::string(known->name) : bank.code, "file", "{}"}));
    ++report.banks;
    for (const auto& account : bank.accounts) {
      BOOST_OUTCOME_TRYV(accounts.add(account.number, account.currency, bankId, account.displayName));
      ++report.accounts;
    }
  }
  auto contacts = database.contacts();
  for (const auto& known : demoCounterparties()) {
    if (known.role == Role::Employee) {
      continue;
    }
    storage::Contact contact;
    contact.name = known.name;
    contact.place = known.place;
    contact.accounts = {known.account};
    contact.paymentCode = known.paymentCode;
    contact.purpose = known.purpose;
    BOOST_OUTCOME_TRYV(contacts.add(contact));
    ++report.contacts;
  }
  return boost::outcome_v2::success();
}

/// Writes each account's year as its bank's file and imports it as a user would.
banking::Result<void> addStatements(storage::Database& database, const DemoPaths& paths, banking::Date today,
                                    crypto::TimePoint now, DemoReport& report) {
  std::filesystem::create_directories(paths.statementFiles);
  for (const auto& bank : demoBanks()) {
    const std::string bankName{banking::findBank(bank.code) ? banking::findBank(bank.code)->name : bank.code};
    for (const auto& account : bank.accounts) {
      const auto statements = demoStatements(account, kCompanyName, bankName, today);
      // Hal E-Bank delivers one statement per file pair (turnover and "_cov" recap); the
      // camt.053 banks put the year in one message.
      const bool halcom = bank.format == StatementExportFormat::HalcomTxt;
      std::vector<std::span<const banking::Statement>> files;
      if (halcom) {
        for (const auto& statement : statements) {
          files.emplace_back(&statement, 1);
        }
      } else {
        files.emplace_back(statements);
      }
      for (const auto& part : files) {
        const auto stem =
            halcom ? fmt::format("{}-{}", account.number, banking::toIsoString(*part.front().info.date))
                   : account.number;
        const auto file = paths.statementFiles / (stem + (halcom ? ".txt" : ".xml"));
        {
          std::ofstream out(file, std::ios::binary);
          std::ofstream recap;
          if (halcom) {
            recap.open(paths.statementFiles / (stem + "_cov.txt"), std::ios::binary);
          }
          BOOST_OUTCOME_TRYV(writeStatements(bank.format, part, out, halcom ? &recap : nullptr, now));
          if (!out || (halcom && !recap)) {
            return banking::fail(banking::Errc::Io, "cannot write the demo statements", file.string());
          }
        }
        BOOST_OUTCOME_TRY(imported, importStatementFile(database, file));
        report.statements += imported.statements;
        report.entries += imported.entriesNew;
      }
    }
  }
  return boost::outcome_v2::success();
}

/// Orders at every stage: drafts (one with a wrong account), ready, signed on the demo token,
/// and sent ones the bank executed, accepted or rejected.
banking::Result<void> addOrders(storage::Database& database, const std::string& module, banking::Date today,
                                crypto::TimePoint now, DemoReport& report) {
  const std::string payer = demoBanks().front().accounts.front().number;
  auto orders = database.orders();
  const auto add = [&](const banking::PaymentOrder& order) -> banking::Result<std::int64_t> {
    ++report.orders;
    return orders.add(order);
  };
  const auto month =
      fmt::format("{:02}/{}", static_cast<unsigned>(today.month()), static_cast<int>(today.year()));

  BOOST_OUTCOME_TRYV(add(order(payer, counterparty("EPS Snabdevanje d.o.o."), 1'843'250,
                               "Električna energija za " + month, model97("4410011"), today)));
  auto wrongAccount = order(payer, counterparty("Telekom Srbija a.d."), 689'900,
                            "Telekomunikacione usluge " + month, model97("4410012"), today);
  wrongAccount.recipientAccount.back() = wrongAccount.recipientAccount.back() == '0' ? '1' : '0';
  BOOST_OUTCOME_TRYV(add(wrongAccount));
  BOOST_OUTCOME_TRYV(
      add(order(payer, counterparty("Мегатрејд д.о.о."), 24'500'000, "Roba po računu 118-" + month,
                model97("118" + std::to_string(static_cast<int>(today.year()))), today)));

  std::vector<std::int64_t> ready;
  const std::vector<banking::PaymentOrder> toReady{
      order(payer, counterparty("Transport Đurić d.o.o."), 5'678'000, "Usluga prevoza, račun 77",
            model97("77"), today),
      order(payer, counterparty("Poreska uprava, porez po odbitku"), 41'234'567,
            "Porez i doprinosi na zarade", model97("109041234"), today),
      order(payer, counterparty("Biro Šabac d.o.o."), 1'230'000, "Kancelarijski materijal", model97("5521"),
            today),
      order(payer, counterparty("Računovodstvena agencija Živković"), 3'600'000,
            "Knjigovodstvene usluge " + month,
            model97("2026" + std::to_string(static_cast<unsigned>(today.month()))), today),
      order(payer, counterparty("JKP Infostan tehnologije"), 987'540, "Komunalne usluge " + month,
            model97("4410013"), today),
      order(payer, counterparty("Ćirić Trade d.o.o."), 15'000'000, "Povraćaj avansa", model97("20260099"),
            today),
      order(payer, counterparty("Poslovni centar Ušće d.o.o."), 12'000'000,
            "Zakup poslovnog prostora " + month, model97("202611"), today),
  };
  for (const auto& fields : toReady) {
    BOOST_OUTCOME_TRY(id, add(fields));
    BOOST_OUTCOME_TRYV(orders.changeState(id, banking::OrderState::Ready, "checked"));
    ready.push_back(id);
  }
  // Sign all but the first two (which stay ready) with one login on the demo token.
  const std::vector<std::int64_t> toSign(ready.begin() + 2, ready.end());
  BOOST_OUTCOME_TRY(token, openToken(module, kDemoTokenLabel));
  DemoPinEntry pin;
  BOOST_OUTCOME_TRY(signing, signStoredOrders(database, toSign, false, token.session, pin, now));
  if (!signing.allSigned()) {
    return banking::fail(banking::Errc::Token, "the demo orders could not be signed: " + signing.describe(),
                         "demo token");
  }
  struct Sent {
    std::int64_t id;
    std::vector<std::pair<banking::OrderState, const char*>> answers;
  };
  const std::vector<Sent> sent{
      {toSign[2], {{banking::OrderState::Delivered, "Primljen"}, {banking::OrderState::Executed, "Izvršen"}}},
      {toSign[3],
       {{banking::OrderState::Delivered, "Primljen"},
        {banking::OrderState::Rejected, "Odbijen: račun primaoca je ugašen (AC04)"}}},
      {toSign[4],
       {{banking::OrderState::Delivered, "Primljen"},
        {banking::OrderState::Accepted, "Prihvaćen, čeka izvršenje na datum valute"}}},
  };
  int message = 0;
  for (const auto& [id, answers] : sent) {
    BOOST_OUTCOME_TRYV(orders.changeState(id, banking::OrderState::Queued, "queued for sending"));
    ++message;
    BOOST_OUTCOME_TRYV(orders.recordSubmission(
        id, fmt::format("DEMO-{}-{:03}", banking::toIsoString(today), message), fmt::format("DEMO-{}", id)));
    for (const auto& [state, text] : answers) {
      BOOST_OUTCOME_TRYV(orders.recordBankStatus(id, state, text));
    }
  }
  return boost::outcome_v2::success();
}

}  // namespace

DemoPaths demoPaths(const std::filesystem::path& folder) {
  const auto absolute = std::filesystem::absolute(folder);
  return DemoPaths{absolute,
                   absolute / "demo.platnik",
                   absolute / "softhsm2.conf",
                   absolute / "demo-ca.pem",
                   absolute / "demo-ca.key",
                   absolute / "statements"};
}

std::filesystem::path defaultDemoFolder() {
  return storage::Database::defaultPath().parent_path() / "demo";
}

banking::Result<std::string> useDemoToken(const std::filesystem::path& folder) {
  BOOST_OUTCOME_TRYV(crypto::useSoftHsmFolder(folder));
  std::string module = crypto::softHsmModulePath();
  if (module.empty()) {
    return banking::fail(banking::Errc::Token,
                         "SoftHSM2 is not installed (the demo token needs package softhsm2)", "demo token");
  }
  return module;
}

bool demoExists(const std::filesystem::path& folder) {
  std::error_code ignored;
  return std::filesystem::exists(demoPaths(folder).folder / kCompleteMarker, ignored);
}

std::string DemoReport::describe() const {
  return fmt::format(
      "Demo made in {:.1f} s in {}\n"
      "  database:  {}\n"
      "  token:     SoftHSM2 token \"{}\" (SOFTHSM2_CONF={}, module {})\n"
      "  PIN:       {}   PUK: {}   (demo only)\n"
      "  trusted:   {} (Platnik Demo CA)\n"
      "  {} banks, {} accounts, {} contacts, {} statements with {} entries, {} orders\n",
      static_cast<double>(took.count()) / 1000.0, paths.folder.string(), paths.database.string(),
      kDemoTokenLabel, paths.tokenConfig.string(), module, kDemoPin, kDemoPuk, paths.caCertificate.string(),
      banks, accounts, contacts, statements, entries, orders);
}

banking::Result<DemoReport> createDemo(const std::filesystem::path& folder, banking::Date today,
                                       crypto::TimePoint now) {
  const auto started = std::chrono::steady_clock::now();
  DemoReport report;
  report.paths = demoPaths(folder);
  const auto& paths = report.paths;
  std::error_code error;
  if (std::filesystem::exists(paths.folder, error) && !std::filesystem::is_empty(paths.folder, error)) {
    return banking::fail(banking::Errc::InvalidState,
                         demoExists(paths.folder)
                             ? "a demo is already there; open it, or delete the folder to make a new one"
                             : "the folder is not empty; the demo is made only in a new or empty folder",
                         paths.folder.string());
  }
  std::filesystem::create_directories(paths.folder, error);
  if (error) {
    return banking::fail(banking::Errc::Io, "cannot make the folder: " + error.message(),
                         paths.folder.string());
  }
  // A failure part-way leaves nothing behind: the next try starts clean.
  struct Cleanup {
    const std::filesystem::path& folder;
    bool done = false;
    ~Cleanup() {
      if (!done) {
        std::error_code ignored;
        std::filesystem::remove_all(folder, ignored);
      }
    }
  } cleanup{paths.folder};

  BOOST_OUTCOME_TRY(module, makeToken(paths, now));
  report.module = module;
  {
    BOOST_OUTCOME_TRY(database, storage::Database::create(paths.database));
    BOOST_OUTCOME_TRYV(addCompany(database, paths, report));
    BOOST_OUTCOME_TRYV(addStatements(database, paths, today, now, report));
    BOOST_OUTCOME_TRYV(addOrders(database, report.module, today, now, report));
  }
  std::ofstream{paths.folder / kCompleteMarker} << "Platnik demo, made " << crypto::toIsoString(now) << "\n";
  cleanup.done = true;
  report.took =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  return report;
}

}  // namespace platnik::services
