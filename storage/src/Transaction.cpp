#include "storage/Transaction.h"

#include "storage/Connection.h"

#include <stdexcept>

namespace platnik::storage {

banking::Result<Transaction> Transaction::begin(Connection& connection) {
  const bool nested = connection.inTransaction();
  BOOST_OUTCOME_TRYV(connection.exec(nested ? "SAVEPOINT platnik_nested" : "BEGIN IMMEDIATE"));
  return Transaction(connection, nested);
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_connection(other.m_connection), m_nested(other.m_nested) {
  other.m_connection = nullptr;
}

Transaction::~Transaction() {
  if (m_connection != nullptr) {
    // Nothing to report from a destructor: a failed rollback leaves SQLite to roll back
    // when the connection closes or the next transaction begins.
    (void)m_connection->exec(m_nested ? "ROLLBACK TO platnik_nested; RELEASE platnik_nested" : "ROLLBACK");
  }
}

banking::Result<void> Transaction::commit() {
  if (m_connection == nullptr) {
    throw std::logic_error("commit of a transaction that is no longer open");
  }
  auto result = m_connection->exec(m_nested ? "RELEASE platnik_nested" : "COMMIT");
  if (!result) {
    return result;  // still open: the destructor rolls it back
  }
  m_connection = nullptr;
  return boost::outcome_v2::success();
}

}  // namespace platnik::storage
