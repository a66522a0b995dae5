#include "storage/AuditLog.h"

#include "Util.h"
#include "storage/Connection.h"
#include "storage/Statement.h"
#include "storage/Transaction.h"

#include <fmt/format.h>

namespace platnik::storage {

std::string AuditLog::genesisHash() {
  return std::string(64, '0');
}

std::string AuditLog::hashOf(const AuditRecord& record) {
  std::string canonical = record.prevHash;
  detail::appendField(canonical, std::to_string(record.id));
  detail::appendField(canonical, record.at);
  detail::appendField(canonical, record.actor);
  detail::appendField(canonical, record.action);
  detail::appendField(canonical, record.subject);
  detail::appendField(canonical, record.details);
  return detail::toHex(detail::sha256(canonical));
}

banking::Result<std::int64_t> AuditLog::append(std::string_view action, std::string_view subject,
                                               std::string_view details) {
  if (m_connection->inTransaction()) {
    return appendInTransaction(action, subject, details);
  }
  BOOST_OUTCOME_TRY(transaction, Transaction::begin(*m_connection));
  BOOST_OUTCOME_TRY(id, appendInTransaction(action, subject, details));
  BOOST_OUTCOME_TRYV(transaction.commit());
  return id;
}

banking::Result<std::int64_t> AuditLog::appendInTransaction(std::string_view action, std::string_view subject,
                                                            std::string_view details) {
  AuditRecord record;
  record.prevHash = genesisHash();
  {
    BOOST_OUTCOME_TRY(last, m_connection->prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    BOOST_OUTCOME_TRY(row, last.step());
    if (row) {
      record.id = last.integer(0) + 1;
      record.prevHash = last.text(1);
    } else {
      record.id = 1;
    }
  }
  record.at = detail::nowUtc();
  record.actor = detail::currentUser();
  record.action = action;
  record.subject = subject;
  record.details = details;
  record.hash = hashOf(record);
  BOOST_OUTCOME_TRY(insert, m_connection->prepare(
                                "INSERT INTO audit_log(id, at, actor, action, subject, details, prev_hash, "
                                "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  insert.bind(1, record.id)
      .bind(2, record.at)
      .bind(3, record.actor)
      .bind(4, record.action)
      .bind(5, record.subject)
      .bind(6, record.details)
      .bind(7, record.prevHash)
      .bind(8, record.hash);
  BOOST_OUTCOME_TRYV(insert.run());
  BOOST_OUTCOME_TRY(head,
                    m_connection->prepare("INSERT INTO audit_head(id, last_id, last_hash) VALUES (1, ?, ?) "
                                          "ON CONFLICT(id) DO UPDATE SET last_id = excluded.last_id, "
                                          "last_hash = excluded.last_hash"));
  head.bind(1, record.id).bind(2, record.hash);
  BOOST_OUTCOME_TRYV(head.run());
  return record.id;
}

banking::Result<AuditVerification> AuditLog::verify() {
  AuditVerification result;
  BOOST_OUTCOME_TRY(query,
                    m_connection->prepare("SELECT id, at, actor, action, subject, details, prev_hash, hash "
                                          "FROM audit_log ORDER BY id"));
  std::string previousHash = genesisHash();
  std::int64_t previousId = 0;
  for (;;) {
    BOOST_OUTCOME_TRY(row, query.step());
    if (!row) {
      break;
    }
    AuditRecord record{query.integer(0), query.text(1), query.text(2), query.text(3),
                       query.text(4),    query.text(5), query.text(6), query.text(7)};
    ++result.rowsChecked;
    if (record.id != previousId + 1) {
      result.problems.push_back({record.id, record.id - previousId == 2
                                                ? fmt::format("row {} is missing (deleted)", previousId + 1)
                                                : fmt::format("rows {} to {} are missing (deleted)",
                                                              previousId + 1, record.id - 1)});
    }
    if (record.prevHash != previousHash) {
      result.problems.push_back(
          {record.id,
           fmt::format("row {} does not follow the row before it (rows removed or reordered)", record.id)});
    }
    if (hashOf(record) != record.hash) {
      result.problems.push_back(
          {record.id, fmt::format("row {} was changed after it was written", record.id)});
    }
    previousHash = record.hash;
    previousId = record.id;
  }
  BOOST_OUTCOME_TRY(head, m_connection->prepare("SELECT last_id, last_hash FROM audit_head WHERE id = 1"));
  BOOST_OUTCOME_TRY(hasHead, head.step());
  const std::int64_t headId = hasHead ? head.integer(0) : 0;
  const std::string headHash = hasHead ? head.text(1) : genesisHash();
  if (headId != previousId || headHash != previousHash) {
    result.problems.push_back(
        {previousId, headId > previousId
                         ? fmt::format("the log ends at row {} but row {} was written: the last rows were "
                                       "deleted",
                                       previousId, headId)
                         : fmt::format("the log's last row {} does not match the recorded end (row {})",
                                       previousId, headId)});
  }
  return result;
}

banking::Result<std::vector<AuditRecord>> AuditLog::recent(int limit) {
  BOOST_OUTCOME_TRY(query,
                    m_connection->prepare("SELECT id, at, actor, action, subject, details, prev_hash, hash "
                                          "FROM audit_log ORDER BY id DESC LIMIT ?"));
  query.bind(1, limit);
  std::vector<AuditRecord> records;
  for (;;) {
    BOOST_OUTCOME_TRY(row, query.step());
    if (!row) {
      break;
    }
    records.push_back(AuditRecord{query.integer(0), query.text(1), query.text(2), query.text(3),
                                  query.text(4), query.text(5), query.text(6), query.text(7)});
  }
  return records;
}

}  // namespace platnik::storage
