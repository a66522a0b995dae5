#include "banking/OrderState.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace platnik::banking {
namespace {

using S = OrderState;

struct StateInfo {
  OrderState state;
  std::string_view name;
  std::span<const OrderState> moves;
};

// The allowed moves. Notes on the less obvious ones:
// - ready/signed/queued → draft: the user edits the order (its signature is dropped).
// - sending → queued: only when nothing left the machine (the connection was never made);
//   once bytes may have reached the bank, a failed send goes to unknown instead.
// - unknown → queued: only after a status query said the bank has no such order; every
//   other answer moves it to the state the bank reports. It is never resent blindly.
// - delivered/accepted → cancelled: the bank confirmed a cancellation request.
constexpr std::array<OrderState, 2> kFromDraft{S::Ready, S::Cancelled};
constexpr std::array<OrderState, 3> kFromReady{S::Draft, S::Signed, S::Cancelled};
constexpr std::array<OrderState, 4> kFromSigned{S::Draft, S::Ready, S::Queued, S::Cancelled};
constexpr std::array<OrderState, 4> kFromQueued{S::Signed, S::Draft, S::Sending, S::Cancelled};
constexpr std::array<OrderState, 4> kFromSending{S::Delivered, S::Rejected, S::Unknown, S::Queued};
constexpr std::array<OrderState, 4> kFromDelivered{S::Accepted, S::Rejected, S::Executed, S::Cancelled};
constexpr std::array<OrderState, 3> kFromAccepted{S::Executed, S::Rejected, S::Cancelled};
constexpr std::array<OrderState, 5> kFromUnknown{S::Delivered, S::Accepted, S::Rejected, S::Executed,
                                                 S::Queued};

constexpr std::array kStates{
    StateInfo{S::Draft, "draft", kFromDraft},
    StateInfo{S::Ready, "ready", kFromReady},
    StateInfo{S::Signed, "signed", kFromSigned},
    StateInfo{S::Queued, "queued", kFromQueued},
    StateInfo{S::Sending, "sending", kFromSending},
    StateInfo{S::Delivered, "delivered", kFromDelivered},
    StateInfo{S::Accepted, "accepted", kFromAccepted},
    StateInfo{S::Rejected, "rejected", {}},
    StateInfo{S::Executed, "executed", {}},
    StateInfo{S::Cancelled, "cancelled", {}},
    StateInfo{S::Unknown, "unknown", kFromUnknown},
};

const StateInfo& info(OrderState state) {
  const auto* it = std::find_if(kStates.begin(), kStates.end(),
                                [&](const StateInfo& entry) { return entry.state == state; });
  if (it == kStates.end()) {
    throw std::invalid_argument(fmt::format("order state {} does not exist", static_cast<int>(state)));
  }
  return *it;
}

}  // namespace

std::string_view toString(OrderState state) {
  return info(state).name;
}

std::optional<OrderState> orderStateFromString(std::string_view name) {
  const auto* it = std::find_if(kStates.begin(), kStates.end(),
                                [&](const StateInfo& entry) { return entry.name == name; });
  if (it == kStates.end()) {
    return std::nullopt;
  }
  return it->state;
}

std::span<const OrderState> OrderLifecycle::movesFrom(OrderState from) {
  return info(from).moves;
}

bool OrderLifecycle::allowed(OrderState from, OrderState to) {
  const auto moves = movesFrom(from);
  return std::find(moves.begin(), moves.end(), to) != moves.end();
}

Result<OrderLifecycle> OrderLifecycle::moveTo(OrderState to) const {
  if (!allowed(m_state, to)) {
    return fail(Errc::InvalidState,
                fmt::format("an order cannot move from {} to {}", toString(m_state), toString(to)));
  }
  return OrderLifecycle(to);
}

bool OrderLifecycle::isEditable() const {
  return m_state == S::Draft || m_state == S::Ready || m_state == S::Signed || m_state == S::Queued;
}

bool OrderLifecycle::mayBeAtBank() const {
  return m_state == S::Sending || m_state == S::Delivered || m_state == S::Accepted ||
         m_state == S::Unknown || m_state == S::Executed;
}

bool OrderLifecycle::isFinal() const {
  return m_state == S::Rejected || m_state == S::Executed || m_state == S::Cancelled;
}

}  // namespace platnik::banking
