#include "Generated.h"
#include "storage/Database.h"
#include "storage/Entries.h"
#include "storage/Orders.h"
#include "storage/StatementImport.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <mutex>
#include <thread>

using namespace platnik;
using namespace platnik::storage;
using testsupport::TempDir;

BOOST_AUTO_TEST_SUITE(ConcurrencyTests)

// The GUI reads pages while a CLI imports and a third connection writes orders: WAL
// readers never wait, and writers queue on the busy timeout instead of failing.
BOOST_AUTO_TEST_CASE(ReadersAndTwoWritersNeverSeeDatabaseIsLocked) {
  TempDir dir;
  const auto path = dir / "firm.platnik";
  { auto db = Database::create(path).value(); }
  std::atomic<bool> importing{true};
  std::mutex mutex;
  std::vector<std::string> errors;
  auto record = [&](const banking::Error& error) {
    std::lock_guard lock(mutex);
    errors.push_back(error.describe());
  };
  std::atomic<int> pagesRead{0};
  std::thread importer([&] {
    auto db = Database::open(path).value();
    for (int n = 1; n <= 40; ++n) {
      StatementImport import(db.connection());
      auto fed = testing::feed(import, testing::makeStatement(testing::accountNumber(42), n, 250));
      auto done = fed ? import.commit("cli") : boost::outcome_v2::failure(fed.error());
      if (!done) {
        record(done.error());
        break;
      }
    }
    importing = false;
  });
  std::thread orderWriter([&] {
    auto db = Database::open(path).value();
    auto orders = db.orders();
    banking::PaymentOrder order;
    order.recipientName = "Dobavljač";
    while (importing) {
      auto id = orders.add(order);
      if (!id) {
        record(id.error());
        return;
      }
      if (auto moved = orders.changeState(id.value(), banking::OrderState::Ready); !moved) {
        record(moved.error());
        return;
      }
    }
  });
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&] {
      auto db = Database::open(path, Database::Access::ReadOnly).value();
      auto entries = db.entries();
      std::int64_t lastCount = 0;
      while (importing) {
        auto count = entries.count({});
        auto page = entries.list({}, {.limit = 50});
        auto found = entries.search("cacak", {}, {.limit = 20});
        if (!count || !page || !found) {
          record(!count ? count.error() : !page ? page.error() : found.error());
          return;
        }
        if (count.value() % 250 != 0 || count.value() < lastCount) {
          record({banking::Errc::Database, fmt::format("a reader saw {} entries", count.value())});
          return;
        }
        lastCount = count.value();
        ++pagesRead;
      }
    });
  }
  importer.join();
  orderWriter.join();
  for (auto& reader : readers) {
    reader.join();
  }
  BOOST_TEST(errors.empty(), (errors.empty() ? "" : errors.front()));
  BOOST_TEST(pagesRead > 0);
  auto db = Database::open(path).value();
  BOOST_TEST(db.entries().count({}).value() == 40 * 250);
  BOOST_TEST(db.check().value().ok());
}

BOOST_AUTO_TEST_SUITE_END()
