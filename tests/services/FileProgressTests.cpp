#include "Generated.h"
#include "services/StatementExport.h"
#include "services/StatementFiles.h"
#include "storage/Database.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <fstream>
#include <vector>

namespace {

using namespace platnik;

/// A camt.053 file of `statements` statements with `lines` entries each on one account.
std::filesystem::path writeCamt(const std::filesystem::path& dir, int statements, int lines) {
  std::vector<banking::Statement> all;
  for (int n = 1; n <= statements; ++n) {
    all.push_back(storage::testing::makeStatement(storage::testing::accountNumber(1000), n, lines));
  }
  const auto path = dir / "large.xml";
  std::ofstream out(path, std::ios::binary);
  const auto written = services::writeStatements(services::StatementExportFormat::Camt053, all, out, nullptr,
                                                 std::chrono::sys_seconds{std::chrono::days{20000}});
  BOOST_REQUIRE_MESSAGE(written.has_value(), storage::testing::why(written));
  return path;
}

storage::Database create(const std::filesystem::path& path) {
  auto database = storage::Database::create(path);
  BOOST_REQUIRE(database.has_value());
  return std::move(database).value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(FileProgressTests)

BOOST_AUTO_TEST_CASE(progress_grows_to_the_file_size) {
  testsupport::TempDir dir;
  const auto path = writeCamt(dir.path(), 4, 500);
  const auto size = std::filesystem::file_size(path);
  std::vector<std::uintmax_t> seen;
  services::FileProgress control;
  control.progress = [&](std::uintmax_t done, std::uintmax_t total) {
    BOOST_TEST(total == size);
    seen.push_back(done);
  };
  const auto parsed = services::parseStatementFile(path, control);
  BOOST_REQUIRE_MESSAGE(parsed.has_value(), storage::testing::why(parsed));
  BOOST_TEST(parsed.value().statements.size() == 4U);
  BOOST_REQUIRE(seen.size() > 10U);
  BOOST_TEST(std::is_sorted(seen.begin(), seen.end()));
  BOOST_TEST(seen.front() < size);
  BOOST_TEST(seen.back() == size);
}

BOOST_AUTO_TEST_CASE(a_cancelled_import_stores_nothing_of_the_file) {
  testsupport::TempDir dir;
  const auto path = writeCamt(dir.path(), 4, 500);
  auto database = create(dir / "company.platnik");
  std::atomic<bool> cancel = false;
  int calls = 0;
  services::FileProgress control;
  control.cancel = &cancel;
  // Cancelled halfway through, after the first statements have been written to the database.
  control.progress = [&](std::uintmax_t done, std::uintmax_t total) {
    ++calls;
    if (done > total / 2) {
      cancel = true;
    }
  };
  const auto cancelled = services::importStatementFile(database, path, control);
  BOOST_REQUIRE(!cancelled.has_value());
  BOOST_TEST(static_cast<int>(cancelled.error().code) == static_cast<int>(banking::Errc::Cancelled));
  BOOST_TEST(calls > 1);

  // Imported again, every entry is new: nothing of the cancelled import stayed.
  const auto report = services::importStatementFile(database, path, services::FileProgress{});
  BOOST_REQUIRE_MESSAGE(report.has_value(), storage::testing::why(report));
  BOOST_TEST(report.value().entriesNew == 2000);
  BOOST_TEST(report.value().entriesAlreadyPresent == 0);
}

BOOST_AUTO_TEST_SUITE_END()
