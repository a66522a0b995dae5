#pragma once

#include "banking/Date.h"
#include "banking/Error.h"
#include "banking/Statement.h"

#include <chrono>
#include <optional>
#include <ostream>
#include <span>
#include <string_view>
#include <vector>

namespace platnik::storage {
class Database;
}

namespace platnik::services {

enum class StatementExportFormat {
  HalcomTxt,  ///< turnover file plus its "_cov" recap
  Csv,        ///< Platnik's CSV (Serbian style)
  Camt053,    ///< ISO 20022 camt.053.001.02, validated against its schema
};
/// "halcom-txt", "csv", "camt.053".
std::optional<StatementExportFormat> statementExportFormatFromName(std::string_view name);

/// The imported statements of one account (any form Accounts::find reads) whose statement
/// date is in [from, to] (open ends allowed), oldest first, each with its entries in the
/// order they were imported. An unknown account is Errc::NotFound.
banking::Result<std::vector<banking::Statement>> loadStatements(storage::Database& database,
                                                                std::string_view account,
                                                                std::optional<banking::Date> from,
                                                                std::optional<banking::Date> to);

/// Writes the statements in the format. Halcom TXT needs `recap` for the "_cov" file, and
/// gets domestic counterparty accounts given as RS IBANs as their 18 digits (the form its
/// fields have); a camt.053 gets its message id and creation time from `now`.
banking::Result<void> writeStatements(StatementExportFormat format,
                                      std::span<const banking::Statement> statements, std::ostream& out,
                                      std::ostream* recap, std::chrono::sys_seconds now);

}  // namespace platnik::services
