// Storage benchmark: prints a table, asserts nothing.
//   storage_bench [ENTRIES=1000000] [FOLDER=$TMPDIR] [keep]
// Builds a company with ENTRIES entries over 10 accounts (statements of 100 lines, 100
// statements per import transaction) and measures: import rate beside a bare SQLite insert
// loop of the same rows, the two taking turns in the same run (see BareInsertLoop), search
// latency, an account's first page, balance lookups, size per entry, peak memory.

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
#include <sys/wait.h>
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

/// Wall and CPU time summed over the sections it timed.
class Stopwatch {
 public:
  template <class Work>
  void time(Work&& work) {
    const auto start = Clock::now();
    const double cpuStart = cpuSeconds();
    work();
    m_cpu += cpuSeconds() - cpuStart;
    m_wall += secondsSince(start);
  }
  [[nodiscard]] Rate rate(std::int64_t rows) const {
    return {static_cast<double>(rows) / m_wall, static_cast<double>(rows) / m_cpu};
  }

 private:
  double m_wall = 0;
  double m_cpu = 0;
};

/// The benchmark's statements: number n (from 1) is for account n % kAccounts, on day
/// n / kAccounts, with kLinesPerStatement lines (the last one fewer when `total` says so).
struct Plan {
  std::int64_t total = 0;
  [[nodiscard]] int statements() const {
    return static_cast<int>((total + kLinesPerStatement - 1) / kLinesPerStatement);
  }
  [[nodiscard]] int linesOf(int number) const {
    return static_cast<int>(
        std::min<std::int64_t>(kLinesPerStatement, total - std::int64_t{number - 1} * kLinesPerStatement));
  }
  /// The account's id in the import's database: accounts are added as their first statement comes.
  [[nodiscard]] static std::int64_t accountIdOf(int number) { return (number - 1) % kAccounts + 1; }
};

/// The floor: what storing the same rows costs SQLite with nothing else to do. The table has
/// the `entries` row shape (every column, a 32-byte identity blob, the same values bound the
/// same way, text without copies as the import binds it) and the same INTEGER PRIMARY KEY with
/// the same keys (booking day, account and count, as StatementImport gives them), on a
/// connection set up like Platnik's (WAL, synchronous=NORMAL, 16 MB cache), one prepared
/// insert, committing after every `add` (the floor: where the import commits) or once at the
/// end (`oneTransaction`); but no secondary index, no uniqueness check, no foreign key, no
/// full-text index, no identity hashing. Rows come in turns (add), so that the import can run
/// between them: both then meet the same machine.
class BareInsertLoop {
 public:
  BareInsertLoop(const fs::path& path, bool oneTransaction)
      : m_connection(open(path)), m_insert(prepare(m_connection)), m_oneTransaction(oneTransaction) {}

  /// Stores statements [first, first + count) of the plan.
  void add(const Plan& plan, int first, int count) {
    if (!m_transaction) {
      m_transaction.emplace(orDie(Transaction::begin(m_connection), "bare begin"));
    }
    std::array<std::uint8_t, 32> identity{};  // stands in for the digest: same size, no hashing
    for (int number = first; number < first + count; ++number) {
      const auto statement = testing::makeStatement("", number, plan.linesOf(number), number / kAccounts);
      for (const auto& entry : statement.entries) {
        ++m_done;
        std::memcpy(identity.data(), &m_done, sizeof m_done);
        const std::int64_t accountDay =
            ((std::chrono::sys_days{*entry.bookingDate}.time_since_epoch().count() + 100'000) << 32) +
            (Plan::accountIdOf(number) << 20);
        auto [last, added] = m_lastKeys.try_emplace(accountDay, accountDay);
        m_insert.bind(1, ++last->second)
            .bind(2, std::span<const std::uint8_t>(identity))
            .bind(3, Plan::accountIdOf(number))
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
        orDie(m_insert.run(), "bare insert");
      }
    }
    if (!m_oneTransaction) {
      finish();
    }
  }

  /// Commits what is pending.
  void finish() {
    if (m_transaction) {
      orDie(m_transaction->commit(), "bare commit");
      m_transaction.reset();
    }
  }

 private:
  static Connection open(const fs::path& path) {
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
    return connection;
  }
  static Statement prepare(Connection& connection) {
    return orDie(connection.prepare(
                     "INSERT INTO entries(id, identity, account_id, statement_id, booking_date, value_date, "
                     "amount_minor, currency, counterparty_name, counterparty_account, counterparty_place, "
                     "counterparty_bic, purpose, payment_code, credit_model, credit_reference, debit_model, "
                     "debit_reference, end_to_end_id, bank_reference, transaction_code, reversal, "
                     "original_amount_minor, original_currency, exchange_rate, charges_minor, "
                     "charges_currency, return_reason, additional_info) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                     "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                 "bare prepare");
  }

  Connection m_connection;
  Statement m_insert;
  bool m_oneTransaction;
  std::optional<Transaction> m_transaction;
  /// The same keys as the import gives: the day in the high 32 bits, then the account in 12
  /// bits and the count of its entries that day in 20.
  std::map<std::int64_t, std::int64_t> m_lastKeys;
  std::int64_t m_done = 0;
};

/// Both floors (committing per turn, and in one transaction) in a child process that runs a
/// turn when asked: the floors and the import take turns, yet the benchmark's own process
/// holds only the import's memory (its peak RSS is the import's and the queries').
class FloorProcess {
 public:
  FloorProcess(const Plan& plan, const fs::path& barePath, const fs::path& bareOnePath) {
    int down[2];
    int up[2];
    if (pipe(down) != 0 || pipe(up) != 0) {
      std::perror("storage_bench: pipe");
      std::exit(1);
    }
    m_pid = fork();
    if (m_pid < 0) {
      std::perror("storage_bench: fork");
      std::exit(1);
    }
    if (m_pid == 0) {
      close(down[1]);
      close(up[0]);
      serve(plan, barePath, bareOnePath, down[0], up[1]);
    }
    close(down[0]);
    close(up[1]);
    m_toChild = down[1];
    m_fromChild = up[0];
  }

  /// Statements [first, first + count) into both floors; returns when they are stored.
  void turn(int first, int count) {
    const std::array<int, 2> command{first, count};
    char done = 0;
    if (write(m_toChild, command.data(), sizeof command) != sizeof command ||
        read(m_fromChild, &done, 1) != 1) {
      std::fprintf(stderr, "storage_bench: the floor process stopped\n");
      std::exit(1);
    }
  }

  /// Ends the child: the floors' rates (per turn, one transaction).
  std::array<Rate, 2> finish() {
    const std::array<int, 2> command{0, 0};
    std::array<Rate, 2> rates{};
    if (write(m_toChild, command.data(), sizeof command) != sizeof command ||
        read(m_fromChild, rates.data(), sizeof rates) != sizeof rates) {
      std::fprintf(stderr, "storage_bench: the floor process stopped\n");
      std::exit(1);
    }
    int status = 0;
    waitpid(m_pid, &status, 0);
    close(m_toChild);
    close(m_fromChild);
    return rates;
  }

 private:
  [[noreturn]] static void serve(const Plan& plan, const fs::path& barePath, const fs::path& bareOnePath,
                                 int commands, int replies) {
    Stopwatch bareTime;
    Stopwatch bareOneTime;
    {
      BareInsertLoop bareLoop(barePath, false);
      BareInsertLoop bareOneLoop(bareOnePath, true);
      std::array<int, 2> command{};
      while (read(commands, command.data(), sizeof command) == sizeof command && command[1] > 0) {
        bareTime.time([&] { bareLoop.add(plan, command[0], command[1]); });
        bareOneTime.time([&] { bareOneLoop.add(plan, command[0], command[1]); });
        const char done = 1;
        if (write(replies, &done, 1) != 1) {
          _exit(1);
        }
      }
      bareOneTime.time([&] { bareOneLoop.finish(); });
    }
    const std::array<Rate, 2> rates{bareTime.rate(plan.total), bareOneTime.rate(plan.total)};
    removeDatabase(barePath);
    removeDatabase(bareOnePath);
    const bool sent = write(replies, rates.data(), sizeof rates) == sizeof rates;
    _exit(sent ? 0 : 1);
  }

  pid_t m_pid = -1;
  int m_toChild = -1;
  int m_fromChild = -1;
};

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
  const fs::path bareOnePath = folder / fmt::format("platnik-bench-bare1-{}.db", getpid());
  const fs::path path = folder / fmt::format("platnik-bench-{}.platnik", getpid());

  std::vector<std::string> accounts;
  for (int a = 0; a < kAccounts; ++a) {
    accounts.push_back(testing::accountNumber(1000 + static_cast<std::uint64_t>(a)));
  }
  // The import and the floors take turns, a transaction's worth of statements each, the
  // first place alternating: a shared machine's good and bad minutes then fall on both alike,
  // which one after the other they did not. The floors' process starts first, before this
  // one has allocated anything it would inherit (and copy on its first write).
  const Plan plan{total};
  FloorProcess floors(plan, barePath, bareOnePath);
  // Generating the lines costs the same in both runs; it is inside both timings.
  const Rate generation = generationRate(total);
  removeDatabase(path);
  auto db = orDie(Database::create(path), "create");
  Stopwatch importTime;
  for (int first = 1, turn = 0; first <= plan.statements(); first += kStatementsPerImport, ++turn) {
    const int count = std::min(kStatementsPerImport, plan.statements() - first + 1);
    const auto importTurn = [&] {
      importTime.time([&] {
        StatementImport import(db.connection());
        for (int number = first; number < first + count; ++number) {
          const auto statement =
              testing::makeStatement(accounts[static_cast<std::size_t>(number % kAccounts)], number,
                                     plan.linesOf(number), number / kAccounts);
          orDie(testing::feed(import, statement), "import");
        }
        orDie(import.commit("bench"), "commit");
      });
    };
    if (turn % 2 == 0) {
      floors.turn(first, count);
      importTurn();
    } else {
      importTurn();
      floors.turn(first, count);
    }
  }
  const auto [bare, bareOne] = floors.finish();
  const Rate import = importTime.rate(total);
  const int number = plan.statements();

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
