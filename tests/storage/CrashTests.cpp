#include "Generated.h"
#include "storage/Connection.h"
#include "storage/Database.h"
#include "storage/Orders.h"
#include "storage/Statement.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <map>
#include <random>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace platnik;
using namespace platnik::storage;
using testsupport::TempDir;

namespace {

constexpr int kKills = 20;
constexpr int kEntriesPerStatement = 1000;

/// Starts the helper, lets it work for a random while, kills it with SIGKILL.
void runAndKill(const std::vector<std::string>& arguments, std::mt19937& random) {
  std::vector<char*> argv;
  std::string helper = PLATNIK_STORAGE_CRASH_HELPER;
  argv.push_back(helper.data());
  std::vector<std::string> copies = arguments;
  for (auto& argument : copies) {
    argv.push_back(argument.data());
  }
  argv.push_back(nullptr);
  const pid_t child = fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) {
    execv(argv[0], argv.data());
    _exit(127);
  }
  std::uniform_int_distribution<int> delay(30, 400);
  std::this_thread::sleep_for(std::chrono::milliseconds(delay(random)));
  int status = 0;
  const pid_t finished = waitpid(child, &status, WNOHANG);
  BOOST_REQUIRE_MESSAGE(finished == 0, "the helper stopped by itself (status " << status << ")");
  kill(child, SIGKILL);
  waitpid(child, &status, 0);
  BOOST_REQUIRE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

void requireChecked(Database& db) {
  auto report = db.check();
  BOOST_REQUIRE_MESSAGE(report, testing::why(report));
  BOOST_REQUIRE_MESSAGE(report.value().ok(), report.value().describe());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(CrashTests)

BOOST_AUTO_TEST_CASE(KillingAnImportLeavesEveryStatementWholeOrAbsent) {
  TempDir dir;
  const auto path = dir / "firm.platnik";
  std::mt19937 random(20241125);
  std::int64_t previous = 0;
  for (int kill = 0; kill < kKills; ++kill) {
    runAndKill({"import", path.string(), std::to_string(kEntriesPerStatement)}, random);
    // A kill during the very first start can leave an SQLite file without any table yet:
    // create() opens a Platnik database or finishes that empty one.
    auto db = Database::create(path);
    BOOST_REQUIRE_MESSAGE(db, testing::why(db));
    requireChecked(db.value());
    auto& connection = db.value().connection();
    // Lines per statement in one pass over the entries (a count per statement would scan
    // them once per statement).
    std::map<std::int64_t, std::int64_t> lines;
    auto perStatement =
        connection.prepare("SELECT statement_id, count(*) FROM entries GROUP BY statement_id").value();
    while (perStatement.step().value()) {
      lines[perStatement.integer(0)] = perStatement.integer(1);
    }
    auto statements =
        connection.prepare("SELECT id, number, entry_count FROM statements ORDER BY id").value();
    std::int64_t count = 0;
    while (statements.step().value()) {
      ++count;
      BOOST_REQUIRE_EQUAL(statements.text(1), std::to_string(count));
      BOOST_REQUIRE_EQUAL(statements.integer(2), kEntriesPerStatement);
      BOOST_REQUIRE_EQUAL(lines[statements.integer(0)], kEntriesPerStatement);
    }
    auto entries = connection.prepare("SELECT count(*) FROM entries").value();
    BOOST_REQUIRE(entries.step().value());
    BOOST_REQUIRE_EQUAL(entries.integer(0), count * kEntriesPerStatement);
    BOOST_REQUIRE(count >= previous);
    previous = count;
  }
  BOOST_TEST_MESSAGE(previous << " statements imported across " << kKills << " kills");
  BOOST_TEST(previous > 0);
}

BOOST_AUTO_TEST_CASE(KillingOrderWorkLeavesEveryOrderWithAConsistentHistory) {
  TempDir dir;
  const auto path = dir / "firm.platnik";
  std::mt19937 random(7);
  std::size_t orderCount = 0;
  for (int kill = 0; kill < kKills; ++kill) {
    runAndKill({"orders", path.string()}, random);
    // A kill during the very first start can leave an SQLite file without any table yet:
    // create() opens a Platnik database or finishes that empty one.
    auto db = Database::create(path);
    BOOST_REQUIRE_MESSAGE(db, testing::why(db));
    requireChecked(db.value());
    auto orders = db.value().orders();
    const auto all = orders.list().value();
    for (const auto& order : all) {
      const auto history = orders.history(order.id).value();
      BOOST_REQUIRE(!history.empty());
      BOOST_REQUIRE(!history.front().from.has_value());
      for (std::size_t i = 1; i < history.size(); ++i) {
        BOOST_REQUIRE(history[i].from == history[i - 1].to);
        BOOST_REQUIRE(banking::OrderLifecycle::allowed(*history[i].from, history[i].to));
      }
      BOOST_REQUIRE(history.back().to == order.state);
      const bool signedOnce =
          order.state != banking::OrderState::Draft && order.state != banking::OrderState::Ready;
      BOOST_REQUIRE_EQUAL(!order.signature.empty(), signedOnce);
      const bool submitted = signedOnce && order.state != banking::OrderState::Signed &&
                             order.state != banking::OrderState::Queued;
      BOOST_REQUIRE_EQUAL(!order.messageId.empty(), submitted);
    }
    BOOST_REQUIRE(all.size() >= orderCount);
    orderCount = all.size();
  }
  BOOST_TEST(orderCount > 0u);
}

BOOST_AUTO_TEST_SUITE_END()
