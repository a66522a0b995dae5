#pragma once

#include "banking/Error.h"

namespace platnik::storage {

class Connection;

/// BEGIN IMMEDIATE … COMMIT; rolled back on destruction unless committed. IMMEDIATE takes
/// the write lock at the start, so a writer waits (busy timeout) instead of failing later.
/// Begun while a transaction is already open, it is a savepoint inside it: its commit
/// releases the savepoint, and only the outer commit makes anything permanent.
class Transaction {
 public:
  static banking::Result<Transaction> begin(Connection& connection);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  banking::Result<void> commit();

 private:
  Transaction(Connection& connection, bool nested) : m_connection(&connection), m_nested(nested) {}
  Connection* m_connection;  ///< null once committed, rolled back or moved from
  bool m_nested;
};

}  // namespace platnik::storage
