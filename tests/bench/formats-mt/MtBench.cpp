// Generates MT940 files of N entries (default 100,000) and reads them through
// readStatements() into a sink that only counts, printing MB/s, entries/s and peak RSS.
// Two layouts: daily statements of 100 entries each (the usual file), and one statement
// holding every entry (the reader checks a message whole before delivering it, so this
// shows what buffering one message costs).

#include "banking/formats/StatementReader.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/resource.h>

using namespace platnik::banking;

namespace {

class CountingSink final : public StatementSink {
 public:
  Result<void> begin(const StatementInfo&) override {
    ++m_statements;
    return boost::outcome_v2::success();
  }
  Result<void> entry(const Entry& entry) override {
    ++m_entries;
    m_checksum += entry.amount.minorUnits();
    return boost::outcome_v2::success();
  }
  Result<void> end(const StatementInfo&) override { return boost::outcome_v2::success(); }

  std::size_t m_statements = 0;
  std::size_t m_entries = 0;
  std::int64_t m_checksum = 0;
};

long peakRssKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/// Writes `entries` entries, `perStatement` to a message, with Serbian :86: subfields.
void generate(const std::filesystem::path& path, std::size_t entries, std::size_t perStatement) {
  std::ofstream out(path, std::ios::binary);
  std::int64_t balance = 100'000'000;  // minor units
  std::size_t written = 0;
  for (std::size_t statement = 1; written < entries; ++statement) {
    out << "{1:F01AIKBRS22AXXX0000000000}{2:O940AIKBRS22AXXXN}{4:\r\n";
    out << fmt::format(":20:IZV{:08}\r\n:25:RS35105008123123123173\r\n:28C:{}/1\r\n", statement, statement);
    out << fmt::format(":60F:C240301RSD{},{:02}\r\n", balance / 100, balance % 100);
    for (std::size_t i = 0; i < perStatement && written < entries; ++i, ++written) {
      const std::int64_t amount = 1000 + static_cast<std::int64_t>(written % 9973) * 7;
      const bool debit = written % 3 == 0;
      balance += debit ? -amount : amount;
      out << fmt::format(":61:2403010301{}{},{:02}NTRFREF{}//{}\r\n", debit ? 'D' : 'C', amount / 100,
                         amount % 100, written, 9'400'000 + written);
      out << fmt::format(
          ":86:221 ?20Promet robe i usluga po fakturi {} ?21SIF-221 ?22PBZ-97 4412{} ?23PBO-00 {} "
          "?30160000000000003718 ?32KUPAC DOO BEOGRAD ?33BEOGRAD\r\n",
          written, written % 1000, written);
    }
    out << fmt::format(":62F:C240301RSD{},{:02}\r\n-}}\r\n", balance / 100, balance % 100);
  }
}

void run(const std::string& layout, std::size_t entries, std::size_t perStatement) {
  const auto path =
      std::filesystem::temp_directory_path() / fmt::format("platnik-mt-bench-{}.sta", perStatement);
  generate(path, entries, perStatement);
  const auto bytes = std::filesystem::file_size(path);
  std::ifstream in(path, std::ios::binary);
  CountingSink sink;
  const auto start = std::chrono::steady_clock::now();
  auto result = formats::readStatements(in, sink, formats::Format::Mt940);
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  std::filesystem::remove(path);
  if (!result) {
    fmt::print(stderr, "{}: {}\n", layout, result.error().describe());
    return;
  }
  fmt::print(
      "| {:<28} | {:>9} | {:>10} | {:>8.3f} | {:>8.1f} | {:>11.0f} | {:>13.1f} |\n", layout, sink.m_entries,
      sink.m_statements, static_cast<double>(bytes) / 1e6, static_cast<double>(bytes) / 1e6 / seconds.count(),
      static_cast<double>(sink.m_entries) / seconds.count(), static_cast<double>(peakRssKiB()) / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t entries = argc > 1 ? std::stoul(argv[1]) : 100'000;
  fmt::print("MT940 reader (readStatements, format given), {} entries\n\n", entries);
  fmt::print("| {:<28} | {:>9} | {:>10} | {:>8} | {:>8} | {:>11} | {:>13} |\n", "layout", "entries",
             "statements", "MB", "MB/s", "entries/s", "peak RSS MiB");
  fmt::print("|{:-<30}|{:->11}|{:->12}|{:->10}|{:->10}|{:->13}|{:->15}|\n", "", "", "", "", "", "", "");
  // Peak RSS is the process's high-water mark: the streaming layout runs first.
  run("100 entries a statement", entries, 100);
  run("one statement, all entries", entries, entries);
  return 0;
}
