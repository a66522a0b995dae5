#pragma once

#include "banking/Error.h"
#include "banking/Statement.h"
#include "banking/StatementSink.h"
#include "banking/formats/Format.h"
#include "storage/StatementImport.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
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

/// Watching and stopping a long read or import (from another thread): `progress` is told now
/// and then how many bytes of the file have been read; when `cancel` becomes true the read
/// stops with Errc::Cancelled (an import then stores nothing of the file).
struct FileProgress {
  std::function<void(std::uintmax_t bytesRead, std::uintmax_t fileSize)> progress;
  const std::atomic<bool>* cancel = nullptr;
};

/// What a statement of a file holds, without its entries: enough to preview a large file.
struct StatementSummary {
  banking::StatementInfo info;
  std::int64_t entries = 0;
};
struct StatementFilePreview {
  banking::formats::Format format = banking::formats::Format::Camt053;
  std::vector<StatementSummary> statements;
};

/// Reads the file (readStatementFile's rules) and keeps only each statement's info and entry
/// count, so memory does not grow with the file. Nothing is stored.
banking::Result<StatementFilePreview> previewStatementFile(const std::filesystem::path& path,
                                                           const FileProgress& control);

/// parseStatementFile, watched and stoppable.
banking::Result<StatementFile> parseStatementFile(const std::filesystem::path& path,
                                                  const FileProgress& control);

/// importStatementFile, watched and stoppable: cancelled, nothing of the file is stored.
banking::Result<storage::ImportReport> importStatementFile(storage::Database& database,
                                                           const std::filesystem::path& path,
                                                           const FileProgress& control);

/// One line about a statement: account, number, date, currency, balances, entry count.
std::string describeStatement(const banking::Statement& statement);

}  // namespace platnik::services
