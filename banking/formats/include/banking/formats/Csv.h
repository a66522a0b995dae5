#pragma once

#include "banking/Error.h"
#include "banking/Statement.h"
#include "banking/StatementSink.h"

#include <array>
#include <istream>
#include <optional>
#include <ostream>
#include <span>
#include <string_view>
#include <vector>

namespace platnik::banking::formats {

// Platnik's CSV of statement entries: one row per entry under a header row, UTF-8, RFC 4180
// quoting, CRLF line ends. The columns are documented in docs/formats.md ("CSV").

/// How numbers and dates are written.
enum class CsvStyle {
  Serbian,  ///< ';' between fields, amounts "-1.234,56", dates "31.12.2024" (spreadsheets set to Serbian)
  Machine,  ///< ',' between fields, amounts "-1234.56", dates "2024-12-31"
};

struct CsvOptions {
  CsvStyle style = CsvStyle::Serbian;
  bool byteOrderMark = false;  ///< start with EF BB BF so that spreadsheet programs see UTF-8
};

/// The column names of the header row, in order.
std::span<const std::string_view> csvColumns();

/// Writes entries as they stream in (a StatementSink, so any statement reader can feed it).
/// A statement without entries writes no rows.
class CsvWriter final : public StatementSink {
 public:
  CsvWriter(std::ostream& out, CsvOptions options);

  Result<void> begin(const StatementInfo& info) override;
  Result<void> entry(const Entry& entry) override;
  Result<void> end(const StatementInfo& info) override;
  /// Writes the header row if no statement came, and checks that everything was written.
  Result<void> finish();

 private:
  Result<void> header();

  std::ostream& m_out;
  CsvOptions m_options;
  bool m_headerWritten = false;
  StatementInfo m_info;
};

/// Writes the statements' entries.
Result<void> writeCsv(std::ostream& out, std::span<const Statement> statements, CsvOptions options = {});

/// Reads a CSV that Platnik wrote (either style, told from the header row). Consecutive rows
/// with the same account, statement number and currency make one statement. A malformed
/// file fails with Errc::MalformedFile, `where` = "line N, column NAME".
Result<void> readCsv(std::istream& in, StatementSink& sink);
Result<std::vector<Statement>> readCsv(std::istream& in);

}  // namespace platnik::banking::formats
