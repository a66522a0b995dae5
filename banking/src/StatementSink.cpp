#include "banking/StatementSink.h"

namespace platnik::banking {

Result<void> StatementCollector::begin(const StatementInfo& info) {
  m_statements.push_back(Statement{info, {}});
  return boost::outcome_v2::success();
}

Result<void> StatementCollector::entry(const Entry& entry) {
  if (m_statements.empty()) {
    return fail(Errc::InvalidState, "an entry arrived before its statement began");
  }
  m_statements.back().entries.push_back(entry);
  return boost::outcome_v2::success();
}

Result<void> StatementCollector::end(const StatementInfo& info) {
  if (m_statements.empty()) {
    return fail(Errc::InvalidState, "a statement ended that never began");
  }
  m_statements.back().info = info;
  return boost::outcome_v2::success();
}

}  // namespace platnik::banking
