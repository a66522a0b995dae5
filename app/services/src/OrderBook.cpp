#include "services/OrderBook.h"

#include "banking/Account.h"
#include "services/TokenAccess.h"
#include "storage/Accounts.h"
#include "storage/Database.h"
#include "storage/Orders.h"
#include "storage/Settings.h"
#include "storage/Transaction.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

namespace platnik::services {

using banking::Errc;
using banking::fail;
using banking::OrderState;

namespace {

OrderRow toRow(const storage::StoredOrder& stored, banking::Date today) {
  OrderRow row;
  row.id = stored.id;
  row.state = stored.state;
  row.order = stored.order;
  // Only orders still to be signed are judged: what the bank already has is what was sent.
  if (stored.state == OrderState::Draft || stored.state == OrderState::Ready) {
    row.problems = banking::validate(stored.order, today);
  }
  row.signer = stored.signer;
  row.updatedAt = stored.updatedAt;
  return row;
}

}  // namespace

bool OrderRow::deletable() const {
  return state == OrderState::Draft || state == OrderState::Ready;
}

bool OrderRow::editable() const {
  return banking::OrderLifecycle(state).isEditable();
}

banking::Result<CompanyPayer> companyPayer(storage::Database& database) {
  CompanyPayer payer;
  BOOST_OUTCOME_TRY(company, database.settings().company());
  if (company) {
    payer.name = company->name;
    payer.place = company->place;
  }
  BOOST_OUTCOME_TRY(accounts, database.accounts().list());
  for (const storage::StoredAccount& stored : accounts) {
    auto parsed = banking::Account::parse(stored.number);
    payer.accounts.push_back({parsed ? parsed.value().shortForm() : stored.number, stored.displayName,
                              std::string(stored.currency.code())});
  }
  return payer;
}

banking::Result<std::vector<OrderRow>> listOrderRows(storage::Database& database, banking::Date today) {
  BOOST_OUTCOME_TRY(stored, database.orders().list());
  std::vector<OrderRow> rows;
  rows.reserve(stored.size());
  for (const storage::StoredOrder& each : stored) {
    rows.push_back(toRow(each, today));
  }
  return rows;
}

banking::Result<OrderRow> orderRow(storage::Database& database, std::int64_t id, banking::Date today) {
  BOOST_OUTCOME_TRY(stored, database.orders().get(id));
  return toRow(stored, today);
}

banking::Result<std::int64_t> saveOrder(storage::Database& database, std::optional<std::int64_t> id,
                                        const banking::PaymentOrder& order, banking::Date today) {
  // One transaction: the fields and the state they earn are stored together or not at all.
  BOOST_OUTCOME_TRY(transaction, storage::Transaction::begin(database.connection()));
  storage::Orders orders = database.orders();
  std::int64_t stored = 0;
  OrderState state = OrderState::Draft;
  if (id) {
    BOOST_OUTCOME_TRY(existing, orders.get(*id));
    if (!banking::OrderLifecycle(existing.state).isEditable()) {
      return fail(Errc::InvalidState,
                  fmt::format("order {} is {}: it has left the program and can no longer be changed", *id,
                              banking::toString(existing.state)),
                  "order");
    }
    BOOST_OUTCOME_TRYV(orders.update(*id, order));
    BOOST_OUTCOME_TRY(updated, orders.get(*id));
    stored = *id;
    state = updated.state;
  } else {
    BOOST_OUTCOME_TRY(added, orders.add(order));
    stored = added;
  }
  const bool valid = banking::validate(order, today).empty();
  if (valid && state == OrderState::Draft) {
    BOOST_OUTCOME_TRYV(orders.changeState(stored, OrderState::Ready, "saved without problems"));
  } else if (!valid && state == OrderState::Ready) {
    BOOST_OUTCOME_TRYV(orders.changeState(stored, OrderState::Draft, "saved with problems"));
  }
  BOOST_OUTCOME_TRYV(transaction.commit());
  return stored;
}

banking::Result<std::int64_t> duplicateOrder(storage::Database& database, std::int64_t id,
                                             banking::Date today) {
  BOOST_OUTCOME_TRY(stored, database.orders().get(id));
  return saveOrder(database, std::nullopt, stored.order, today);
}

banking::Result<void> deleteOrder(storage::Database& database, std::int64_t id) {
  storage::Orders orders = database.orders();
  BOOST_OUTCOME_TRY(stored, orders.get(id));
  if (stored.state != OrderState::Draft && stored.state != OrderState::Ready) {
    return fail(Errc::InvalidState,
                fmt::format("order {} is {}: only drafts and orders not yet signed can be deleted", id,
                            banking::toString(stored.state)),
                "order");
  }
  return orders.changeState(id, OrderState::Cancelled, "deleted");
}

banking::Result<void> readyForSigning(storage::Database& database, std::span<const std::int64_t> ids,
                                      banking::Date today) {
  storage::Orders orders = database.orders();
  for (const std::int64_t id : ids) {
    auto stored = orders.get(id);
    if (!stored) {
      if (stored.error().code == Errc::NotFound) {
        continue;  // signing reports it
      }
      return stored.error();
    }
    if (stored.value().state == OrderState::Draft && banking::validate(stored.value().order, today).empty()) {
      BOOST_OUTCOME_TRYV(orders.changeState(id, OrderState::Ready, "ready to sign"));
    }
  }
  return boost::outcome_v2::success();
}

banking::Result<std::vector<crypto::TokenInfo>> presentTokens(const std::string& modulePath) {
  BOOST_OUTCOME_TRY(modules, loadModules(modulePath));
  BOOST_OUTCOME_TRY(all, listTokens(modules));
  std::erase_if(all, [](const crypto::TokenInfo& token) { return !token.present || !token.initialized; });
  return all;
}

banking::Result<OrderSigningReport> signOrders(storage::Database& database, const std::string& modulePath,
                                               const std::string& tokenLabel,
                                               std::span<const std::int64_t> ids, crypto::Interaction& ui,
                                               banking::Date today) {
  if (ids.empty()) {
    return fail(Errc::InvalidArgument, "no order is chosen to be signed", "orders");
  }
  BOOST_OUTCOME_TRYV(readyForSigning(database, ids, today));
  BOOST_OUTCOME_TRY(token, openToken(modulePath, tokenLabel));
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  return signStoredOrders(database, ids, false, token.session, ui, now);
}

}  // namespace platnik::services
