#include "storage/Orders.h"

#include "Util.h"
#include "storage/AuditLog.h"
#include "storage/Connection.h"
#include "storage/Statement.h"
#include "storage/Transaction.h"

#include <fmt/format.h>

namespace platnik::storage {
using banking::Errc;
using banking::fail;
using banking::OrderLifecycle;
using banking::OrderState;
using banking::Result;

namespace {

constexpr const char* kColumns =
    "SELECT id, payer_name, payer_place, payer_account, recipient_name, recipient_place, recipient_account, "
    "amount_minor, currency, payment_code, purpose, debit_model, debit_reference, credit_model, "
    "credit_reference, urgent, execution_date, state, signature, signer, message_id, submission_id, "
    "bank_status, created_at, updated_at FROM payment_orders ";

Result<OrderState> readState(const std::string& text) {
  if (auto state = banking::orderStateFromString(text)) {
    return *state;
  }
  return fail(Errc::Database, fmt::format("the database holds an unknown order state '{}'", text));
}

Result<StoredOrder> readOrder(const Statement& row) {
  StoredOrder stored;
  stored.id = row.integer(0);
  auto& order = stored.order;
  order.payerName = row.text(1);
  order.payerPlace = row.text(2);
  order.payerAccount = row.text(3);
  order.recipientName = row.text(4);
  order.recipientPlace = row.text(5);
  order.recipientAccount = row.text(6);
  BOOST_OUTCOME_TRY(amount, detail::readMoney(row.integer(7), row.text(8)));
  order.amount = amount;
  order.paymentCode = row.text(9);
  order.purpose = row.text(10);
  order.debitReference = {row.text(11), row.text(12)};
  order.creditReference = {row.text(13), row.text(14)};
  order.urgent = row.integer(15) != 0;
  BOOST_OUTCOME_TRY(date, detail::readDate(row.optionalText(16)));
  order.executionDate = date;
  BOOST_OUTCOME_TRY(state, readState(row.text(17)));
  stored.state = state;
  stored.signature = row.blob(18);
  stored.signer = row.optionalText(19).value_or("");
  stored.messageId = row.optionalText(20).value_or("");
  stored.submissionId = row.optionalText(21).value_or("");
  stored.bankStatus = row.text(22);
  stored.createdAt = row.text(23);
  stored.updatedAt = row.text(24);
  return stored;
}

/// Binds the payment fields to parameters 1..16.
void bindFields(Statement& statement, const banking::PaymentOrder& order) {
  statement.bind(1, order.payerName)
      .bind(2, order.payerPlace)
      .bind(3, order.payerAccount)
      .bind(4, order.recipientName)
      .bind(5, order.recipientPlace)
      .bind(6, order.recipientAccount)
      .bind(7, order.amount.minorUnits())
      .bind(8, order.amount.currency().code())
      .bind(9, order.paymentCode)
      .bind(10, order.purpose)
      .bind(11, order.debitReference.model)
      .bind(12, order.debitReference.number)
      .bind(13, order.creditReference.model)
      .bind(14, order.creditReference.number)
      .bind(15, order.urgent ? 1 : 0)
      .bind(16, detail::isoDate(order.executionDate));
}

std::string summary(const banking::PaymentOrder& order) {
  return fmt::format("{} {} to {} ({})", order.amount.toString(), order.amount.currency().code(),
                     order.recipientName, order.recipientAccount);
}

Result<void> addHistory(Connection& connection, std::int64_t id, std::optional<OrderState> from,
                        OrderState to, std::string_view at, std::string_view note) {
  BOOST_OUTCOME_TRY(
      insert, connection.prepare("INSERT INTO order_state_history(order_id, from_state, to_state, at, note) "
                                 "VALUES (?, ?, ?, ?, ?)"));
  insert.bind(1, id)
      .bind(2, from ? std::optional<std::string_view>(banking::toString(*from)) : std::nullopt)
      .bind(3, banking::toString(to))
      .bind(4, at)
      .bind(5, note);
  return insert.run();
}

}  // namespace

Result<std::int64_t> Orders::add(const banking::PaymentOrder& order) {
  BOOST_OUTCOME_TRY(transaction, Transaction::begin(*m_connection));
  const std::string now = detail::nowUtc();
  BOOST_OUTCOME_TRY(insert, m_connection->prepare(
                                "INSERT INTO payment_orders(payer_name, payer_place, payer_account, "
                                "recipient_name, recipient_place, recipient_account, amount_minor, currency, "
                                "payment_code, purpose, debit_model, debit_reference, credit_model, "
                                "credit_reference, urgent, execution_date, state, created_at, updated_at) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  bindFields(insert, order);
  insert.bind(17, banking::toString(OrderState::Draft)).bind(18, now).bind(19, now);
  BOOST_OUTCOME_TRYV(insert.run());
  const auto id = m_connection->lastInsertRowId();
  BOOST_OUTCOME_TRYV(addHistory(*m_connection, id, std::nullopt, OrderState::Draft, now, "created"));
  BOOST_OUTCOME_TRYV(
      AuditLog(*m_connection).append("order.add", fmt::format("order {}", id), summary(order)));
  BOOST_OUTCOME_TRYV(transaction.commit());
  return id;
}

Result<StoredOrder> Orders::get(std::int64_t id) {
  BOOST_OUTCOME_TRY(query, m_connection->prepare(std::string(kColumns) + "WHERE id = ?"));
  query.bind(1, id);
  BOOST_OUTCOME_TRY(row, query.step());
  if (!row) {
    return fail(Errc::NotFound, fmt::format("there is no payment order {}", id));
  }
  return readOrder(query);
}

Result<std::vector<StoredOrder>> Orders::list(std::optional<OrderState> state) {
  BOOST_OUTCOME_TRY(query, m_connection->prepare(std::string(kColumns) +
                                                 (state ? "WHERE state = ? ORDER BY id" : "ORDER BY id")));
  if (state) {
    query.bind(1, banking::toString(*state));
  }
  std::vector<StoredOrder> orders;
  for (;;) {
    BOOST_OUTCOME_TRY(row, query.step());
    if (!row) {
      break;
    }
    BOOST_OUTCOME_TRY(order, readOrder(query));
    orders.push_back(std::move(order));
  }
  return orders;
}

Result<void> Orders::update(std::int64_t id, const banking::PaymentOrder& order) {
  BOOST_OUTCOME_TRY(transaction, Transaction::begin(*m_connection));
  BOOST_OUTCOME_TRY(current, get(id));
  const OrderLifecycle lifecycle(current.state);
  if (!lifecycle.isEditable()) {
    return fail(Errc::InvalidState, fmt::format("order {} is {} and can no longer be changed", id,
                                                banking::toString(current.state)));
  }
  if (current.state != OrderState::Draft) {
    BOOST_OUTCOME_TRYV(lifecycle.moveTo(OrderState::Draft));
  }
  const std::string now = detail::nowUtc();
  BOOST_OUTCOME_TRY(
      statement,
      m_connection->prepare("UPDATE payment_orders SET payer_name = ?, payer_place = ?, payer_account = ?, "
                            "recipient_name = ?, recipient_place = ?, recipient_account = ?, "
                            "amount_minor = ?, currency = ?, payment_code = ?, purpose = ?, "
                            "debit_model = ?, debit_reference = ?, credit_model = ?, credit_reference = ?, "
                            "urgent = ?, execution_date = ?, state = ?, signature = NULL, signer = NULL, "
                            "updated_at = ? WHERE id = ?"));
  bindFields(statement, order);
  statement.bind(17, banking::toString(OrderState::Draft)).bind(18, now).bind(19, id);
  BOOST_OUTCOME_TRYV(statement.run());
  if (current.state != OrderState::Draft) {
    BOOST_OUTCOME_TRYV(addHistory(*m_connection, id, current.state, OrderState::Draft, now,
                                  "edited: signature dropped, back to draft"));
  }
  BOOST_OUTCOME_TRYV(
      AuditLog(*m_connection)
          .append("order.edit", fmt::format("order {}", id),
                  fmt::format("{} (was {})", summary(order), banking::toString(current.state))));
  return transaction.commit();
}

Result<OrderState> Orders::move(std::int64_t id, OrderState to, std::string_view note,
                                std::string_view auditAction) {
  BOOST_OUTCOME_TRY(current, get(id));
  BOOST_OUTCOME_TRYV(OrderLifecycle(current.state).moveTo(to));
  const std::string now = detail::nowUtc();
  // Back to draft or ready means unsigned: the signature no longer stands for the order.
  const bool unsign = to == OrderState::Draft || to == OrderState::Ready;
  BOOST_OUTCOME_TRY(
      statement,
      m_connection->prepare(unsign ? "UPDATE payment_orders SET state = ?, updated_at = ?, signature = NULL, "
                                     "signer = NULL WHERE id = ?"
                                   : "UPDATE payment_orders SET state = ?, updated_at = ? WHERE id = ?"));
  statement.bind(1, banking::toString(to)).bind(2, now).bind(3, id);
  BOOST_OUTCOME_TRYV(statement.run());
  BOOST_OUTCOME_TRYV(addHistory(*m_connection, id, current.state, to, now, note));
  BOOST_OUTCOME_TRYV(AuditLog(*m_connection)
                         .append(auditAction, fmt::format("order {}", id),
                                 fmt::format("{} -> {}{}{}", banking::toString(current.state),
                                             banking::toString(to), note.empty() ? "" : ": ", note)));
  return current.state;
}

Result<void> Orders::changeState(std::int64_t id, OrderState to, std::string_view note) {
  BOOST_OUTCOME_TRY(transaction, Transaction::begin(*m_connection));
  BOOST_OUTCOME_TRYV(move(id, to, note, "order.state"));
  return transaction.commit();
}

Result<void> Orders::sign(std::int64_t id, const std::vector<std::uint8_t>& signature,
                          std::string_view signer) {
  if (signature.empty()) {
    return fail(Errc::InvalidArgument, "an empty signature cannot sign an order");
  }
  BOOST_OUTCOME_TRY(transaction, Transaction::begin(*m_connection));
  BOOST_OUTCOME_TRYV(move(id, OrderState::Signed, fmt::format("signed by {}", signer), "order.sign"));
  BOOST_OUTCOME_TRY(
      statement, m_connection->prepare("UPDATE payment_orders SET signature = ?, signer = ? WHERE id = ?"));
  statement.bind(1, std::span<const std::uint8_t>(signature)).bind(2, signer).bind(3, id);
  BOOST_OUTCOME_TRYV(statement.run());
  return transaction.commit();
}

Result<void> Orders::recordSubmission(std::int64_t id, std::string_view messageId,
                                      std::string_view submissionId) {
  if (messageId.empty()) {
    return fail(Errc::InvalidArgument, "a submission needs its message id");
  }
  BOOST_OUTCOME_TRY(transaction, Transaction::begin(*m_connection));
  BOOST_OUTCOME_TRYV(move(id, OrderState::Sending,
                          fmt::format("message {} order {}", messageId, submissionId), "order.submit"));
  BOOST_OUTCOME_TRY(
      statement,
      m_connection->prepare("UPDATE payment_orders SET message_id = ?, submission_id = ? WHERE id = ?"));
  statement.bind(1, messageId).bind(2, submissionId).bind(3, id);
  BOOST_OUTCOME_TRYV(statement.run());
  return transaction.commit();
}

Result<void> Orders::recordBankStatus(std::int64_t id, OrderState to, std::string_view statusText) {
  BOOST_OUTCOME_TRY(transaction, Transaction::begin(*m_connection));
  BOOST_OUTCOME_TRY(current, get(id));
  if (current.state != to) {
    BOOST_OUTCOME_TRYV(move(id, to, statusText, "order.status"));
  }
  BOOST_OUTCOME_TRY(statement,
                    m_connection->prepare("UPDATE payment_orders SET bank_status = ? WHERE id = ?"));
  statement.bind(1, statusText).bind(2, id);
  BOOST_OUTCOME_TRYV(statement.run());
  return transaction.commit();
}

Result<std::vector<OrderStateChange>> Orders::history(std::int64_t id) {
  BOOST_OUTCOME_TRY(
      query, m_connection->prepare("SELECT id, from_state, to_state, at, note FROM order_state_history "
                                   "WHERE order_id = ? ORDER BY id"));
  query.bind(1, id);
  std::vector<OrderStateChange> changes;
  for (;;) {
    BOOST_OUTCOME_TRY(row, query.step());
    if (!row) {
      break;
    }
    OrderStateChange change;
    change.id = query.integer(0);
    if (auto from = query.optionalText(1)) {
      BOOST_OUTCOME_TRY(state, readState(*from));
      change.from = state;
    }
    BOOST_OUTCOME_TRY(to, readState(query.text(2)));
    change.to = to;
    change.at = query.text(3);
    change.note = query.text(4);
    changes.push_back(std::move(change));
  }
  return changes;
}

}  // namespace platnik::storage
