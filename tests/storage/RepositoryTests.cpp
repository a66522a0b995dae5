#include "Generated.h"
#include "storage/Accounts.h"
#include "storage/Balances.h"
#include "storage/Banks.h"
#include "storage/Contacts.h"
#include "storage/Database.h"
#include "storage/Settings.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

using namespace platnik;
using namespace platnik::storage;
using testsupport::TempDir;

BOOST_AUTO_TEST_SUITE(RepositoryTests)

BOOST_AUTO_TEST_CASE(BanksKeepTheirChannelSettings) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  auto banks = db.banks();
  const auto id =
      banks.add({0, "160", "Banca Intesa", "iso20022", R"({"url":"https://h2h.example"})"}).value();
  BOOST_TEST(!banks.add({0, "160", "Again", "file", "{}"}));
  auto badJson = banks.add({0, "170", "UniCredit", "file", "{not json"});
  BOOST_REQUIRE(!badJson);
  BOOST_TEST(badJson.error().where == "settings");
  BOOST_TEST(!banks.add({0, "16", "Short", "file", "{}"}));
  const auto found = banks.findByCode("160").value();
  BOOST_REQUIRE(found.has_value());
  BOOST_TEST(found->id == id);
  BOOST_TEST(found->settingsJson == R"({"url":"https://h2h.example"})");
  auto changed = *found;
  changed.adapter = "halcom";
  BOOST_REQUIRE(banks.update(changed));
  BOOST_TEST(banks.list().value().at(0).adapter == "halcom");
}

BOOST_AUTO_TEST_CASE(AccountsAreFoundInAnyFormAndTakeTheirBank) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  const auto bank = db.banks().add({0, "160", "Banca Intesa", "iso20022", "{}"}).value();
  const auto number = testing::accountNumber(18203);
  auto accounts = db.accounts();
  const auto id = accounts.add(number, banking::Currency::rsd(), std::nullopt, "Tekući račun").value();
  const auto stored = accounts.get(id).value();
  BOOST_TEST(stored.number == number);
  BOOST_TEST(stored.iban.starts_with("RS35"));
  BOOST_TEST((stored.bankId == bank));
  BOOST_TEST(stored.displayName == "Tekući račun");
  const auto shortForm = banking::Account::parse(number).value().shortForm();
  BOOST_TEST(accounts.find(shortForm).value()->id == id);
  BOOST_TEST(accounts.find(stored.iban).value()->id == id);
  BOOST_TEST(!accounts.add(shortForm, banking::Currency::rsd()));
  const auto foreign = accounts.add("DE89 3704 0044 0532 0130 00", banking::Currency::eur()).value();
  BOOST_TEST(accounts.get(foreign).value().iban == "DE89370400440532013000");
  BOOST_TEST(accounts.list().value().size() == 2u);
}

BOOST_AUTO_TEST_CASE(ContactsKeepTheirAccountsAndDefaults) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  auto contacts = db.contacts();
  Contact contact{0,
                  "EPS Snabdevanje",
                  "Beograd",
                  {testing::accountNumber(5, "205"), testing::accountNumber(6, "160")},
                  "221",
                  "Račun za struju",
                  {"97", "11-22"},
                  {}};
  const auto id = contacts.add(contact).value();
  auto stored = contacts.get(id).value();
  BOOST_TEST(stored.accounts == contact.accounts);
  BOOST_TEST(stored.creditReference.number == "11-22");
  stored.accounts.pop_back();
  stored.purpose = "Struja";
  BOOST_REQUIRE(contacts.update(stored));
  BOOST_TEST(contacts.list().value().at(0).accounts.size() == 1u);
  BOOST_TEST(contacts.list().value().at(0).purpose == "Struja");
  BOOST_REQUIRE(contacts.remove(id));
  BOOST_TEST(contacts.list().value().empty());
  BOOST_TEST(!contacts.add(Contact{}));
}

BOOST_AUTO_TEST_CASE(SettingsAndCompanyChangesAreAudited) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  auto settings = db.settings();
  BOOST_TEST(!settings.get("language").value().has_value());
  BOOST_REQUIRE(settings.set("language", "sr-Latn"));
  BOOST_REQUIRE(settings.set("language", "sr-Latn"));  // no change, no row
  BOOST_REQUIRE(settings.set("language", "en"));
  BOOST_TEST(settings.get("language").value().value() == "en");
  BOOST_REQUIRE(settings.setCompany({"Platnik d.o.o.", "Beograd", "100000001", "07000001"}));
  BOOST_TEST(settings.company().value()->taxId == "100000001");
  const auto rows = db.auditLog().recent(10).value();
  BOOST_REQUIRE(rows.size() == 3u);
  BOOST_TEST(rows[0].action == "company");
  BOOST_TEST(rows[1].details == "'sr-Latn' -> 'en'");
  BOOST_TEST(rows[2].details == "set to 'sr-Latn'");
}

BOOST_AUTO_TEST_CASE(BalancesGiveTheLatestAndADailyHistory) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  const auto account = db.accounts().add(testing::accountNumber(42), banking::Currency::rsd()).value();
  auto balances = db.balances();
  BOOST_TEST(!balances.current(account).value().has_value());
  const auto rsd = [](std::int64_t minor) { return banking::Money(minor, banking::Currency::rsd()); };
  BOOST_REQUIRE(balances.record(account, testing::dayNumber(1), rsd(100), BalanceSource::Statement));
  BOOST_REQUIRE(balances.record(account, testing::dayNumber(2), rsd(250), BalanceSource::Query));
  BOOST_REQUIRE(balances.record(account, testing::dayNumber(2), rsd(200), BalanceSource::Statement));
  BOOST_REQUIRE(balances.record(account, testing::dayNumber(3), rsd(300), BalanceSource::Query));
  auto current = balances.current(account).value();
  BOOST_REQUIRE(current.has_value());
  BOOST_TEST(current->amount.minorUnits() == 300);
  BOOST_TEST((current->source == BalanceSource::Query));
  const auto history = balances.history(account).value();
  BOOST_REQUIRE(history.size() == 3u);
  BOOST_TEST(history[1].amount.minorUnits() == 200);  // the statement wins on day 2
  BOOST_TEST((history[1].source == BalanceSource::Statement));
  BOOST_TEST(balances.history(account, testing::dayNumber(2), testing::dayNumber(2)).value().size() == 1u);
  BOOST_REQUIRE(balances.record(account, testing::dayNumber(3), rsd(290), BalanceSource::Statement));
  BOOST_TEST(balances.current(account).value()->amount.minorUnits() == 290);
}

BOOST_AUTO_TEST_SUITE_END()
