#pragma once

#include "banking/Date.h"
#include "banking/Error.h"
#include "banking/Money.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace platnik::storage {

class Connection;

enum class BalanceSource {
  Statement,  ///< a statement's closing balance
  Query,      ///< a balance the bank reported when asked
};
std::string_view toString(BalanceSource source);

/// An account's balance at the end of a day.
struct BalancePoint {
  banking::Date date;
  banking::Money amount;
  BalanceSource source = BalanceSource::Statement;
};

/// Balances per account and day, kept as statements and balance queries report them; a
/// lookup is an index seek, never a sum over entries. On a day with both, the statement's
/// booked closing balance wins.
class Balances {
 public:
  explicit Balances(Connection& connection) : m_connection(&connection) {}

  /// Records (or replaces) the balance of that account, day and source.
  banking::Result<void> record(std::int64_t accountId, banking::Date date, const banking::Money& amount,
                               BalanceSource source);
  /// The latest known balance, if any.
  banking::Result<std::optional<BalancePoint>> current(std::int64_t accountId);
  /// One point per day in [from, to] (open ends allowed), oldest first.
  banking::Result<std::vector<BalancePoint>> history(std::int64_t accountId,
                                                     std::optional<banking::Date> from = std::nullopt,
                                                     std::optional<banking::Date> to = std::nullopt);

 private:
  Connection* m_connection;
};

}  // namespace platnik::storage
