#include "services/StatementExportJob.h"

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <span>

namespace platnik::services {

namespace {

/// Writes `statements` to `path` (and, for Halcom TXT, its recap NAME_cov.EXT beside it);
/// adds the files written to `report`.
banking::Result<void> writeFile(const StatementExportRequest& request,
                                std::span<const banking::Statement> statements,
                                const std::filesystem::path& path, std::chrono::sys_seconds now,
                                StatementExportReport& report) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    return banking::fail(banking::Errc::Io, "cannot create the file", path.string());
  }
  report.files.push_back(path);
  std::optional<std::ofstream> recap;
  if (request.format == StatementExportFormat::HalcomTxt) {
    auto recapPath = path;
    recapPath.replace_filename(path.stem().string() + "_cov" + path.extension().string());
    recap.emplace(recapPath, std::ios::binary | std::ios::trunc);
    if (!*recap) {
      return banking::fail(banking::Errc::Io, "cannot create the file", recapPath.string());
    }
    report.files.push_back(recapPath);
  }
  if (request.format == StatementExportFormat::Csv) {
    BOOST_OUTCOME_TRYV(banking::formats::writeCsv(out, statements, request.csv));
  } else {
    BOOST_OUTCOME_TRYV(writeStatements(request.format, statements, out, recap ? &*recap : nullptr, now));
  }
  out.flush();
  if (recap) {
    recap->flush();
  }
  if (!out || (recap && !*recap)) {
    return banking::fail(banking::Errc::Io, "cannot write the file", path.string());
  }
  return boost::outcome_v2::success();
}

/// The path of the Halcom pair `index` (0-based): the chosen name, then NAME-2.EXT, NAME-3.EXT…
std::filesystem::path pairPath(const std::filesystem::path& chosen, std::size_t index) {
  if (index == 0) {
    return chosen;
  }
  auto path = chosen;
  path.replace_filename(
      fmt::format("{}-{}{}", chosen.stem().string(), index + 1, chosen.extension().string()));
  return path;
}

}  // namespace

banking::Result<StatementExportReport> exportStatements(storage::Database& database,
                                                        const StatementExportRequest& request,
                                                        std::chrono::sys_seconds now) {
  if (request.accounts.empty()) {
    return banking::fail(banking::Errc::InvalidArgument, "no account chosen", "accounts");
  }
  // Per account, oldest first.
  std::vector<std::vector<banking::Statement>> perAccount;
  StatementExportReport report;
  for (const auto& account : request.accounts) {
    BOOST_OUTCOME_TRY(loaded, loadStatements(database, account, request.from, request.to));
    report.statements += static_cast<int>(loaded.size());
    for (const auto& statement : loaded) {
      report.entries += static_cast<std::int64_t>(statement.entries.size());
    }
    perAccount.push_back(std::move(loaded));
  }
  if (report.statements == 0) {
    return banking::fail(banking::Errc::NotFound, "no statements of these accounts in that period",
                         "statements");
  }
  if (request.format != StatementExportFormat::HalcomTxt) {
    std::vector<banking::Statement> all;
    for (auto& statements : perAccount) {
      std::move(statements.begin(), statements.end(), std::back_inserter(all));
    }
    BOOST_OUTCOME_TRYV(writeFile(request, all, request.path, now, report));
    return report;
  }
  // A Halcom turnover file and its recap hold at most one statement per account (the recap
  // has one line per account, the turnover lines no statement number): pair N holds the Nth
  // statement of every account that has one.
  for (std::size_t index = 0;; ++index) {
    std::vector<banking::Statement> pair;
    for (const auto& statements : perAccount) {
      if (index < statements.size()) {
        pair.push_back(statements[index]);
      }
    }
    if (pair.empty()) {
      break;
    }
    BOOST_OUTCOME_TRYV(writeFile(request, pair, pairPath(request.path, index), now, report));
  }
  return report;
}

}  // namespace platnik::services
