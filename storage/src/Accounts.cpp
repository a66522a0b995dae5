#include "storage/Accounts.h"

#include "banking/Account.h"
#include "storage/AuditLog.h"
#include "storage/Connection.h"
#include "storage/Statement.h"
#include "storage/Transaction.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace platnik::storage {
using banking::Errc;
using banking::fail;
using banking::Result;

namespace {

constexpr const char* kColumns = "SELECT id, number, iban, currency, bank_id, display_name FROM accounts ";

Result<StoredAccount> readAccount(const Statement& row) {
  BOOST_OUTCOME_TRY(currency, banking::Currency::fromCode(row.text(3)));
  return StoredAccount{row.integer(0),         row.text(1), row.optionalText(2).value_or(""), currency,
                       row.optionalInteger(4), row.text(5)};
}

/// The stored form of a number: 18 digits (and the IBAN) for a domestic account; otherwise
/// the text without spaces, upper case.
std::pair<std::string, std::string> normalize(std::string_view number) {
  if (auto domestic = banking::Account::parse(number)) {
    return {domestic.value().digits(), domestic.value().iban()};
  }
  std::string compact;
  for (const char c : number) {
    if (c != ' ') {
      compact.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
  }
  const bool looksIban = compact.size() > 4 && std::isalpha(static_cast<unsigned char>(compact[0])) &&
                         std::isalpha(static_cast<unsigned char>(compact[1]));
  return {compact, looksIban ? compact : std::string()};
}

}  // namespace

Result<std::int64_t> Accounts::add(std::string_view number, banking::Currency currency,
                                   std::optional<std::int64_t> bankId, std::string_view displayName) {
  if (number.empty()) {
    return fail(Errc::InvalidAccount, "the account number is empty", "number");
  }
  const auto [stored, iban] = normalize(number);
  BOOST_OUTCOME_TRY(transaction, Transaction::begin(*m_connection));
  BOOST_OUTCOME_TRY(existing, find(stored));
  if (existing) {
    return fail(Errc::InvalidArgument, fmt::format("account {} is already in the list", stored), "number");
  }
  if (!bankId && stored.size() == 18 && iban.starts_with("RS")) {
    BOOST_OUTCOME_TRY(bank, m_connection->prepare("SELECT id FROM banks WHERE code = ?"));
    bank.bind(1, stored.substr(0, 3));
    BOOST_OUTCOME_TRY(found, bank.step());
    if (found) {
      bankId = bank.integer(0);
    }
  }
  BOOST_OUTCOME_TRY(
      insert, m_connection->prepare("INSERT INTO accounts(number, iban, currency, bank_id, display_name) "
                                    "VALUES (?, ?, ?, ?, ?)"));
  insert.bind(1, stored)
      .bind(2, iban.empty() ? std::optional<std::string>() : std::optional<std::string>(iban))
      .bind(3, currency.code())
      .bind(4, bankId)
      .bind(5, displayName);
  BOOST_OUTCOME_TRYV(insert.run());
  const auto id = m_connection->lastInsertRowId();
  BOOST_OUTCOME_TRYV(AuditLog(*m_connection)
                         .append("account.add", fmt::format("account {}", stored),
                                 fmt::format("{} {}", currency.code(), displayName)));
  BOOST_OUTCOME_TRYV(transaction.commit());
  return id;
}

Result<std::vector<StoredAccount>> Accounts::list() {
  BOOST_OUTCOME_TRY(query, m_connection->prepare(std::string(kColumns) + "ORDER BY number"));
  std::vector<StoredAccount> accounts;
  for (;;) {
    BOOST_OUTCOME_TRY(row, query.step());
    if (!row) {
      break;
    }
    BOOST_OUTCOME_TRY(account, readAccount(query));
    accounts.push_back(std::move(account));
  }
  return accounts;
}

Result<std::optional<StoredAccount>> Accounts::find(std::string_view numberOrIban) {
  const auto [stored, iban] = normalize(numberOrIban);
  BOOST_OUTCOME_TRY(query,
                    m_connection->prepare(std::string(kColumns) + "WHERE number = ? OR iban = ? LIMIT 1"));
  query.bind(1, stored).bind(2, iban.empty() ? stored : iban);
  BOOST_OUTCOME_TRY(row, query.step());
  if (!row) {
    return std::optional<StoredAccount>();
  }
  BOOST_OUTCOME_TRY(account, readAccount(query));
  return std::optional<StoredAccount>(std::move(account));
}

Result<StoredAccount> Accounts::get(std::int64_t id) {
  BOOST_OUTCOME_TRY(query, m_connection->prepare(std::string(kColumns) + "WHERE id = ?"));
  query.bind(1, id);
  BOOST_OUTCOME_TRY(row, query.step());
  if (!row) {
    return fail(Errc::NotFound, fmt::format("there is no account with id {}", id));
  }
  return readAccount(query);
}

}  // namespace platnik::storage
