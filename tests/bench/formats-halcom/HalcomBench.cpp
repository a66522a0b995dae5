// Halcom TXT benchmark: a generated statement of N entries (default 100,000) on disk, read
// streaming into a sink that only counts, beside a bare getline pass (the floor). Prints a
// table; asserts nothing about time.

#include "banking/StatementSink.h"
#include "banking/formats/Csv.h"
#include "banking/formats/HalcomTxt.h"
#include "banking/formats/StatementReader.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

namespace {

using namespace platnik::banking;

/// Counts what a reader delivers and keeps nothing.
class CountingSink final : public StatementSink {
 public:
  Result<void> begin(const StatementInfo&) override {
    ++statements;
    return boost::outcome_v2::success();
  }
  Result<void> entry(const Entry& e) override {
    ++entries;
    checksum += e.amount.minorUnits();
    return boost::outcome_v2::success();
  }
  Result<void> end(const StatementInfo&) override { return boost::outcome_v2::success(); }

  std::size_t statements = 0;
  std::size_t entries = 0;
  std::int64_t checksum = 0;
};

long peakRssKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

Date day(unsigned d) {
  return makeDate(2024, 3, 1 + d % 28).value();
}

/// Writes the turnover file chunk by chunk with the library's writer, so that generating it
/// needs little memory, and the recap line with the day's counts and totals.
void generate(const std::filesystem::path& turnoverPath, const std::filesystem::path& recapPath,
              std::size_t count) {
  std::ofstream turnover(turnoverPath, std::ios::binary);
  Statement chunk;
  chunk.info.account = "160000000018203969";
  chunk.info.currency = Currency::rsd();
  chunk.info.ownerName = "PLATNIK DOO ČAČAK";  // every line has non-ASCII text to convert
  const char* names[] = {"Šumadija promet DOO", "LA FANTANA D.O.O. BEOGRAD",
                         "KOMPANIJA DUNAV OSIGURANJE A.D.O.", "OMV SRBIJA DOO", "Đorđević i sinovi"};
  const std::int64_t opening = 100000000;
  std::int64_t debitTotal = 0;
  std::int64_t creditTotal = 0;
  std::size_t debits = 0;
  for (std::size_t i = 0; i < count; i += 1000) {
    chunk.entries.clear();
    for (std::size_t j = i; j < std::min(count, i + 1000); ++j) {
      Entry e;
      e.bookingDate = day(static_cast<unsigned>(j / 5000));
      e.valueDate = e.bookingDate;
      const auto amount = static_cast<std::int64_t>(1000 + (j * 7919) % 5000000);
      const bool credit = j % 3 == 0;
      e.amount = Money(credit ? amount : -amount, Currency::rsd());
      (credit ? creditTotal : debitTotal) += amount;
      debits += credit ? 0 : 1;
      e.counterparty = Counterparty{names[j % 5], "265000000000123488", "Beograd", ""};
      e.purpose = fmt::format("UPLATA PO RACUNU {}", j);
      e.paymentCode = "221";
      e.reference = Reference{"97", fmt::format("{:010}", j)};
      e.bankReference = fmt::format("087000{:09}", j);
      chunk.entries.push_back(std::move(e));
    }
    std::ostringstream out;
    auto written = platnik::banking::formats::writeHalcomTurnover(out, std::span(&chunk, 1));
    if (!written) {
      throw std::runtime_error(written.error().describe());
    }
    std::string text = out.str();
    text.pop_back();  // each chunk's 0x1A; one closes the file
    turnover << text;
  }
  turnover << '\x1A';
  // Recap layout (spec 1.4): type, account, date, previous date, previous balance, debit count
  // and total, credit count and total, new balance, pending count and amount, number.
  std::ofstream recap(recapPath, std::ios::binary);
  recap << fmt::format("01{}{}{}{:018}{:06}{:018}{:06}{:018}{:018}{:06}{:018}{:03}\r\n\x1A",
                       chunk.info.account, "28032024", "29022024", opening, debits, debitTotal,
                       count - debits, creditTotal, opening + creditTotal - debitTotal, 0, 0, 42);
}

struct Row {
  std::string what;
  double seconds;
  std::size_t bytes;
  std::size_t entries;
};

template <class F>
double timed(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t count = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
  const auto folder =
      std::filesystem::temp_directory_path() / fmt::format("platnik-halcom-bench-{}", ::getpid());
  std::filesystem::create_directories(folder);
  const auto turnoverPath = folder / "IZVOD.txt";
  const auto recapPath = folder / "IZVOD_cov.txt";
  generate(turnoverPath, recapPath, count);
  const std::size_t bytes = std::filesystem::file_size(turnoverPath);
  const long rssBefore = peakRssKiB();
  std::vector<Row> rows;
  int failures = 0;

  {
    std::size_t lines = 0;
    const double s = timed([&] {
      std::ifstream in(turnoverPath, std::ios::binary);
      std::string line;
      while (std::getline(in, line)) {
        ++lines;
      }
    });
    rows.push_back({"bare getline pass (floor)", s, bytes, lines});
  }
  {
    CountingSink sink;
    const double s = timed([&] {
      std::ifstream in(turnoverPath, std::ios::binary);
      auto read = platnik::banking::formats::readStatements(in, sink);
      if (!read) {
        std::cerr << read.error().describe() << "\n";
        ++failures;
      }
    });
    rows.push_back({"read turnover (detected)", s, bytes, sink.entries});
  }
  {
    CountingSink sink;
    const double s = timed([&] {
      std::ifstream turnover(turnoverPath, std::ios::binary);
      std::ifstream recap(recapPath, std::ios::binary);
      auto read = platnik::banking::formats::readHalcomStatementWithRecap(turnover, recap, sink);
      if (!read) {
        std::cerr << read.error().describe() << "\n";
        ++failures;
      }
    });
    rows.push_back({"read turnover + recap", s, bytes, sink.entries});
  }
  const long rssAfterReads = peakRssKiB();
  {
    std::size_t csvBytes = 0;
    const double s = timed([&] {
      std::ifstream in(turnoverPath, std::ios::binary);
      std::ofstream out(folder / "IZVOD.csv", std::ios::binary);
      platnik::banking::formats::CsvWriter writer(out, {});
      auto read = platnik::banking::formats::readStatements(in, writer);
      if (!read || !writer.finish()) {
        ++failures;
      }
    });
    csvBytes = std::filesystem::file_size(folder / "IZVOD.csv");
    rows.push_back({"read turnover -> CSV", s, csvBytes, count});
  }

  fmt::print("Halcom TXT, {} entries, {:.1f} MB\n", count, static_cast<double>(bytes) / 1e6);
  fmt::print("{:<28} {:>10} {:>10} {:>14}\n", "pass", "seconds", "MB/s", "entries/s");
  for (const Row& r : rows) {
    fmt::print("{:<28} {:>10.3f} {:>10.1f} {:>14.0f}\n", r.what, r.seconds,
               static_cast<double>(r.bytes) / 1e6 / r.seconds, static_cast<double>(r.entries) / r.seconds);
  }
  fmt::print("peak RSS: {:.1f} MB after generating, {:.1f} MB after the reads, {:.1f} MB at the end\n",
             static_cast<double>(rssBefore) / 1024, static_cast<double>(rssAfterReads) / 1024,
             static_cast<double>(peakRssKiB()) / 1024);
  std::filesystem::remove_all(folder);
  return failures == 0 ? 0 : 1;
}
