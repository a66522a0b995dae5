#include "services/DatabaseFiles.h"
#include "storage/Accounts.h"
#include "storage/AuditLog.h"
#include "storage/Connection.h"
#include "storage/Settings.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <fstream>

using namespace platnik;
using testsupport::TempDir;

BOOST_AUTO_TEST_SUITE(DatabaseFilesTests)

namespace {

storage::Database created(const std::filesystem::path& path) {
  auto database = storage::Database::create(path);
  BOOST_TEST_REQUIRE(database.has_value());
  return std::move(database).value();
}

int datedBackups(const std::filesystem::path& folder) {
  int count = 0;
  for (const auto& item : std::filesystem::directory_iterator(folder)) {
    count += item.path().extension() == ".platnik" ? 1 : 0;
  }
  return count;
}

}  // namespace

BOOST_AUTO_TEST_CASE(opens_a_platnik_database_and_refuses_other_files_unchanged) {
  const TempDir dir;
  {
    auto database = created(dir / "a.platnik");
    BOOST_TEST_REQUIRE(database.settings().setCompany({"Firma A", "Beograd", "104052135", ""}).has_value());
  }
  auto opened = services::openCompanyDatabase(dir / "a.platnik");
  BOOST_TEST_REQUIRE(opened.has_value());
  BOOST_TEST(opened.value().settings().company().value()->name == "Firma A");

  std::ofstream(dir / "notes.txt") << "not a database\n";
  const auto refused = services::openCompanyDatabase(dir / "notes.txt");
  BOOST_TEST_REQUIRE(refused.has_error());
  BOOST_TEST(refused.error().message.find("not a Platnik database") != std::string::npos);
  BOOST_TEST(testsupport::readFile(dir / "notes.txt") == "not a database\n");

  const auto missing = services::openCompanyDatabase(dir / "missing.platnik");
  BOOST_TEST_REQUIRE(missing.has_error());
  BOOST_TEST((missing.error().code == banking::Errc::NotFound));
  BOOST_TEST(!std::filesystem::exists(dir / "missing.platnik"));
}

BOOST_AUTO_TEST_CASE(a_new_database_never_reuses_an_existing_file) {
  const TempDir dir;
  auto fresh = services::newCompanyDatabase(dir / "sub" / "new.platnik");
  BOOST_TEST_REQUIRE(fresh.has_value());
  BOOST_TEST(fresh.value().accounts().list().value().empty());
  const auto again = services::newCompanyDatabase(dir / "sub" / "new.platnik");
  BOOST_TEST_REQUIRE(again.has_error());
  BOOST_TEST(again.error().message.find("already exists") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(company_settings_default_and_read_back) {
  const TempDir dir;
  auto database = created(dir / "c.platnik");
  const auto defaults = services::readCompanySettings(database);
  BOOST_TEST_REQUIRE(defaults.has_value());
  BOOST_TEST(defaults.value().automaticBackups);
  BOOST_TEST(defaults.value().backupsKept == services::CompanySettings::kDefaultBackupsKept);
  BOOST_TEST(defaults.value().modulePath.empty());

  services::CompanySettings settings;
  settings.modulePath = "/usr/lib/softhsm/libsofthsm2.so";
  settings.automaticBackups = false;
  settings.backupsKept = 3;
  BOOST_TEST_REQUIRE(services::writeCompanySettings(database, settings).has_value());
  const auto read = services::readCompanySettings(database).value();
  BOOST_TEST(read.modulePath == settings.modulePath);
  BOOST_TEST(!read.automaticBackups);
  BOOST_TEST(read.backupsKept == 3);
  // Each change is in the audit log.
  const auto recent = database.auditLog().recent(10).value();
  BOOST_TEST(recent.size() == 3U);

  settings.backupsKept = 0;
  const auto refused = services::writeCompanySettings(database, settings);
  BOOST_TEST_REQUIRE(refused.has_error());
  BOOST_TEST(refused.error().where == "backups kept");
  BOOST_TEST(services::readCompanySettings(database).value().backupsKept == 3);

  BOOST_TEST_REQUIRE(database.settings().set(services::kBackupsKeptSetting, "many").has_value());
  const auto unreadable = services::readCompanySettings(database);
  BOOST_TEST_REQUIRE(unreadable.has_error());
  BOOST_TEST(unreadable.error().where == services::kBackupsKeptSetting);
}

BOOST_AUTO_TEST_CASE(automatic_backups_follow_the_company_settings) {
  const TempDir dir;
  auto database = created(dir / "company.platnik");
  const auto folder = services::defaultBackupFolder(database);
  BOOST_TEST(folder == dir / "backups");

  services::CompanySettings settings;
  settings.backupsKept = 2;
  BOOST_TEST_REQUIRE(services::writeCompanySettings(database, settings).has_value());
  for (int i = 0; i < 4; ++i) {
    const auto made = services::automaticBackup(database, folder);
    BOOST_TEST_REQUIRE(made.has_value());
    BOOST_TEST_REQUIRE(made.value().has_value());
    BOOST_TEST(std::filesystem::exists(*made.value()));
  }
  BOOST_TEST(datedBackups(folder) == 2);

  settings.automaticBackups = false;
  BOOST_TEST_REQUIRE(services::writeCompanySettings(database, settings).has_value());
  const auto none = services::automaticBackup(database, folder);
  BOOST_TEST_REQUIRE(none.has_value());
  BOOST_TEST(!none.value().has_value());
  BOOST_TEST(datedBackups(folder) == 2);
}

BOOST_AUTO_TEST_CASE(check_problems_name_the_tampered_audit_row) {
  const TempDir dir;
  auto database = created(dir / "company.platnik");
  BOOST_TEST_REQUIRE(database.settings().set("x", "1").has_value());
  const auto clean = database.check();
  BOOST_TEST_REQUIRE(clean.has_value());
  BOOST_TEST(services::checkProblems(clean.value()).empty());

  BOOST_TEST_REQUIRE(database.connection()
                         .exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details = 'forged'")
                         .has_value());
  const auto tampered = database.check();
  BOOST_TEST_REQUIRE(tampered.has_value());
  const auto problems = services::checkProblems(tampered.value());
  BOOST_TEST_REQUIRE(!problems.empty());
  BOOST_TEST(problems.front().find("audit log row") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
