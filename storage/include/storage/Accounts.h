#pragma once

#include "banking/Currency.h"
#include "banking/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace platnik::storage {

class Connection;

/// One of the company's own accounts.
struct StoredAccount {
  std::int64_t id = 0;
  std::string number;  ///< 18 digits for a domestic account, otherwise as the bank names it
  std::string iban;    ///< empty when unknown
  banking::Currency currency = banking::Currency::rsd();
  std::optional<std::int64_t> bankId;
  std::string displayName;
};

class Accounts {
 public:
  explicit Accounts(Connection& connection) : m_connection(&connection) {}

  /// Adds an account. A domestic number (any form banking::Account::parse reads) is stored
  /// as its 18 digits with its IBAN; with `bankId` unset, the bank whose code the number
  /// starts with is used when it is in the list.
  banking::Result<std::int64_t> add(std::string_view number, banking::Currency currency,
                                    std::optional<std::int64_t> bankId = std::nullopt,
                                    std::string_view displayName = {});
  banking::Result<std::vector<StoredAccount>> list();
  /// By number in any domestic form, by IBAN, or by the bank's own form.
  banking::Result<std::optional<StoredAccount>> find(std::string_view numberOrIban);
  banking::Result<StoredAccount> get(std::int64_t id);

 private:
  Connection* m_connection;
};

}  // namespace platnik::storage
