#include "storage/AuditLog.h"
#include "storage/Connection.h"
#include "storage/Database.h"
#include "storage/Settings.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

using namespace platnik;
using namespace platnik::storage;
using testsupport::TempDir;

namespace {

/// A database with five audited setting changes (rows 1..5).
struct Logged {
  TempDir dir;
  Database db = Database::create(dir / "firm.platnik").value();

  Logged() {
    auto settings = db.settings();
    for (int i = 1; i <= 5; ++i) {
      BOOST_REQUIRE(settings.set("backup.keep", std::to_string(i)));
    }
    BOOST_REQUIRE(db.auditLog().verify().value().ok());
    BOOST_REQUIRE(db.auditLog().verify().value().rowsChecked == 5);
  }

  /// What an attacker with the sqlite3 shell does first.
  void dropGuards() {
    BOOST_REQUIRE(db.connection().exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete"));
  }

  std::vector<AuditProblem> problems() { return db.auditLog().verify().value().problems; }
};

bool mentions(const std::vector<AuditProblem>& problems, std::int64_t row, std::string_view text) {
  for (const auto& problem : problems) {
    if (problem.rowId == row && problem.what.find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(AuditLogTests)

BOOST_AUTO_TEST_CASE(RowsAreChainedAndDescribeTheChange) {
  Logged logged;
  const auto rows = logged.db.auditLog().recent(10).value();
  BOOST_REQUIRE(rows.size() == 5u);
  BOOST_TEST(rows[0].id == 5);
  BOOST_TEST(rows[0].action == "setting");
  BOOST_TEST(rows[0].subject == "backup.keep");
  BOOST_TEST(rows[0].details == "'4' -> '5'");
  BOOST_TEST(rows[0].prevHash == rows[1].hash);
  BOOST_TEST(rows[4].prevHash == AuditLog::genesisHash());
  BOOST_TEST(rows[0].hash == AuditLog::hashOf(rows[0]));
}

BOOST_AUTO_TEST_CASE(TriggersForbidUpdateAndDelete) {
  Logged logged;
  BOOST_TEST(!logged.db.connection().exec("UPDATE audit_log SET details = 'x' WHERE id = 2"));
  BOOST_TEST(!logged.db.connection().exec("DELETE FROM audit_log WHERE id = 2"));
}

BOOST_AUTO_TEST_CASE(AnEditedRowIsFound) {
  Logged logged;
  logged.dropGuards();
  BOOST_REQUIRE(logged.db.connection().exec("UPDATE audit_log SET details = 'set to ''999''' WHERE id = 3"));
  const auto problems = logged.problems();
  BOOST_TEST(problems.size() == 1u);
  BOOST_TEST(mentions(problems, 3, "row 3 was changed"));
}

BOOST_AUTO_TEST_CASE(AnEditWithARecomputedHashStillBreaksTheChain) {
  Logged logged;
  logged.dropGuards();
  auto row = logged.db.auditLog().recent(5).value()[2];  // id 3
  BOOST_REQUIRE(row.id == 3);
  row.details = "forged";
  const auto forged = AuditLog::hashOf(row);
  auto update =
      logged.db.connection().prepare("UPDATE audit_log SET details = ?, hash = ? WHERE id = 3").value();
  update.bind(1, row.details).bind(2, forged);
  BOOST_REQUIRE(update.run());
  BOOST_TEST(mentions(logged.problems(), 4, "does not follow"));
}

BOOST_AUTO_TEST_CASE(ADeletedRowIsFound) {
  Logged logged;
  logged.dropGuards();
  BOOST_REQUIRE(logged.db.connection().exec("DELETE FROM audit_log WHERE id = 2"));
  const auto problems = logged.problems();
  BOOST_TEST(mentions(problems, 3, "row 2 is missing"));
  BOOST_TEST(mentions(problems, 3, "does not follow"));
}

BOOST_AUTO_TEST_CASE(DeletingTheLastRowsIsFound) {
  Logged logged;
  logged.dropGuards();
  BOOST_REQUIRE(logged.db.connection().exec("DELETE FROM audit_log WHERE id >= 4"));
  BOOST_TEST(mentions(logged.problems(), 3, "last rows were deleted"));
}

BOOST_AUTO_TEST_CASE(ReorderedRowsAreFound) {
  Logged logged;
  logged.dropGuards();
  // Swap rows 2 and 4 (ids kept in place, content moved).
  BOOST_REQUIRE(
      logged.db.connection().exec("CREATE TEMP TABLE swap AS SELECT * FROM audit_log WHERE id IN (2, 4);"
                                  "DELETE FROM audit_log WHERE id IN (2, 4);"
                                  "INSERT INTO audit_log SELECT 6 - id, at, actor, action, subject, details, "
                                  "prev_hash, hash FROM swap;"));
  const auto problems = logged.problems();
  BOOST_TEST(mentions(problems, 2, "row 2 was changed"));
  BOOST_TEST(mentions(problems, 4, "row 4 was changed"));
}

BOOST_AUTO_TEST_CASE(CheckReportsTheAuditProblems) {
  Logged logged;
  logged.dropGuards();
  BOOST_REQUIRE(logged.db.connection().exec("UPDATE audit_log SET actor = 'someone' WHERE id = 1"));
  const auto report = logged.db.check().value();
  BOOST_TEST(!report.ok());
  BOOST_TEST(report.integrityProblems.empty());
  BOOST_TEST(report.describe().find("audit log: row 1 was changed") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
