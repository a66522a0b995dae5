#pragma once

// A company database filled the way a user fills it: statements written as camt.053 files
// and imported through services::importStatementFile (the real reader and storage import).
// Shared by the service tests and the GUI tests.

#include "Generated.h"
#include "banking/Currency.h"
#include "services/StatementExport.h"
#include "services/StatementFiles.h"
#include "storage/Accounts.h"
#include "storage/Database.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <fstream>
#include <string>
#include <vector>

namespace platnik::servicestest {

/// Writes `kStatements` generated statements of the account (statement n has `kLines`
/// entries booked on day n, counted from 2024-01-01) in the currency as one camt.053 file in
/// `folder`, imports the file into the database, and appends the statements to `written`.
/// Counterparties cycle through storage::testing::counterparties() ("Čačak Metal d.o.o."
/// among them).
inline constexpr int kStatements = 4;
inline constexpr int kLines = 10;

inline void importGenerated(storage::Database& database, const std::filesystem::path& folder,
                            const std::string& account, banking::Currency currency, int firstNumber,
                            std::vector<banking::Statement>& written) {
  std::vector<banking::Statement> statements;
  for (int n = 0; n < kStatements; ++n) {
    auto statement = storage::testing::makeStatement(account, firstNumber + n, kLines, n);
    statement.info.currency = currency;
    const auto retag = [&](banking::Money money) { return banking::Money(money.minorUnits(), currency); };
    statement.info.opening->amount = retag(statement.info.opening->amount);
    statement.info.closing->amount = retag(statement.info.closing->amount);
    for (auto& entry : statement.entries) {
      entry.amount = retag(entry.amount);
    }
    statements.push_back(statement);
    written.push_back(std::move(statement));
  }
  const auto path = folder / ("statements-" + account + ".xml");
  {
    std::ofstream out(path, std::ios::binary);
    const auto done = services::writeStatements(services::StatementExportFormat::Camt053, statements, out,
                                                nullptr, std::chrono::sys_seconds{std::chrono::days{20000}});
    BOOST_REQUIRE_MESSAGE(done.has_value(), "camt.053 not written: " << storage::testing::why(done));
  }
  const auto report = services::importStatementFile(database, path);
  BOOST_REQUIRE_MESSAGE(report.has_value(), "import failed: " << storage::testing::why(report));
  BOOST_REQUIRE_EQUAL(report.value().entriesNew, kStatements * kLines);
}

/// The company of the tests: two RSD accounts at bank 160 and one EUR account at bank 205.
struct CompanyAccounts {
  std::string rsdFirst = storage::testing::accountNumber(1000);
  std::string rsdSecond = storage::testing::accountNumber(1001);
  std::string eur = storage::testing::accountNumber(2000, "205");

  /// Imports the statements of all three accounts.
  void importAll(storage::Database& database, const std::filesystem::path& folder,
                 std::vector<banking::Statement>& written) const {
    importGenerated(database, folder, rsdFirst, banking::Currency::rsd(), 1, written);
    importGenerated(database, folder, rsdSecond, banking::Currency::rsd(), 101, written);
    importGenerated(database, folder, eur, banking::Currency::eur(), 201, written);
  }
};

/// The closing balance of the account's last statement among `written`.
inline banking::Money lastClosing(const std::vector<banking::Statement>& written,
                                  const std::string& account) {
  std::optional<banking::Money> closing;
  for (const auto& statement : written) {
    if (statement.info.account == account) {
      closing = statement.info.closing->amount;
    }
  }
  BOOST_REQUIRE(closing.has_value());
  return *closing;
}

inline std::int64_t accountId(storage::Database& database, const std::string& number) {
  auto found = database.accounts().find(number);
  BOOST_REQUIRE(found.has_value() && found.value().has_value());
  return found.value()->id;
}

/// A database file of its own with the three accounts' statements imported.
struct FilledCompany : CompanyAccounts {
  static constexpr int kStatements = servicestest::kStatements;
  static constexpr int kLines = servicestest::kLines;

  testsupport::TempDir dir;
  storage::Database database = create(dir / "company.platnik");
  std::vector<banking::Statement> written;

  FilledCompany() { importAll(database, dir.path(), written); }

  static storage::Database create(const std::filesystem::path& path) {
    auto database = storage::Database::create(path);
    BOOST_REQUIRE_MESSAGE(database.has_value(), "cannot create the test database");
    return std::move(database).value();
  }

  void importStatements(const std::string& account, banking::Currency currency, int firstNumber) {
    importGenerated(database, dir.path(), account, currency, firstNumber, written);
  }

  std::int64_t accountId(const std::string& number) { return servicestest::accountId(database, number); }
};

}  // namespace platnik::servicestest
