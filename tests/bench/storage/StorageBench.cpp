// Storage benchmark: prints a table, asserts nothing.
//   storage_bench [ENTRIES=1000000] [FOLDER=$TMPDIR] [keep]
// Builds a company with ENTRIES entries over 10 accounts (statements of 100 lines, 100
// statements per import transaction) and measures: import rate beside a bare SQLite insert
// loop in the same run, search latency, an account's first page, balance lookups, size per
// entry, peak memory.

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
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
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

/// The floor: the same rows into a plain table, one prepared insert, one transaction.
Rate bareInsertRate(const fs::path& path, std::int64_t total) {
  removeDatabase(path);
  auto connection = orDie(Connection::open(path, Connection::Mode::ReadWriteCreate), "bare open");
  orDie(connection.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                        "CREATE TABLE tx(id INTEGER PRIMARY KEY, account_id INTEGER, booking_date TEXT, "
                        "amount_minor INTEGER, currency TEXT, counterparty TEXT, counterparty_account TEXT, "
                        "purpose TEXT, reference TEXT, bank_reference TEXT)"),
        "bare schema");
  auto insert =
      orDie(connection.prepare("INSERT INTO tx(account_id, booking_date, amount_minor, currency, "
                               "counterparty, counterparty_account, purpose, reference, bank_reference) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            "bare prepare");
  const auto start = Clock::now();
  const double cpuStart = cpuSeconds();
  auto transaction = orDie(Transaction::begin(connection), "bare begin");
  std::int64_t done = 0;
  for (int number = 1; done < total; ++number) {
    const auto date = testing::dayNumber(number / kAccounts);
    for (int i = 0; i < kLinesPerStatement && done < total; ++i, ++done) {
      const auto entry = testing::makeEntry(number, i, date);
      insert.bind(1, number % kAccounts)
          .bind(2, banking::toIsoString(date))
          .bind(3, entry.amount.minorUnits())
          .bind(4, entry.amount.currency().code())
          .bind(5, entry.counterparty.name)
          .bind(6, entry.counterparty.account)
          .bind(7, entry.purpose)
          .bind(8, entry.reference.number)
          .bind(9, entry.bankReference);
      orDie(insert.run(), "bare insert");
    }
  }
  orDie(transaction.commit(), "bare commit");
  return {static_cast<double>(total) / secondsSince(start),
          static_cast<double>(total) / (cpuSeconds() - cpuStart)};
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
  const Rate bare = bareInsertRate(barePath, total);
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
