#pragma once

#include "banking/Date.h"
#include "banking/Error.h"
#include "banking/formats/Csv.h"
#include "services/StatementExport.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace platnik::storage {
class Database;
}

namespace platnik::services {

/// What File > Export statements writes: the statements of these accounts dated in
/// [from, to] (open ends allowed), in one file of the format. Halcom TXT holds one statement
/// per account in a file pair (NAME.EXT and NAME_cov.EXT), so several statements of an account
/// go to several pairs: NAME.EXT, NAME-2.EXT, NAME-3.EXT…, each with its _cov recap.
struct StatementExportRequest {
  std::vector<std::string> accounts;  ///< any form Accounts::find reads
  std::optional<banking::Date> from;
  std::optional<banking::Date> to;
  StatementExportFormat format = StatementExportFormat::HalcomTxt;
  banking::formats::CsvOptions csv;  ///< CSV only: number style and byte order mark
  std::filesystem::path path;        ///< Halcom TXT also writes NAME_cov.EXT beside it
};

/// What was written.
struct StatementExportReport {
  int statements = 0;
  std::int64_t entries = 0;
  std::vector<std::filesystem::path> files;
};

/// Loads the statements (loadStatements) and writes them (writeStatements; CSV with the
/// request's options). No statement in the range is Errc::NotFound and writes nothing;
/// Errc::Io when a file cannot be written.
banking::Result<StatementExportReport> exportStatements(storage::Database& database,
                                                        const StatementExportRequest& request,
                                                        std::chrono::sys_seconds now);

}  // namespace platnik::services
