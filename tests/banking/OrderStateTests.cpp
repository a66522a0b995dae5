#include "banking/OrderState.h"

#include <boost/test/unit_test.hpp>

#include <array>
#include <set>
#include <string>
#include <utility>

using namespace platnik::banking;

namespace {

using S = OrderState;

constexpr std::array kAll{S::Draft,    S::Ready,    S::Signed,   S::Queued,    S::Sending, S::Delivered,
                          S::Accepted, S::Rejected, S::Executed, S::Cancelled, S::Unknown};

/// The allowed moves, written out independently of the implementation's table.
const std::set<std::pair<S, S>>& allowedMoves() {
  static const std::set<std::pair<S, S>> moves{
      {S::Draft, S::Ready},         {S::Draft, S::Cancelled},

      {S::Ready, S::Draft},         {S::Ready, S::Signed},       {S::Ready, S::Cancelled},

      {S::Signed, S::Draft},        {S::Signed, S::Ready},       {S::Signed, S::Queued},
      {S::Signed, S::Cancelled},

      {S::Queued, S::Signed},       {S::Queued, S::Draft},       {S::Queued, S::Sending},
      {S::Queued, S::Cancelled},

      {S::Sending, S::Delivered},   {S::Sending, S::Rejected},   {S::Sending, S::Unknown},
      {S::Sending, S::Queued},

      {S::Delivered, S::Accepted},  {S::Delivered, S::Rejected}, {S::Delivered, S::Executed},
      {S::Delivered, S::Cancelled},

      {S::Accepted, S::Executed},   {S::Accepted, S::Rejected},  {S::Accepted, S::Cancelled},

      {S::Unknown, S::Delivered},   {S::Unknown, S::Accepted},   {S::Unknown, S::Rejected},
      {S::Unknown, S::Executed},    {S::Unknown, S::Queued},
  };
  return moves;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(OrderStateTests)

BOOST_AUTO_TEST_CASE(names_are_stable_and_round_trip) {
  const std::array<const char*, 11> names{"draft",    "ready",     "signed",   "queued",
                                          "sending",  "delivered", "accepted", "rejected",
                                          "executed", "cancelled", "unknown"};
  for (std::size_t i = 0; i < kAll.size(); ++i) {
    BOOST_TEST(toString(kAll[i]) == names[i]);
    BOOST_TEST((orderStateFromString(names[i]) == kAll[i]));
  }
  BOOST_TEST(!orderStateFromString("Draft").has_value());
  BOOST_TEST(!orderStateFromString("").has_value());
  BOOST_TEST(!orderStateFromString("sent").has_value());
}

BOOST_AUTO_TEST_CASE(every_pair_of_states_is_allowed_exactly_as_the_table_says) {
  for (S from : kAll) {
    for (S to : kAll) {
      const bool expected = allowedMoves().count({from, to}) == 1;
      BOOST_TEST_INFO(toString(from) << " -> " << toString(to));
      BOOST_TEST(OrderLifecycle::allowed(from, to) == expected);
      const auto moved = OrderLifecycle(from).moveTo(to);
      BOOST_TEST(moved.has_value() == expected);
      if (expected) {
        BOOST_TEST((moved.value().state() == to));
      } else {
        BOOST_TEST((moved.error().code == Errc::InvalidState));
        BOOST_TEST(moved.error().message.find(std::string(toString(from))) != std::string::npos);
        BOOST_TEST(moved.error().message.find(std::string(toString(to))) != std::string::npos);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(moves_from_lists_exactly_the_allowed_moves) {
  for (S from : kAll) {
    std::set<S> listed;
    for (S to : OrderLifecycle::movesFrom(from)) {
      listed.insert(to);
    }
    std::set<S> expected;
    for (const auto& [a, b] : allowedMoves()) {
      if (a == from) {
        expected.insert(b);
      }
    }
    BOOST_TEST_INFO("from " << toString(from));
    BOOST_TEST((listed == expected));
  }
}

BOOST_AUTO_TEST_CASE(final_states_have_no_moves) {
  for (S state : kAll) {
    const OrderLifecycle lifecycle(state);
    BOOST_TEST_INFO("state " << toString(state));
    BOOST_TEST(lifecycle.isFinal() == OrderLifecycle::movesFrom(state).empty());
    BOOST_TEST(lifecycle.isFinal() ==
               (state == S::Rejected || state == S::Executed || state == S::Cancelled));
  }
}

BOOST_AUTO_TEST_CASE(editable_and_may_be_at_bank) {
  for (S state : kAll) {
    const OrderLifecycle lifecycle(state);
    BOOST_TEST_INFO("state " << toString(state));
    BOOST_TEST(lifecycle.isEditable() ==
               (state == S::Draft || state == S::Ready || state == S::Signed || state == S::Queued));
    BOOST_TEST(lifecycle.mayBeAtBank() ==
               (state == S::Sending || state == S::Delivered || state == S::Accepted || state == S::Unknown ||
                state == S::Executed));
    // An order the bank may hold is never editable.
    BOOST_TEST(!(lifecycle.isEditable() && lifecycle.mayBeAtBank()));
    // Every editable order except a draft can go back to draft (editing drops the signature).
    if (lifecycle.isEditable() && state != S::Draft) {
      BOOST_TEST(OrderLifecycle::allowed(state, S::Draft));
    }
  }
}

BOOST_AUTO_TEST_CASE(an_order_the_bank_may_hold_is_never_sent_again_blindly) {
  // From unknown, the only way back to the queue is explicit; there is no move to sending.
  BOOST_TEST(!OrderLifecycle::allowed(S::Unknown, S::Sending));
  BOOST_TEST(!OrderLifecycle::allowed(S::Unknown, S::Draft));
  BOOST_TEST(!OrderLifecycle::allowed(S::Delivered, S::Queued));
  BOOST_TEST(!OrderLifecycle::allowed(S::Accepted, S::Queued));
}

BOOST_AUTO_TEST_CASE(the_happy_path) {
  OrderLifecycle order;
  BOOST_TEST((order.state() == S::Draft));
  for (S next : {S::Ready, S::Signed, S::Queued, S::Sending, S::Delivered, S::Accepted, S::Executed}) {
    order = order.moveTo(next).value();
  }
  BOOST_TEST((order == OrderLifecycle(S::Executed)));
  BOOST_TEST(order.isFinal());
}

BOOST_AUTO_TEST_SUITE_END()
