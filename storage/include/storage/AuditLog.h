#pragma once

#include "banking/Error.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace platnik::storage {

class Connection;

/// One row of the audit log.
struct AuditRecord {
  std::int64_t id = 0;
  std::string at;       ///< UTC, "2026-11-25T18:10:10Z"
  std::string actor;    ///< the operating-system user
  std::string action;   ///< "order.state", "order.sign", "import", "setting", …
  std::string subject;  ///< what it concerns ("order 12", "statement 3 of 160-…")
  std::string details;
  std::string prevHash;
  std::string hash;  ///< hex SHA-256(prevHash || canonical content incl. id)
};

/// A place where the chain does not hold.
struct AuditProblem {
  std::int64_t rowId = 0;
  std::string what;
};

struct AuditVerification {
  std::int64_t rowsChecked = 0;
  std::vector<AuditProblem> problems;
  [[nodiscard]] bool ok() const { return problems.empty(); }
};

/// The append-only, hash-chained audit log. Each row's hash covers its id, its content and
/// the previous row's hash; a head row remembers the last id and hash, so edited, deleted,
/// reordered and cut-off rows are all found by verify() (triggers forbid UPDATE and DELETE,
/// but verify does not rely on them).
class AuditLog {
 public:
  explicit AuditLog(Connection& connection) : m_connection(&connection) {}

  /// Appends a row; inside the caller's transaction when one is open (so the row lands with
  /// the change it records), otherwise in its own.
  banking::Result<std::int64_t> append(std::string_view action, std::string_view subject,
                                       std::string_view details);
  banking::Result<AuditVerification> verify();
  /// The newest rows first.
  banking::Result<std::vector<AuditRecord>> recent(int limit);

  static std::string genesisHash();
  static std::string hashOf(const AuditRecord& record);

 private:
  banking::Result<std::int64_t> appendInTransaction(std::string_view action, std::string_view subject,
                                                    std::string_view details);
  Connection* m_connection;
};

}  // namespace platnik::storage
