#pragma once

#include "banking/Error.h"
#include "banking/Statement.h"
#include "banking/StatementSink.h"
#include "banking/formats/Format.h"
#include "storage/StatementImport.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace platnik::storage {
class Database;
}

namespace platnik::services {

/// The statements of one file and the format they were read in.
struct StatementFile {
  banking::formats::Format format = banking::formats::Format::Camt053;
  std::vector<banking::Statement> statements;
};

/// Reads every statement of a file into the sink. The format is detected from the content
/// unless given. A Halcom turnover file ("NAME.txt") whose recap ("NAME_cov.txt") lies beside
/// it is read together with the recap (numbers, dates and balances come from there).
/// Failures: Errc::Io when the file cannot be read; otherwise the reader's error with
/// `where` starting with the format's name ("camt.053, line 12"), so that a message says
/// format, place and reason.
banking::Result<banking::formats::Format> readStatementFile(
    const std::filesystem::path& path, banking::StatementSink& sink,
    std::optional<banking::formats::Format> format = {});

/// The statements of a file, collected in memory (readStatementFile's rules).
banking::Result<StatementFile> parseStatementFile(const std::filesystem::path& path,
                                                  std::optional<banking::formats::Format> format = {});

/// Imports one file into the database in one transaction: all of it, or (on any failure)
/// nothing. The import is recorded in the audit log under the file's name.
banking::Result<storage::ImportReport> importStatementFile(storage::Database& database,
                                                           const std::filesystem::path& path);

/// One line about a statement: account, number, date, currency, balances, entry count.
std::string describeStatement(const banking::Statement& statement);

}  // namespace platnik::services
