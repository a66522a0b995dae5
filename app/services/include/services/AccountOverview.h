#pragma once

#include "banking/Date.h"
#include "banking/Error.h"
#include "banking/Money.h"
#include "storage/Accounts.h"
#include "storage/Balances.h"
#include "storage/Banks.h"
#include "storage/StatementSummaries.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace platnik::storage {
class Database;
}

namespace platnik::services {

/// One of the company's accounts with its latest known balance (the closing balance of its
/// last statement, or a later balance the bank reported) and that balance's date.
struct AccountBalance {
  storage::StoredAccount account;
  std::optional<storage::BalancePoint> balance;  ///< none before the first statement
};

/// A bank of the user's list and the company's accounts there. `bank` is none for accounts
/// whose bank is not in the list.
struct BankAccounts {
  std::optional<storage::Bank> bank;
  std::vector<AccountBalance> accounts;
};

/// What the accounts pane shows: banks with their accounts, and the sum of the known
/// balances per currency (currencies in alphabetical order; never added across currencies).
struct AccountOverview {
  std::vector<BankAccounts> banks;
  std::vector<banking::Money> totals;
};

/// The banks in the list (also those with no account yet, in the list's order), then the
/// accounts of no listed bank.
banking::Result<AccountOverview> accountOverview(storage::Database& database);

/// The account's balance at the end of each day that has one in [from, to] (open ends
/// allowed), oldest first.
banking::Result<std::vector<storage::BalancePoint>> balanceHistory(storage::Database& database,
                                                                   std::int64_t accountId,
                                                                   std::optional<banking::Date> from,
                                                                   std::optional<banking::Date> to);

/// The newest `limit` statements of one account (none: of every account), without entries.
banking::Result<std::vector<storage::StatementSummary>> statementSummaries(
    storage::Database& database, std::optional<std::int64_t> accountId, int limit);

}  // namespace platnik::services
