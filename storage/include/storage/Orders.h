#pragma once

#include "banking/Error.h"
#include "banking/OrderState.h"
#include "banking/PaymentOrder.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace platnik::storage {

class Connection;

/// A payment order as kept in the database, with where it is in its life.
struct StoredOrder {
  std::int64_t id = 0;
  banking::PaymentOrder order;
  banking::OrderState state = banking::OrderState::Draft;
  std::vector<std::uint8_t> signature;  ///< CMS detached signature; empty when unsigned
  std::string signer;                   ///< who signed (certificate subject)
  std::string messageId;                ///< the submission's message id (bank drops duplicates by it)
  std::string submissionId;             ///< the order's id within the submission
  std::string bankStatus;               ///< the bank's last status text
  std::string createdAt;
  std::string updatedAt;
};

/// One move in an order's state history.
struct OrderStateChange {
  std::int64_t id = 0;
  std::optional<banking::OrderState> from;  ///< none for the creation
  banking::OrderState to = banking::OrderState::Draft;
  std::string at;
  std::string note;
};

/// Payment orders. Every state change is checked by banking::OrderLifecycle, recorded in
/// the order's history and in the audit log, in one transaction with the change itself.
class Orders {
 public:
  explicit Orders(Connection& connection) : m_connection(&connection) {}

  /// A new order, in draft.
  banking::Result<std::int64_t> add(const banking::PaymentOrder& order);
  banking::Result<StoredOrder> get(std::int64_t id);
  /// All orders, or those in one state; oldest first.
  banking::Result<std::vector<StoredOrder>> list(std::optional<banking::OrderState> state = std::nullopt);
  /// Replaces the fields of an editable order; a ready, signed or queued order returns to
  /// draft and loses its signature.
  banking::Result<void> update(std::int64_t id, const banking::PaymentOrder& order);
  banking::Result<void> changeState(std::int64_t id, banking::OrderState to, std::string_view note = {});
  /// Stores the signature and moves the order to signed.
  banking::Result<void> sign(std::int64_t id, const std::vector<std::uint8_t>& signature,
                             std::string_view signer);
  /// Records the ids the order is sent under and moves it to sending; a resend after a
  /// fault must reuse them.
  banking::Result<void> recordSubmission(std::int64_t id, std::string_view messageId,
                                         std::string_view submissionId);
  /// What the bank said: the new state and its status text.
  banking::Result<void> recordBankStatus(std::int64_t id, banking::OrderState to,
                                         std::string_view statusText);
  banking::Result<std::vector<OrderStateChange>> history(std::int64_t id);

 private:
  /// Moves the order inside the caller's transaction; returns the state it had.
  banking::Result<banking::OrderState> move(std::int64_t id, banking::OrderState to, std::string_view note,
                                            std::string_view auditAction);
  Connection* m_connection;
};

}  // namespace platnik::storage
