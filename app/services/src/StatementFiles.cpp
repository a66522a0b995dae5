#include "services/StatementFiles.h"

#include "banking/formats/HalcomTxt.h"
#include "banking/formats/StatementReader.h"
#include "storage/Database.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace platnik::services {
namespace {

namespace formats = banking::formats;

banking::Result<std::ifstream> openFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return banking::fail(banking::Errc::Io, fmt::format("cannot open: {}", std::strerror(errno)),
                         path.string());
  }
  return in;
}

/// NAME_cov.EXT beside NAME.EXT, when it exists.
std::optional<std::filesystem::path> recapBeside(const std::filesystem::path& turnover) {
  auto recap = turnover;
  recap.replace_filename(turnover.stem().string() + "_cov" + turnover.extension().string());
  std::error_code error;
  if (std::filesystem::is_regular_file(recap, error)) {
    return recap;
  }
  return std::nullopt;
}

/// The reader's error, with the format's name in front of where it happened.
banking::Error withFormat(banking::Error error, formats::Format format) {
  const std::string_view name = formats::formatName(format);
  if (error.code == banking::Errc::Io || std::string_view(error.where).starts_with(name)) {
    return error;
  }
  error.where = error.where.empty() ? std::string(name) : fmt::format("{}, {}", name, error.where);
  return error;
}

std::string balanceText(const std::optional<banking::Balance>& balance) {
  return balance ? balance->amount.toString() : std::string("-");
}

}  // namespace

banking::Result<formats::Format> readStatementFile(const std::filesystem::path& path,
                                                   banking::StatementSink& sink,
                                                   std::optional<formats::Format> format) {
  BOOST_OUTCOME_TRY(in, openFile(path));
  if (!format) {
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
      return banking::fail(banking::Errc::Io, "cannot read the file", path.string());
    }
    in.clear();
    in.seekg(0);
    auto detected = formats::detectFormat(head);
    if (!detected) {
      auto error = detected.error();
      error.message = "the format cannot be recognised: " + error.message;
      return boost::outcome_v2::failure(std::move(error));
    }
    format = detected.value();
  }
  if (*format == formats::Format::HalcomStatement) {
    if (const auto recapPath = recapBeside(path)) {
      BOOST_OUTCOME_TRY(recap, openFile(*recapPath));
      auto read = formats::readHalcomStatementWithRecap(in, recap, sink);
      if (!read) {
        return boost::outcome_v2::failure(withFormat(read.error(), *format));
      }
      return *format;
    }
  }
  auto read = formats::readStatements(in, sink, format);
  if (!read) {
    return boost::outcome_v2::failure(withFormat(read.error(), *format));
  }
  return read.value();
}

banking::Result<StatementFile> parseStatementFile(const std::filesystem::path& path,
                                                  std::optional<formats::Format> format) {
  banking::StatementCollector collector;
  BOOST_OUTCOME_TRY(read, readStatementFile(path, collector, format));
  return StatementFile{read, collector.take()};
}

banking::Result<storage::ImportReport> importStatementFile(storage::Database& database,
                                                           const std::filesystem::path& path) {
  storage::StatementImport import(database.connection());
  BOOST_OUTCOME_TRYV(readStatementFile(path, import));
  return import.commit(path.filename().string());
}

std::string describeStatement(const banking::Statement& statement) {
  const auto& info = statement.info;
  return fmt::format("account {}  number {}  date {}  currency {}  opening {}  closing {}  entries {}",
                     info.account.empty() ? info.iban : info.account, info.number.empty() ? "-" : info.number,
                     info.date ? banking::toIsoString(*info.date) : "-",
                     info.currency ? std::string(info.currency->code()) : "-", balanceText(info.opening),
                     balanceText(info.closing), statement.entries.size());
}

}  // namespace platnik::services
