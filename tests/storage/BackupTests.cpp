#include "Generated.h"
#include "storage/Connection.h"
#include "storage/Database.h"
#include "storage/Entries.h"
#include "storage/Settings.h"
#include "storage/StatementImport.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;
using namespace platnik;
using namespace platnik::storage;
using testsupport::TempDir;

namespace {

void importOne(Database& db, int number, int entries) {
  StatementImport import(db.connection());
  BOOST_REQUIRE(testing::feed(import, testing::makeStatement(testing::accountNumber(42), number, entries)));
  BOOST_REQUIRE(import.commit("test"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(BackupTests)

BOOST_AUTO_TEST_CASE(ABackupIsAVerifiedCopyThatOpensOnItsOwn) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  importOne(db, 1, 300);
  auto made = db.backup(dir / "copy.platnik");
  BOOST_REQUIRE_MESSAGE(made, testing::why(made));
  BOOST_TEST(!fs::exists(dir / "copy.platnik.part"));
  auto copy = Database::open(dir / "copy.platnik", Database::Access::ReadOnly);
  BOOST_REQUIRE_MESSAGE(copy, testing::why(copy));
  BOOST_TEST(copy.value().entries().count({}).value() == 300);
  BOOST_TEST(copy.value().check().value().ok());
  BOOST_TEST(db.auditLog().recent(1).value().at(0).action == "backup");
}

BOOST_AUTO_TEST_CASE(ABackupWorksWhileAnotherConnectionWrites) {
  TempDir dir;
  const auto path = dir / "firm.platnik";
  auto db = Database::create(path).value();
  importOne(db, 1, 200);
  std::atomic<bool> stop{false};
  std::string writerError;
  std::thread writer([&] {
    auto other = Database::open(path).value();
    for (int n = 2; !stop && n < 400; ++n) {
      StatementImport import(other.connection());
      auto fed = testing::feed(import, testing::makeStatement(testing::accountNumber(42), n, 100));
      auto done = fed ? import.commit("writer") : boost::outcome_v2::failure(fed.error());
      if (!done) {
        writerError = done.error().describe();
        return;
      }
    }
  });
  for (int i = 0; i < 3; ++i) {
    auto made = db.backup(dir / fmt::format("copy{}.platnik", i));
    BOOST_TEST(made.has_value(), testing::why(made));
  }
  stop = true;
  writer.join();
  BOOST_TEST(writerError.empty(), writerError);
  for (int i = 0; i < 3; ++i) {
    auto copy = Database::open(dir / fmt::format("copy{}.platnik", i)).value();
    const auto entries = copy.entries().count({}).value();
    BOOST_TEST(entries % 100 == 0);  // whole statements only
    BOOST_TEST(copy.check().value().ok());
  }
}

BOOST_AUTO_TEST_CASE(RestoreBringsBackTheBackupsContent) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  importOne(db, 1, 50);
  BOOST_REQUIRE(db.settings().set("language", "sr-Latn"));
  BOOST_REQUIRE(db.backup(dir / "copy.platnik"));
  importOne(db, 2, 70);
  BOOST_REQUIRE(db.settings().set("language", "en"));
  auto restored = db.restore(dir / "copy.platnik");
  BOOST_REQUIRE_MESSAGE(restored, testing::why(restored));
  BOOST_TEST(db.entries().count({}).value() == 50);
  BOOST_TEST(db.settings().get("language").value().value() == "sr-Latn");
  BOOST_TEST(db.auditLog().recent(1).value().at(0).action == "restore");
  BOOST_TEST(db.check().value().ok());
  // A second connection sees the restored content too.
  auto other = Database::open(dir / "firm.platnik").value();
  BOOST_TEST(other.entries().count({}).value() == 50);
}

BOOST_AUTO_TEST_CASE(ATamperedBackupIsNotRestored) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  importOne(db, 1, 50);
  BOOST_REQUIRE(db.backup(dir / "copy.platnik"));
  {
    auto copy = Database::open(dir / "copy.platnik").value();
    BOOST_REQUIRE(
        copy.connection().exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details = 'x'"));
  }
  importOne(db, 2, 10);
  auto restored = db.restore(dir / "copy.platnik");
  BOOST_REQUIRE(!restored);
  BOOST_TEST(restored.error().message.find("nothing was restored") != std::string::npos);
  BOOST_TEST(db.entries().count({}).value() == 60);
  BOOST_TEST(!db.restore(dir / "missing.platnik"));
}

BOOST_AUTO_TEST_CASE(DatedBackupsKeepOnlyTheNewest) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  importOne(db, 1, 10);
  std::vector<fs::path> made;
  for (int i = 0; i < 5; ++i) {
    auto path = db.backupDated(dir / "backups", 3);
    BOOST_REQUIRE_MESSAGE(path, testing::why(path));
    made.push_back(path.value());
  }
  std::vector<fs::path> present;
  for (const auto& item : fs::directory_iterator(dir / "backups")) {
    present.push_back(item.path());
  }
  std::sort(present.begin(), present.end());
  BOOST_REQUIRE(present.size() == 3u);
  BOOST_TEST(present == std::vector<fs::path>(made.end() - 3, made.end()), boost::test_tools::per_element());
  BOOST_TEST(made[0].filename().string().starts_with("firm-"));
  BOOST_TEST(!db.backupDated(dir / "backups", 0));
  // A file of the user's that only looks similar is never removed.
  std::ofstream(dir / "backups" / "firm-notes.platnik") << "mine";
  BOOST_REQUIRE(db.backupDated(dir / "backups", 1));
  BOOST_TEST(fs::exists(dir / "backups" / "firm-notes.platnik"));
}

BOOST_AUTO_TEST_SUITE_END()
