#include "CliRunner.h"
#include "storage/Connection.h"
#include "storage/Database.h"
#include "storage/Schema.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using platnik::services::Json;
using platnik::testsupport::exampleOrderJson;
using platnik::testsupport::runCli;

namespace {

/// A database file in a temporary folder, and platnik-cli run on it with --db.
struct Company {
  platnik::testsupport::TempDir dir;
  std::string path = (dir / "company.platnik").string();

  platnik::testsupport::CliRun run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", path});
    return runCli(args);
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  }
};

Json order() {
  return exampleOrderJson();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(DatabaseCommandTests)

BOOST_AUTO_TEST_CASE(initCheckBackupRestoreRoundTrip) {
  Company company;
  const auto missing = company.run({"db", "check"});
  BOOST_TEST(missing.exitCode == 2);
  BOOST_TEST(missing.err.find("db init") != std::string::npos);

  const auto init = company.run({"db", "init"});
  BOOST_TEST_REQUIRE(init.exitCode == 0, init.err);
  BOOST_TEST(init.out.find(fmt::format("schema {}", platnik::storage::latestSchemaVersion())) !=
             std::string::npos);
  BOOST_TEST(company.run({"bank", "add", "--code", "160"}).exitCode == 0);

  const auto check = company.run({"db", "check", "--json"});
  BOOST_TEST_REQUIRE(check.exitCode == 0, check.err);
  BOOST_TEST(check.json()["ok"] == true);
  BOOST_TEST(check.json()["audit_rows_checked"].get<int>() >= 1);

  const auto backupPath = (company.dir / "copy.platnik").string();
  const auto backup = company.run({"db", "backup", backupPath});
  BOOST_TEST_REQUIRE(backup.exitCode == 0, backup.err);
  BOOST_TEST(std::filesystem::exists(backupPath));

  // A bank added after the backup is gone once the backup is restored.
  BOOST_TEST(company.run({"bank", "add", "--code", "205"}).exitCode == 0);
  BOOST_TEST(company.run({"bank", "list", "--json"}).json()["banks"].size() == 2U);
  const auto restore = company.run({"db", "restore", backupPath});
  BOOST_TEST_REQUIRE(restore.exitCode == 0, restore.err);
  const auto banks = company.run({"bank", "list", "--json"}).json()["banks"];
  BOOST_TEST_REQUIRE(banks.size() == 1U);
  BOOST_TEST(banks[0]["code"] == "160");
  BOOST_TEST(company.run({"db", "check"}).exitCode == 0);

  const auto notABackup = company.run({"db", "restore", company.write("junk.platnik", "not a database")});
  BOOST_TEST(notABackup.exitCode != 0);
  BOOST_TEST(!notABackup.err.empty());
}

BOOST_AUTO_TEST_CASE(initRefusesAFileThatIsNotAPlatnikDatabase) {
  Company company;
  const std::string text = "these are somebody's notes, not a database\n";
  company.write("company.platnik", text);
  const auto init = company.run({"db", "init"});
  BOOST_TEST(init.exitCode == 2);
  BOOST_TEST(init.err.find("not a Platnik database") != std::string::npos, init.err);
  BOOST_TEST(platnik::testsupport::readFile(company.path) == text);
  BOOST_TEST(company.run({"bank", "list"}).exitCode == 2);
}

BOOST_AUTO_TEST_CASE(checkReportsATamperedAuditRow) {
  Company company;
  BOOST_TEST_REQUIRE(company.run({"db", "init"}).exitCode == 0);
  BOOST_TEST_REQUIRE(company.run({"bank", "add", "--code", "160"}).exitCode == 0);
  BOOST_TEST_REQUIRE(company.run({"bank", "add", "--code", "205"}).exitCode == 0);
  {
    auto database = platnik::storage::Database::open(company.path).value();
    BOOST_REQUIRE(database.connection().exec("DROP TRIGGER audit_log_no_update"));
    BOOST_REQUIRE(database.connection().exec("UPDATE audit_log SET details = 'forged' WHERE id = 1"));
  }
  const auto check = company.run({"db", "check"});
  BOOST_TEST(check.exitCode == 1);
  BOOST_TEST(check.out.empty());
  BOOST_TEST(check.err.find("row 1 was changed") != std::string::npos, check.err);
  const auto json = company.run({"db", "check", "--json"});
  BOOST_TEST(json.exitCode == 1);
  BOOST_TEST(json.json()["ok"] == false);
  BOOST_TEST(json.json()["audit_problems"][0]["row"] == 1);
  // A copy that fails the check is not left in place.
  const auto backupPath = (company.dir / "copy.platnik").string();
  BOOST_TEST(company.run({"db", "backup", backupPath}).exitCode != 0);
  BOOST_TEST(!std::filesystem::exists(backupPath));
}

BOOST_AUTO_TEST_CASE(banksAndAccounts) {
  Company company;
  BOOST_TEST_REQUIRE(company.run({"db", "init"}).exitCode == 0);
  const auto bank = company.run({"bank", "add", "--code", "160", "--json"});
  BOOST_TEST_REQUIRE(bank.exitCode == 0, bank.err);
  BOOST_TEST(bank.json()["name"] == "Banca Intesa");
  BOOST_TEST(bank.json()["adapter"] == "file");
  const auto again = company.run({"bank", "add", "--code", "160", "--name", "Intesa"});
  BOOST_TEST(again.exitCode == 1);
  BOOST_TEST(again.err.find("already in the list") != std::string::npos);
  BOOST_TEST(company.run({"bank", "add", "--code", "16"}).exitCode == 2);
  BOOST_TEST(company.run({"bank", "list"}).out.find("Banca Intesa") != std::string::npos);

  const auto added = company.run({"account", "add", "160-182039-69", "--name", "Main", "--json"});
  BOOST_TEST_REQUIRE(added.exitCode == 0, added.err);
  BOOST_TEST(added.json()["number"] == "160000000018203969");
  BOOST_TEST(added.json()["iban"] == "RS35160000000018203969");
  BOOST_TEST(added.json()["bank_code"] == "160");
  BOOST_TEST(added.json()["currency"] == "RSD");

  const auto invalid = company.run({"account", "add", "160000000018203968"});
  BOOST_TEST(invalid.exitCode == 1);
  BOOST_TEST(invalid.err.find("control digits 68") != std::string::npos, invalid.err);
  const auto duplicate = company.run({"account", "add", "160000000018203969"});
  BOOST_TEST(duplicate.exitCode == 1);
  // A valid number of a bank that is not in the list yet.
  const auto unknownBank = company.run({"account", "add", "115-0381693386976-97"});
  BOOST_TEST(unknownBank.exitCode == 1);
  BOOST_TEST(unknownBank.err.find("bank add --code 115") != std::string::npos, unknownBank.err);
  BOOST_TEST(company.run({"account", "add", "160-182039-69", "--currency", "XYZ"}).exitCode == 1);

  const auto list = company.run({"account", "list", "--json"});
  BOOST_TEST_REQUIRE(list.exitCode == 0);
  BOOST_TEST_REQUIRE(list.json()["accounts"].size() == 1U);
  BOOST_TEST(list.json()["accounts"][0]["name"] == "Main");
  BOOST_TEST(company.run({"account", "list"}).out.find("160000000018203969  RSD  Banca Intesa (160)") !=
             std::string::npos);
  // The existing account check still works beside add and list.
  BOOST_TEST(company.run({"account", "check", "160000000018203969"}).exitCode == 0);
}

BOOST_AUTO_TEST_CASE(contacts) {
  Company company;
  BOOST_TEST_REQUIRE(company.run({"db", "init"}).exitCode == 0);
  const auto added =
      company.run({"contact", "add", "--name", "Elektro Čačak", "--place", "Čačak", "--account",
                   "160-182039-69", "--account", "RS35115038169338697697", "--payment-code", "221",
                   "--credit-model", "97", "--credit-reference", "921234567890", "--json"});
  BOOST_TEST_REQUIRE(added.exitCode == 0, added.err);
  BOOST_TEST(added.json()["accounts"] == Json::array({"160000000018203969", "115038169338697697"}));
  BOOST_TEST(added.json()["credit_reference"] == "921234567890");

  const auto badAccount = company.run({"contact", "add", "--name", "X", "--account", "160000000018203968"});
  BOOST_TEST(badAccount.exitCode == 1);
  BOOST_TEST(badAccount.err.find("account") != std::string::npos);
  const auto badReference = company.run(
      {"contact", "add", "--name", "X", "--credit-model", "97", "--credit-reference", "911234567890"});
  BOOST_TEST(badReference.exitCode == 1);
  BOOST_TEST(badReference.err.find("credit reference") != std::string::npos, badReference.err);

  const auto list = company.run({"contact", "list", "--json"});
  BOOST_TEST_REQUIRE(list.json()["contacts"].size() == 1U);
  BOOST_TEST(list.json()["contacts"][0]["name"] == "Elektro Čačak");
  BOOST_TEST(company.run({"contact", "list"})
                 .out.find("Elektro Čačak, Čačak  160000000018203969, 115038169338697697") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(ordersAddListShow) {
  Company company;
  BOOST_TEST_REQUIRE(company.run({"db", "init"}).exitCode == 0);
  const auto file = company.write("order.json", order().dump(2));
  const auto added = company.run({"order", "add", file, "--json"});
  BOOST_TEST_REQUIRE(added.exitCode == 0, added.err);
  BOOST_TEST(added.json()["added"] == true);
  BOOST_TEST(added.json()["id"] == 1);
  BOOST_TEST(added.json()["valid"] == true, added.out);

  // An incomplete order is kept as a draft, with what it still lacks.
  Json partial = order();
  partial.erase("purpose");
  const auto draft = company.run({"order", "add", company.write("partial.json", partial.dump())});
  BOOST_TEST_REQUIRE(draft.exitCode == 0, draft.err);
  BOOST_TEST(draft.out.find("added order 2") != std::string::npos);
  BOOST_TEST(draft.out.find("purpose: purpose is required") != std::string::npos, draft.out);

  // An unreadable order is refused and nothing is stored.
  Json broken = order();
  broken["amount"] = 12500;
  const auto refused = company.run({"order", "add", company.write("broken.json", broken.dump())});
  BOOST_TEST(refused.exitCode == 1);
  BOOST_TEST(refused.err.find("amount: must be a decimal string") != std::string::npos, refused.err);
  BOOST_TEST(company.run({"order", "add", (company.dir / "none.json").string()}).exitCode == 2);

  const auto list = company.run({"order", "list", "--json"});
  BOOST_TEST_REQUIRE(list.json()["orders"].size() == 2U);
  BOOST_TEST(list.json()["orders"][0]["amount"] == "12500.00");
  BOOST_TEST(company.run({"order", "list", "--state", "draft", "--json"}).json()["orders"].size() == 2U);
  BOOST_TEST(company.run({"order", "list", "--state", "signed", "--json"}).json()["orders"].empty());
  BOOST_TEST(company.run({"order", "list", "--state", "nonsense"}).exitCode == 2);

  const auto show = company.run({"order", "show", "1", "--json"});
  BOOST_TEST_REQUIRE(show.exitCode == 0, show.err);
  const auto json = show.json();
  BOOST_TEST(json["state"] == "draft");
  BOOST_TEST(json["recipient_account"] == "115-0381693386976-97");
  BOOST_TEST(json["purpose"] == "Račun za struju 03/2024");
  BOOST_TEST_REQUIRE(json["history"].size() == 1U);
  BOOST_TEST(json["history"][0]["from"].is_null());
  BOOST_TEST(json["history"][0]["to"] == "draft");
  const auto text = company.run({"order", "show", "1"});
  BOOST_TEST(text.out.find("credit_reference:  921234567890") != std::string::npos, text.out);
  BOOST_TEST(text.out.find("(new) -> draft") != std::string::npos);
  const auto missing = company.run({"order", "show", "99"});
  BOOST_TEST(missing.exitCode == 1);
  BOOST_TEST(!missing.err.empty());
}

BOOST_AUTO_TEST_SUITE_END()
