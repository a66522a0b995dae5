#pragma once

#include "banking/Error.h"

#include <optional>
#include <span>
#include <string_view>

namespace platnik::banking {

/// Where a payment order is in its life:
/// draft → ready → signed → queued → sending → delivered → accepted | rejected → executed,
/// plus cancelled, and unknown for "sent, no answer" (its status is asked before anything else).
enum class OrderState {
  Draft,
  Ready,
  Signed,
  Queued,
  Sending,
  Delivered,
  Accepted,
  Rejected,
  Executed,
  Cancelled,
  Unknown,
};

/// "draft", "ready", … (stable names, used in the database and in JSON).
std::string_view toString(OrderState state);
std::optional<OrderState> orderStateFromString(std::string_view name);

/// The order state machine as a value: a state and the moves allowed from it.
class OrderLifecycle {
 public:
  explicit OrderLifecycle(OrderState state = OrderState::Draft) : m_state(state) {}

  [[nodiscard]] OrderState state() const { return m_state; }
  /// The moves: draft→ready|cancelled; ready→draft|signed|cancelled;
  /// signed→draft|ready|queued|cancelled; queued→signed|draft|sending|cancelled;
  /// sending→delivered|rejected|unknown|queued (queued only when nothing left the machine);
  /// delivered→accepted|rejected|executed|cancelled; accepted→executed|rejected|cancelled;
  /// unknown→delivered|accepted|rejected|executed|queued (queued only after a status query
  /// said the bank has no such order); rejected, executed and cancelled are final.
  [[nodiscard]] static bool allowed(OrderState from, OrderState to);
  [[nodiscard]] static std::span<const OrderState> movesFrom(OrderState from);
  /// The lifecycle after the move, or InvalidState naming both states.
  [[nodiscard]] Result<OrderLifecycle> moveTo(OrderState to) const;

  /// Editing is possible before the order leaves the program; editing a ready, signed or
  /// queued order returns it to draft and drops its signature.
  [[nodiscard]] bool isEditable() const;
  /// The bank may have the order: it must not be sent again without asking its status first.
  [[nodiscard]] bool mayBeAtBank() const;
  [[nodiscard]] bool isFinal() const;

  friend bool operator==(const OrderLifecycle&, const OrderLifecycle&) = default;

 private:
  OrderState m_state;
};

}  // namespace platnik::banking
