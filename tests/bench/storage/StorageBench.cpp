// Storage benchmark: prints a table, asserts nothing.
//   storage_bench [ENTRIES=1000000] [FOLDER=$TMPDIR] [keep]
// Builds a company with ENTRIES entries over 10 accounts (statements of 100 lines, 100
// statements per import transaction) and measures: import rate beside a bare SQLite insert
// loop of the same rows in the same run (see bareInsertRate), search latency, an account's first page,
// balance lookups, size per entry, peak memory.

#include "Generated.h"
#include "storage/Accounts.h"
#include "storage/Balances.h"
#include "storage/Connection.h"
#include "storage/Database.h"
#include "storage/Entries.h"
#include "storage/Statement.h"
#include "storage/StatementImport.h"
#include "storage/Transaction.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace platnik;
using namespace platnik::storage;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kAccounts = 10;
constexpr int kLinesPerStatement = 100;
constexpr int kStatementsPerImport = 100;

/// CPU seconds this process has used (the machine may be shared: wall time alone misleads).
double cpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

template <class T>
T orDie(banking::Result<T> result, const char* what) {
  if (!result) {
    std::fprintf(stderr, "storage_bench: %s: %s\n", what, result.error().describe().c_str());
    std::exit(1);
  }
  if constexpr (!std::is_void_v<T>) {
    return std::move(result).value();
  }
}

struct Timing {
  double median = 0;
  double p95 = 0;
};

/// Runs `work` `runs` times; milliseconds.
Timing measure(int runs, const std::function<void()>& work) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    work();
    times.push_back(secondsSince(start) * 1000.0);
  }
  std::sort(times.begin(), times.end());
  return {times[times.size() / 2], times[std::min(times.size() - 1, times.size() * 95 / 100)]};
}

void removeDatabase(const fs::path& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::error_code ignored;
    fs::remove(path.string() + suffix, ignored);
  }
}

struct Rate {
  double wall = 0;  ///< rows per second of wall time
  double cpu = 0;   ///< rows per CPU second
};

/// The floor: what storing the same rows costs SQLite with nothing else to do. The table has
/// the `entries` row shape (every column, a 32-byte identity blob, the same values bound the
/// same way, text without copies as the import binds it) and the same INTEGER PRIMARY KEY with
/// the same keys (booking day and the day's count, as StatementImport gives them), on a
/// connection set up like Platnik's (WAL, synchronous=NORMAL, 16 MB cache), one prepared
/// insert, committing every `rowsPerTransaction` rows (the floor: where the import commits; also
/// run with one transaction for all); but no secondary index, no uniqueness check, no foreign
/// key, no full-text index, no identity hashing.
Rate bareInsertRate(const fs::path& path, std::int64_t total, std::int64_t rowsPerTransaction) {
  removeDatabase(path);
  auto connection = orDie(Connection::open(path, Connection::Mode::ReadWriteCreate), "bare open");
  orDie(connection.exec(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16000;"
            "CREATE TABLE entries (id INTEGER PRIMARY KEY, identity BLOB NOT NULL, "
            "account_id INTEGER NOT NULL, statement_id INTEGER NOT NULL, booking_date TEXT NOT NULL, "
            "value_date TEXT, amount_minor INTEGER NOT NULL, currency TEXT NOT NULL, "
            "counterparty_name TEXT NOT NULL, counterparty_account TEXT NOT NULL, "
            "counterparty_place TEXT NOT NULL, counterparty_bic TEXT NOT NULL, purpose TEXT NOT NULL, "
            "payment_code TEXT NOT NULL, credit_model TEXT NOT NULL, credit_reference TEXT NOT NULL, "
            "debit_model TEXT NOT NULL, debit_reference TEXT NOT NULL, end_to_end_id TEXT NOT NULL, "
            "bank_reference TEXT NOT NULL, transaction_code TEXT NOT NULL, reversal INTEGER NOT NULL, "
            "original_amount_minor INTEGER, original_currency TEXT, exchange_rate TEXT NOT NULL, "
            "charges_minor INTEGER, charges_currency TEXT, return_reason TEXT NOT NULL, "
            "additional_info TEXT NOT NULL)"),
        "bare schema");
  auto insert =
      orDie(connection.prepare(
                "INSERT INTO entries(id, identity, account_id, statement_id, booking_date, value_date, "
                "amount_minor, currency, counterparty_name, counterparty_account, counterparty_place, "
                "counterparty_bic, purpose, payment_code, credit_model, credit_reference, debit_model, "
                "debit_reference, end_to_end_id, bank_reference, transaction_code, reversal, "
                "original_amount_minor, original_currency, exchange_rate, charges_minor, "
                "charges_currency, return_reason, additional_info) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            "bare prepare");
  // The same keys as the import gives: the day in the high 32 bits, the day's count in the low.
  std::map<std::int64_t, std::int64_t> lastKeys;
  const auto start = Clock::now();
  const double cpuStart = cpuSeconds();
  std::optional<Transaction> transaction(orDie(Transaction::begin(connection), "bare begin"));
  std::int64_t done = 0;
  std::array<std::uint8_t, 32> identity{};  // stands in for the digest: same size, no hashing
  for (int number = 1; done < total; ++number) {
    const auto statement = testing::makeStatement("", number, kLinesPerStatement, number / kAccounts);
    for (const auto& entry : statement.entries) {
      if (done == total) {
        break;
      }
      ++done;
      std::memcpy(identity.data(), &done, sizeof done);
      const std::int64_t day =
          (std::chrono::sys_days{*entry.bookingDate}.time_since_epoch().count() + 100'000) << 32;
      auto [last, added] = lastKeys.try_emplace(day, day);
      insert.bind(1, ++last->second)
          .bind(2, std::span<const std::uint8_t>(identity))
          .bind(3, number % kAccounts + 1)
          .bind(4, number)
          .bind(5, banking::toIsoString(*entry.bookingDate))
          .bind(6, banking::toIsoString(*entry.valueDate))
          .bind(7, entry.amount.minorUnits())
          .bind(8, entry.amount.currency().code())
          .bindUnowned(9, entry.counterparty.name)
          .bindUnowned(10, entry.counterparty.account)
          .bindUnowned(11, entry.counterparty.place)
          .bindUnowned(12, entry.counterparty.bic)
          .bindUnowned(13, entry.purpose)
          .bindUnowned(14, entry.paymentCode)
          .bindUnowned(15, entry.reference.model)
          .bindUnowned(16, entry.reference.number)
          .bindUnowned(17, entry.debitReference.model)
          .bindUnowned(18, entry.debitReference.number)
          .bindUnowned(19, entry.endToEndId)
          .bindUnowned(20, entry.bankReference)
          .bindUnowned(21, entry.transactionCode)
          .bind(22, entry.reversal ? 1 : 0)
          .bind(23, nullptr)
          .bind(24, nullptr)
          .bindUnowned(25, entry.exchangeRate)
          .bind(26, nullptr)
          .bind(27, nullptr)
          .bindUnowned(28, entry.returnReason)
          .bindUnowned(29, entry.additionalInfo);
      orDie(insert.run(), "bare insert");
      if (done % rowsPerTransaction == 0) {
        orDie(transaction->commit(), "bare commit");
        transaction.reset();
        transaction.emplace(orDie(Transaction::begin(connection), "bare begin"));
      }
    }
  }
  orDie(transaction->commit(), "bare commit");
  return {static_cast<double>(total) / secondsSince(start),
          static_cast<double>(total) / (cpuSeconds() - cpuStart)};
}

/// Making the statements alone (no database): both timed loops include this cost.
Rate generationRate(std::int64_t total) {
  const auto start = Clock::now();
  const double cpuStart = cpuSeconds();
  std::int64_t done = 0;
  std::int64_t checksum = 0;
  for (int number = 1; done < total; ++number) {
    const int lines = static_cast<int>(std::min<std::int64_t>(kLinesPerStatement, total - done));
    const auto statement = testing::makeStatement("", number, lines, number / kAccounts);
    checksum += statement.info.closing->amount.minorUnits();
    done += lines;
  }
  if (checksum == 42) {
    std::fprintf(stderr, "\n");  // keeps the loop from being optimised away
  }
  return {static_cast<double>(total) / secondsSince(start),
          static_cast<double>(total) / (cpuSeconds() - cpuStart)};
}

/// How many times slower `rate` is than `floor`, with the time both spend generating the
/// lines taken out of both.
double slowdownWithoutGeneration(double rate, double floor, double generation) {
  return (1.0 / rate - 1.0 / generation) / (1.0 / floor - 1.0 / generation);
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t total = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
  if (total < kAccounts * kLinesPerStatement) {
    std::fprintf(stderr, "usage: storage_bench [ENTRIES >= %d] [FOLDER]\n", kAccounts * kLinesPerStatement);
    return 2;
  }
  const fs::path folder = argc > 2 ? fs::path(argv[2]) : fs::temp_directory_path();
  const fs::path barePath = folder / fmt::format("platnik-bench-bare-{}.db", getpid());
  const fs::path path = folder / fmt::format("platnik-bench-{}.platnik", getpid());

  std::vector<std::string> accounts;
  for (int a = 0; a < kAccounts; ++a) {
    accounts.push_back(testing::accountNumber(1000 + static_cast<std::uint64_t>(a)));
  }
  // Generating the lines costs the same in both runs; it is inside both timings.
  const Rate generation = generationRate(total);
  const Rate bare = bareInsertRate(barePath, total, kLinesPerStatement * kStatementsPerImport);
  removeDatabase(barePath);
  const Rate bareOne = bareInsertRate(barePath, total, total);
  removeDatabase(barePath);

  removeDatabase(path);
  auto db = orDie(Database::create(path), "create");
  const auto start = Clock::now();
  const double cpuStart = cpuSeconds();
  std::int64_t imported = 0;
  int number = 0;
  while (imported < total) {
    StatementImport import(db.connection());
    for (int s = 0; s < kStatementsPerImport && imported < total; ++s) {
      ++number;
      const int lines = static_cast<int>(std::min<std::int64_t>(kLinesPerStatement, total - imported));
      const auto statement = testing::makeStatement(accounts[static_cast<std::size_t>(number % kAccounts)],
                                                    number, lines, number / kAccounts);
      orDie(testing::feed(import, statement), "import");
      imported += lines;
    }
    orDie(import.commit("bench"), "commit");
  }
  const Rate import{static_cast<double>(total) / secondsSince(start),
                    static_cast<double>(total) / (cpuSeconds() - cpuStart)};

  auto entries = db.entries();
  const std::vector<std::string> words{"cacak",     "elektroprivreda", "faktur", "zakup",   "porez",
                                       "beohemija", "muller",          "struju", "telekom", "avansa"};
  std::size_t word = 0;
  const auto search =
      measure(50, [&] { orDie(entries.search(words[word++ % words.size()], {}, {.limit = 50}), "search"); });
  const auto accountIds = [&] {
    std::vector<std::int64_t> ids;
    for (const auto& account : orDie(db.accounts().list(), "accounts")) {
      ids.push_back(account.id);
    }
    return ids;
  }();
  std::size_t which = 0;
  const auto searchInAccount = measure(50, [&] {
    EntryFilter filter;
    filter.accountId = accountIds[which % accountIds.size()];
    orDie(entries.search(words[which++ % words.size()], filter, {.limit = 50}), "search in account");
  });
  const auto firstPage = measure(50, [&] {
    EntryFilter filter;
    filter.accountId = accountIds[which++ % accountIds.size()];
    orDie(entries.list(filter, {.limit = 50}), "first page");
  });
  const auto deepOffset = measure(10, [&] {
    EntryFilter filter;
    filter.accountId = accountIds[which++ % accountIds.size()];
    orDie(entries.list(filter, {.limit = 50, .offset = total / kAccounts / 2}), "middle page");
  });
  const auto countAll = measure(5, [&] { orDie(entries.count({}), "count"); });
  auto balances = db.balances();
  const auto balance =
      measure(200, [&] { orDie(balances.current(accountIds[which++ % accountIds.size()]), "balance"); });
  std::size_t historyPoints = 0;
  const auto history = measure(20, [&] {
    historyPoints = orDie(balances.history(accountIds[which++ % accountIds.size()]), "history").size();
  });
  orDie(db.connection().exec("PRAGMA wal_checkpoint(TRUNCATE)"), "checkpoint");
  const auto size = fs::file_size(path);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);

  fmt::print("Platnik storage benchmark: {} entries over {} accounts ({} statements of {} lines)\n\n", total,
             kAccounts, number, kLinesPerStatement);
  fmt::print("{:<44} {:>14} {:>14}\n", "measure", "value", "target");
  fmt::print("{:-<74}\n", "");
  fmt::print("{:<44} {:>14.0f} {:>14}\n", "bare SQLite insert loop (rows/s, floor)", bare.wall, "");
  fmt::print("{:<44} {:>14.0f} {:>14}\n", "statement import (entries/s)", import.wall, ">= floor/2");
  fmt::print("{:<44} {:>14.2f} {:>14}\n", "import slower than floor (x, wall time)", bare.wall / import.wall,
             "<= 2");
  fmt::print("{:<44} {:>14.0f} {:>14}\n", "bare insert loop (rows per CPU second)", bare.cpu, "");
  fmt::print("{:<44} {:>14.0f} {:>14}\n", "statement import (entries per CPU second)", import.cpu, "");
  fmt::print("{:<44} {:>14.2f} {:>14}\n", "import slower than floor (x, CPU time)", bare.cpu / import.cpu,
             "<= 2");
  fmt::print("{:<44} {:>14.0f} {:>14}\n", "bare loop in one transaction (rows per CPU s)", bareOne.cpu, "");
  fmt::print("{:<44} {:>14.2f} {:>14}\n", "  import slower than that (x, CPU time)", bareOne.cpu / import.cpu,
             "");
  fmt::print("{:<44} {:>14.0f} {:>14}\n", "generating the lines alone (per CPU second)", generation.cpu, "");
  fmt::print("{:<44} {:>14.2f} {:>14}\n", "  same, generation taken out (x, CPU time)",
             slowdownWithoutGeneration(import.cpu, bare.cpu, generation.cpu), "");
  fmt::print("{:<44} {:>14.2f} {:>14}\n", "search, first 50 hits: median (ms)", search.median, "< 50");
  fmt::print("{:<44} {:>14.2f} {:>14}\n", "search, first 50 hits: p95 (ms)", search.p95, "");
  fmt::print("{:<44} {:>14.2f} {:>14}\n", "search in one account: median (ms)", searchInAccount.median,
             "< 50");
  fmt::print("{:<44} {:>14.2f} {:>14}\n", "search in one account: p95 (ms)", searchInAccount.p95, "");
  fmt::print("{:<44} {:>14.2f} {:>14}\n", "account's first page of 50: median (ms)", firstPage.median,
             "< 50");
  fmt::print("{:<44} {:>14.2f} {:>14}\n", "account's middle page (offset): median (ms)", deepOffset.median,
             "");
  fmt::print("{:<44} {:>14.2f} {:>14}\n", "count of all entries: median (ms)", countAll.median, "");
  fmt::print("{:<44} {:>14.3f} {:>14}\n", "current balance: median (ms)", balance.median, "< 5");
  fmt::print("{:<44} {:>14.2f} {:>14}\n",
             fmt::format("balance history ({} days): median (ms)", historyPoints), history.median, "");
  fmt::print("{:<44} {:>14.0f} {:>14}\n", "database size per entry (bytes)",
             static_cast<double>(size) / static_cast<double>(total), "");
  fmt::print("{:<44} {:>14.1f} {:>14}\n", "database size (MB)", static_cast<double>(size) / 1e6, "");
  fmt::print("{:<44} {:>14.1f} {:>14}\n", "peak memory, RSS (MB)",
             static_cast<double>(usage.ru_maxrss) / 1024.0, "");
  if (argc > 3 && std::string(argv[3]) == "keep") {
    fmt::print("\nkept {}\n", path.string());
  } else {
    removeDatabase(path);
  }
  return 0;
}
