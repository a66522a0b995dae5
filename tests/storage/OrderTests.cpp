#include "Generated.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/Orders.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

using namespace platnik;
using namespace platnik::storage;
using banking::OrderState;
using testsupport::TempDir;

namespace {

banking::PaymentOrder sampleOrder() {
  banking::PaymentOrder order;
  order.payerName = "Platnik d.o.o.";
  order.payerPlace = "Beograd";
  order.payerAccount = testing::accountNumber(42);
  order.recipientName = "Čačak Metal d.o.o.";
  order.recipientPlace = "Čačak";
  order.recipientAccount = testing::accountNumber(77, "205");
  order.amount = banking::Money(1'234'56, banking::Currency::rsd());
  order.paymentCode = "221";
  order.purpose = "Plaćanje po fakturi 12/2024";
  order.debitReference = {"", ""};
  order.creditReference = {"97", "12-2024"};
  order.urgent = true;
  order.executionDate = testing::dayNumber(30);
  return order;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(OrderTests)

BOOST_AUTO_TEST_CASE(AnOrderIsStoredWithAllItsFields) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  const auto order = sampleOrder();
  const auto id = db.orders().add(order).value();
  const auto stored = db.orders().get(id).value();
  BOOST_TEST((stored.order == order));
  BOOST_TEST((stored.state == OrderState::Draft));
  BOOST_TEST(stored.signature.empty());
  BOOST_TEST(!stored.createdAt.empty());
  BOOST_TEST((db.orders().get(id + 1).error().code == banking::Errc::NotFound));
}

BOOST_AUTO_TEST_CASE(TheWholeLifecycleIsRecordedInHistoryAndAudit) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  auto orders = db.orders();
  const auto id = orders.add(sampleOrder()).value();
  BOOST_REQUIRE(orders.changeState(id, OrderState::Ready));
  BOOST_REQUIRE(orders.sign(id, {1, 2, 3}, "CN=Direktor, O=Platnik"));
  BOOST_REQUIRE(orders.changeState(id, OrderState::Queued));
  BOOST_REQUIRE(orders.recordSubmission(id, "MSG-1", "ORD-1"));
  BOOST_REQUIRE(orders.changeState(id, OrderState::Delivered));
  BOOST_REQUIRE(orders.recordBankStatus(id, OrderState::Accepted, "ACSP"));
  BOOST_REQUIRE(orders.recordBankStatus(id, OrderState::Executed, "ACSC"));
  const auto stored = orders.get(id).value();
  BOOST_TEST((stored.state == OrderState::Executed));
  BOOST_TEST(stored.signature == (std::vector<std::uint8_t>{1, 2, 3}));
  BOOST_TEST(stored.signer == "CN=Direktor, O=Platnik");
  BOOST_TEST(stored.messageId == "MSG-1");
  BOOST_TEST(stored.submissionId == "ORD-1");
  BOOST_TEST(stored.bankStatus == "ACSC");
  const auto history = orders.history(id).value();
  BOOST_REQUIRE(history.size() == 8u);
  BOOST_TEST(!history[0].from.has_value());
  const std::vector<OrderState> path{OrderState::Draft,    OrderState::Ready,   OrderState::Signed,
                                     OrderState::Queued,   OrderState::Sending, OrderState::Delivered,
                                     OrderState::Accepted, OrderState::Executed};
  for (std::size_t i = 0; i < path.size(); ++i) {
    BOOST_TEST((history[i].to == path[i]));
    if (i > 0) {
      BOOST_TEST((history[i].from == path[i - 1]));
    }
  }
  std::vector<std::string> actions;
  const auto records = db.auditLog().recent(20).value();
  for (const auto& record : records) {
    if (record.subject == "order " + std::to_string(id)) {
      actions.insert(actions.begin(), record.action);
    }
  }
  BOOST_TEST(actions ==
             (std::vector<std::string>{"order.add", "order.state", "order.sign", "order.state",
                                       "order.submit", "order.state", "order.status", "order.status"}));
  BOOST_TEST(db.check().value().ok());
}

BOOST_AUTO_TEST_CASE(AMoveTheLifecycleForbidsChangesNothing) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  auto orders = db.orders();
  const auto id = orders.add(sampleOrder()).value();
  const auto auditRows = db.auditLog().verify().value().rowsChecked;
  auto jump = orders.changeState(id, OrderState::Executed);
  BOOST_REQUIRE(!jump);
  BOOST_TEST((jump.error().code == banking::Errc::InvalidState));
  BOOST_TEST(!orders.sign(id, {1}, "CN=X"));  // a draft cannot be signed
  BOOST_TEST((orders.get(id).value().state == OrderState::Draft));
  BOOST_TEST(orders.history(id).value().size() == 1u);
  BOOST_TEST(db.auditLog().verify().value().rowsChecked == auditRows);
}

BOOST_AUTO_TEST_CASE(EditingASignedOrderDropsTheSignatureAndReturnsItToDraft) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  auto orders = db.orders();
  const auto id = orders.add(sampleOrder()).value();
  BOOST_REQUIRE(orders.changeState(id, OrderState::Ready));
  BOOST_REQUIRE(orders.sign(id, {9, 9}, "CN=Direktor"));
  auto changed = sampleOrder();
  changed.amount = banking::Money(999'00, banking::Currency::rsd());
  BOOST_REQUIRE(orders.update(id, changed));
  const auto stored = orders.get(id).value();
  BOOST_TEST((stored.state == OrderState::Draft));
  BOOST_TEST(stored.signature.empty());
  BOOST_TEST(stored.signer.empty());
  BOOST_TEST((stored.order.amount == changed.amount));
  BOOST_TEST((orders.history(id).value().back().to == OrderState::Draft));
}

BOOST_AUTO_TEST_CASE(TakingASignedOrderBackToReadyDropsItsSignature) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  auto orders = db.orders();
  const auto id = orders.add(sampleOrder()).value();
  BOOST_REQUIRE(orders.changeState(id, OrderState::Ready));
  BOOST_REQUIRE(orders.sign(id, {9}, "CN=Direktor"));
  BOOST_REQUIRE(orders.changeState(id, OrderState::Queued));
  BOOST_REQUIRE(orders.changeState(id, OrderState::Signed));  // taken off the queue: still signed
  BOOST_TEST(!orders.get(id).value().signature.empty());
  BOOST_REQUIRE(orders.changeState(id, OrderState::Ready));
  BOOST_TEST(orders.get(id).value().signature.empty());
  BOOST_TEST(orders.get(id).value().signer.empty());
}

BOOST_AUTO_TEST_CASE(AnOrderAtTheBankCannotBeEdited) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  auto orders = db.orders();
  const auto id = orders.add(sampleOrder()).value();
  BOOST_REQUIRE(orders.changeState(id, OrderState::Ready));
  BOOST_REQUIRE(orders.sign(id, {9}, "CN=Direktor"));
  BOOST_REQUIRE(orders.changeState(id, OrderState::Queued));
  BOOST_REQUIRE(orders.recordSubmission(id, "MSG-7", "1"));
  auto edit = orders.update(id, sampleOrder());
  BOOST_REQUIRE(!edit);
  BOOST_TEST((edit.error().code == banking::Errc::InvalidState));
  BOOST_TEST((orders.get(id).value().state == OrderState::Sending));
}

BOOST_AUTO_TEST_CASE(ListingFiltersByState) {
  TempDir dir;
  auto db = Database::create(dir / "firm.platnik").value();
  auto orders = db.orders();
  const auto a = orders.add(sampleOrder()).value();
  const auto b = orders.add(sampleOrder()).value();
  BOOST_REQUIRE(orders.changeState(b, OrderState::Ready));
  BOOST_TEST(orders.list().value().size() == 2u);
  const auto drafts = orders.list(OrderState::Draft).value();
  BOOST_REQUIRE(drafts.size() == 1u);
  BOOST_TEST(drafts[0].id == a);
  BOOST_TEST(orders.list(OrderState::Ready).value().at(0).id == b);
}

BOOST_AUTO_TEST_SUITE_END()
