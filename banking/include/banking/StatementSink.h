#pragma once

#include "banking/Error.h"
#include "banking/Statement.h"

#include <vector>

namespace platnik::banking {

/// Where a reader delivers what it reads, one statement at a time, so that memory does not
/// grow with the file: begin() with what is known before the entries (some formats give
/// the closing balance only after them), every entry, then end() with the complete info.
/// A failure returned by the sink stops the reader, which returns that failure.
class StatementSink {
 public:
  virtual ~StatementSink() = default;
  virtual Result<void> begin(const StatementInfo& info) = 0;
  virtual Result<void> entry(const Entry& entry) = 0;
  virtual Result<void> end(const StatementInfo& info) = 0;
};

/// Collects whole statements in memory.
class StatementCollector final : public StatementSink {
 public:
  Result<void> begin(const StatementInfo& info) override;
  Result<void> entry(const Entry& entry) override;
  Result<void> end(const StatementInfo& info) override;

  [[nodiscard]] const std::vector<Statement>& statements() const { return m_statements; }
  std::vector<Statement> take() { return std::move(m_statements); }

 private:
  std::vector<Statement> m_statements;
};

}  // namespace platnik::banking
