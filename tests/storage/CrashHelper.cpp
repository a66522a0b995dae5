// The crash test's victim. It works on a database until it is killed (SIGKILL):
//   storage_crash_helper import DB ENTRIES   imports statement after statement of ENTRIES lines
//   storage_crash_helper orders DB           creates orders and moves each through its lifecycle
// Statement n (account 160-42) always has the same content, so the test can tell whether a
// statement is there whole.

#include "Generated.h"
#include "storage/Connection.h"
#include "storage/Database.h"
#include "storage/Orders.h"
#include "storage/Statement.h"
#include "storage/StatementImport.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace platnik;
using namespace platnik::storage;

namespace {

int die(const banking::Error& error) {
  std::fprintf(stderr, "storage_crash_helper: %s\n", error.describe().c_str());
  return 1;
}

int importForever(Database& db, int entries) {
  for (;;) {
    auto query = db.connection().prepare("SELECT count(*) FROM statements");
    if (!query || !query.value().step()) {
      return die(query ? banking::Error{banking::Errc::Database, "count failed"} : query.error());
    }
    const int next = static_cast<int>(query.value().integer(0)) + 1;
    StatementImport import(db.connection());
    if (auto fed = testing::feed(import, testing::makeStatement(testing::accountNumber(42), next, entries));
        !fed) {
      return die(fed.error());
    }
    if (auto committed = import.commit(fmt::format("statement {}", next)); !committed) {
      return die(committed.error());
    }
  }
}

int ordersForever(Database& db) {
  using banking::OrderState;
  auto orders = db.orders();
  for (int n = 1;; ++n) {
    banking::PaymentOrder order;
    order.payerName = "Platnik d.o.o.";
    order.payerAccount = testing::accountNumber(42);
    order.recipientName = fmt::format("Dobavljač {}", n);
    order.recipientAccount = testing::accountNumber(1000 + static_cast<std::uint64_t>(n), "205");
    order.amount = banking::Money(1000 + n, banking::Currency::rsd());
    order.paymentCode = "221";
    order.purpose = "Plaćanje po fakturi";
    auto id = orders.add(order);
    if (!id) {
      return die(id.error());
    }
    const auto orderId = id.value();
    auto step = [&](banking::Result<void> result) { return result ? 0 : die(result.error()); };
    if (step(orders.changeState(orderId, OrderState::Ready)) != 0 ||
        step(orders.sign(orderId, {0x30, 0x82, static_cast<std::uint8_t>(n)}, "CN=Direktor")) != 0 ||
        step(orders.changeState(orderId, OrderState::Queued)) != 0 ||
        step(orders.recordSubmission(orderId, fmt::format("MSG-{}", n), fmt::format("ORD-{}", n))) != 0 ||
        step(orders.changeState(orderId, OrderState::Delivered)) != 0 ||
        step(orders.recordBankStatus(orderId, OrderState::Accepted, "ACSP")) != 0 ||
        step(orders.recordBankStatus(orderId, OrderState::Executed, "ACSC")) != 0) {
      return 1;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: storage_crash_helper import DB ENTRIES | orders DB\n");
    return 2;
  }
  const std::string mode = argv[1];
  auto db = Database::create(argv[2]);
  if (!db) {
    return die(db.error());
  }
  if (mode == "import" && argc == 4) {
    return importForever(db.value(), std::atoi(argv[3]));
  }
  if (mode == "orders") {
    return ordersForever(db.value());
  }
  std::fprintf(stderr, "storage_crash_helper: unknown mode %s\n", mode.c_str());
  return 2;
}
