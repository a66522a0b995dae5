#include "services/StatementFiles.h"

#include "banking/formats/HalcomTxt.h"
#include "banking/formats/StatementReader.h"
#include "storage/Database.h"

#include <fmt/format.h>

#include <algorithm>
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

/// Passes everything on to `inner`, telling the progress every few entries and stopping when
/// cancelled.
class WatchedSink final : public banking::StatementSink {
 public:
  WatchedSink(banking::StatementSink& inner, const FileProgress& control, std::istream& in,
              const std::filesystem::path& path)
      : m_inner(inner), m_control(control), m_in(in), m_path(path) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    m_size = error ? 0 : size;
  }

  banking::Result<void> begin(const banking::StatementInfo& info) override {
    BOOST_OUTCOME_TRYV(watch());
    return m_inner.begin(info);
  }
  banking::Result<void> entry(const banking::Entry& entry) override {
    if (++m_entries % kEvery == 0) {
      BOOST_OUTCOME_TRYV(watch());
    }
    return m_inner.entry(entry);
  }
  banking::Result<void> end(const banking::StatementInfo& info) override {
    BOOST_OUTCOME_TRYV(watch());
    return m_inner.end(info);
  }

  /// Tells the progress that all of the file has been read.
  void finished() const {
    if (m_control.progress) {
      m_control.progress(m_size, m_size);
    }
  }

 private:
  static constexpr std::int64_t kEvery = 64;

  banking::Result<void> watch() {
    if (m_control.cancel != nullptr && m_control.cancel->load()) {
      return banking::fail(banking::Errc::Cancelled, "cancelled", m_path.string());
    }
    if (m_control.progress) {
      const auto at = m_in.tellg();
      if (at >= 0) {
        m_control.progress(std::min<std::uintmax_t>(static_cast<std::uintmax_t>(at), m_size), m_size);
      }
    }
    return boost::outcome_v2::success();
  }

  banking::StatementSink& m_inner;
  const FileProgress& m_control;
  std::istream& m_in;
  const std::filesystem::path& m_path;
  std::uintmax_t m_size = 0;
  std::int64_t m_entries = 0;
};

/// Keeps each statement's info and counts its entries.
class SummarySink final : public banking::StatementSink {
 public:
  banking::Result<void> begin(const banking::StatementInfo& info) override {
    m_statements.push_back(StatementSummary{info, 0});
    return boost::outcome_v2::success();
  }
  banking::Result<void> entry(const banking::Entry&) override {
    if (!m_statements.empty()) {
      ++m_statements.back().entries;
    }
    return boost::outcome_v2::success();
  }
  banking::Result<void> end(const banking::StatementInfo& info) override {
    if (!m_statements.empty()) {
      m_statements.back().info = info;
    }
    return boost::outcome_v2::success();
  }
  std::vector<StatementSummary> take() { return std::move(m_statements); }

 private:
  std::vector<StatementSummary> m_statements;
};

std::string balanceText(const std::optional<banking::Balance>& balance) {
  return balance ? balance->amount.toString() : std::string("-");
}

}  // namespace

namespace {

banking::Result<formats::Format> readWatched(const std::filesystem::path& path,
                                             banking::StatementSink& target,
                                             std::optional<formats::Format> format,
                                             const FileProgress* control) {
  BOOST_OUTCOME_TRY(in, openFile(path));
  std::optional<WatchedSink> watched;
  if (control != nullptr) {
    watched.emplace(target, *control, in, path);
  }
  banking::StatementSink& sink = watched ? static_cast<banking::StatementSink&>(*watched) : target;
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
      if (watched) {
        watched->finished();
      }
      return *format;
    }
  }
  auto read = formats::readStatements(in, sink, format);
  if (!read) {
    return boost::outcome_v2::failure(withFormat(read.error(), *format));
  }
  if (watched) {
    watched->finished();
  }
  return read.value();
}

}  // namespace

banking::Result<formats::Format> readStatementFile(const std::filesystem::path& path,
                                                   banking::StatementSink& sink,
                                                   std::optional<formats::Format> format) {
  return readWatched(path, sink, format, nullptr);
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

banking::Result<StatementFilePreview> previewStatementFile(const std::filesystem::path& path,
                                                           const FileProgress& control) {
  SummarySink summary;
  BOOST_OUTCOME_TRY(read, readWatched(path, summary, std::nullopt, &control));
  return StatementFilePreview{read, summary.take()};
}

banking::Result<StatementFile> parseStatementFile(const std::filesystem::path& path,
                                                  const FileProgress& control) {
  banking::StatementCollector collector;
  BOOST_OUTCOME_TRY(read, readWatched(path, collector, std::nullopt, &control));
  return StatementFile{read, collector.take()};
}

banking::Result<storage::ImportReport> importStatementFile(storage::Database& database,
                                                           const std::filesystem::path& path,
                                                           const FileProgress& control) {
  storage::StatementImport import(database.connection());
  BOOST_OUTCOME_TRYV(readWatched(path, import, std::nullopt, &control));
  if (control.cancel != nullptr && control.cancel->load()) {
    return banking::fail(banking::Errc::Cancelled, "cancelled", path.string());
  }
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
