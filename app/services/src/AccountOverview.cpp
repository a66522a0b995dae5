#include "services/AccountOverview.h"

#include "storage/Database.h"

#include <algorithm>
#include <map>
#include <string>

namespace platnik::services {

banking::Result<AccountOverview> accountOverview(storage::Database& database) {
  BOOST_OUTCOME_TRY(banks, database.banks().list());
  BOOST_OUTCOME_TRY(accounts, database.accounts().list());
  AccountOverview overview;
  std::map<std::int64_t, std::size_t> bankIndex;
  for (auto& bank : banks) {
    bankIndex[bank.id] = overview.banks.size();
    overview.banks.push_back(BankAccounts{std::move(bank), {}});
  }
  std::optional<std::size_t> unlisted;
  std::map<std::string, banking::Money, std::less<>> totals;
  auto balances = database.balances();
  for (auto& account : accounts) {
    BOOST_OUTCOME_TRY(balance, balances.current(account.id));
    if (balance) {
      const std::string code(balance->amount.currency().code());
      if (const auto it = totals.find(code); it == totals.end()) {
        totals.emplace(code, balance->amount);
      } else {
        BOOST_OUTCOME_TRY(sum, it->second.plus(balance->amount));
        it->second = sum;
      }
    }
    std::size_t index = 0;
    if (const auto it = account.bankId ? bankIndex.find(*account.bankId) : bankIndex.end();
        it != bankIndex.end()) {
      index = it->second;
    } else {
      if (!unlisted) {
        unlisted = overview.banks.size();
        overview.banks.push_back(BankAccounts{});
      }
      index = *unlisted;
    }
    overview.banks[index].accounts.push_back(AccountBalance{std::move(account), balance});
  }
  for (auto& [code, total] : totals) {
    overview.totals.push_back(total);
  }
  return overview;
}

banking::Result<std::vector<storage::BalancePoint>> balanceHistory(storage::Database& database,
                                                                   std::int64_t accountId,
                                                                   std::optional<banking::Date> from,
                                                                   std::optional<banking::Date> to) {
  if (from && to && *to < *from) {
    return banking::fail(banking::Errc::InvalidArgument, "the period ends before it begins");
  }
  return database.balances().history(accountId, from, to);
}

banking::Result<std::vector<storage::StatementSummary>> statementSummaries(
    storage::Database& database, std::optional<std::int64_t> accountId, int limit) {
  return storage::listStatementSummaries(database, accountId, limit);
}

}  // namespace platnik::services
