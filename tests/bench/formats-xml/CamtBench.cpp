// Generates a camt.053 with N entries (default 100,000), then measures, each in a fresh child
// process so that peak RSS belongs to that pass alone:
//   - the floor: a bare libxml2 xmlTextReader pass over the file (every node read, nothing kept);
//   - Platnik's camt reader into a sink that only counts.
// Prints a table; asserts nothing about time.
//   bench_formats_xml [N [RUNS]]          every pass RUNS times (default 5), interleaved; the
//                                         fastest run of each is reported, and the ratio of
//                                         each Platnik run to the floor run just before it
//                                         (lowest, median, highest; CPU and wall time)
//   bench_formats_xml N floor|queries|stream|platnik   one pass in this process (for perf),
//                                         with its wall and CPU time

#include "banking/StatementSink.h"
#include "banking/formats/StatementReader.h"

#include <fmt/format.h>
#include <libxml/xmlreader.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <istream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using namespace platnik::banking;

void generate(const std::filesystem::path& path, long entries) {
  std::ofstream out(path, std::ios::binary);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\n<BkToCstmrStmt>\n"
         "<GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2024-03-31T18:00:00</CreDtTm></GrpHdr>\n<Stmt>\n"
         "<Id>1</Id><ElctrncSeqNb>1</ElctrncSeqNb><CreDtTm>2024-03-31T18:00:00</CreDtTm>\n"
         "<Acct><Id><IBAN>RS35160000000018203969</IBAN></Id><Ccy>RSD</Ccy></Acct>\n"
         "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"RSD\">0.00</Amt>"
         "<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-30</Dt></Dt></Bal>\n";
  for (long i = 0; i < entries; ++i) {
    const bool credit = i % 3 != 0;
    out << fmt::format(
        "<Ntry><Amt Ccy=\"RSD\">{}.{:02}</Amt><CdtDbtInd>{}</CdtDbtInd><Sts>BOOK</Sts>"
        "<BookgDt><Dt>2024-03-31</Dt></BookgDt><ValDt><Dt>2024-03-31</Dt></ValDt><AcctSvcrRef>REF{:010}</"
        "AcctSvcrRef>"
        "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>"
        "<NtryDtls><TxDtls><Refs><EndToEndId>E2E{:010}</EndToEndId></Refs><RltdPties><Dbtr><Nm>Kupac {} "
        "d.o.o.</Nm>"
        "</Dbtr><DbtrAcct><Id><IBAN>RS35205000000010804045</IBAN></Id></DbtrAcct><Cdtr><Nm>Moja "
        "firma</Nm></Cdtr>"
        "</RltdPties><Purp><Prtry>221</Prtry></Purp><RmtInf><Ustrd>Uplata po računu "
        "{}</Ustrd><Strd><CdtrRefInf>"
        "<Tp><CdOrPrtry><Prtry>97</Prtry></CdOrPrtry></Tp><Ref>97{:08}</Ref></CdtrRefInf></Strd></RmtInf>"
        "</TxDtls></NtryDtls></Ntry>\n",
        1 + i % 100000, i % 100, credit ? "CRDT" : "DBIT", i, i, i % 977, i, i);
  }
  out << "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"RSD\">0.00</Amt>"
         "<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-31</Dt></Dt></Bal>\n</Stmt>\n</BkToCstmrStmt>\n</"
         "Document>\n";
}

class CountingSink final : public StatementSink {
 public:
  Result<void> begin(const StatementInfo&) override { return boost::outcome_v2::success(); }
  Result<void> entry(const Entry&) override {
    ++m_entries;
    return boost::outcome_v2::success();
  }
  Result<void> end(const StatementInfo&) override { return boost::outcome_v2::success(); }
  [[nodiscard]] long entries() const { return m_entries; }

 private:
  long m_entries = 0;
};

/// The pass's result, written by the child through a pipe.
struct Pass {
  double seconds = 0;
  double cpuSeconds = 0;  ///< user + system time of the child, filled in by isolated()
  long items = 0;
  bool ok = false;
};

Pass floorPass(const std::string& path) {
  Pass pass;
  const auto start = std::chrono::steady_clock::now();
  xmlTextReaderPtr reader = xmlReaderForFile(path.c_str(), nullptr, XML_PARSE_NONET);
  int rc = 0;
  while ((rc = xmlTextReaderRead(reader)) == 1) {
    ++pass.items;
  }
  xmlFreeTextReader(reader);
  pass.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  pass.ok = rc == 0;
  return pass;
}

int readFromStream(void* context, char* buffer, int length) {
  auto* in = static_cast<std::istream*>(context);
  in->read(buffer, length);
  return static_cast<int>(in->gcount());
}
int closeStream(void*) {
  return 0;
}

/// The same bare pass, fed through a std::istream as Platnik's reader is.
Pass floorStreamPass(const std::string& path) {
  Pass pass;
  const auto start = std::chrono::steady_clock::now();
  std::ifstream in(path, std::ios::binary);
  xmlTextReaderPtr reader =
      xmlReaderForIO(readFromStream, closeStream, &in, nullptr, nullptr, XML_PARSE_NONET);
  int rc = 0;
  while ((rc = xmlTextReaderRead(reader)) == 1) {
    ++pass.items;
  }
  xmlFreeTextReader(reader);
  pass.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  pass.ok = rc == 0;
  return pass;
}

/// The bare pass plus what any reader must ask of each node (type; depth, local name and
/// emptiness of elements; the value of text): the floor of the xmlTextReader API itself.
Pass floorQueriesPass(const std::string& path) {
  Pass pass;
  const auto start = std::chrono::steady_clock::now();
  std::ifstream in(path, std::ios::binary);
  xmlTextReaderPtr reader =
      xmlReaderForIO(readFromStream, closeStream, &in, nullptr, nullptr, XML_PARSE_NONET);
  int rc = 0;
  std::size_t sum = 0;
  while ((rc = xmlTextReaderRead(reader)) == 1) {
    ++pass.items;
    const int type = xmlTextReaderNodeType(reader);
    if (type == XML_READER_TYPE_ELEMENT) {
      sum += static_cast<std::size_t>(xmlTextReaderDepth(reader));
      sum += reinterpret_cast<std::uintptr_t>(xmlTextReaderConstLocalName(reader)) & 1U;
      sum += static_cast<std::size_t>(xmlTextReaderIsEmptyElement(reader));
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      sum += static_cast<std::size_t>(xmlTextReaderDepth(reader));
    } else if (type == XML_READER_TYPE_TEXT) {
      sum += reinterpret_cast<std::uintptr_t>(xmlTextReaderConstValue(reader)) & 1U;
    }
  }
  xmlFreeTextReader(reader);
  pass.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  pass.ok = rc == 0 && sum > 0;
  return pass;
}

Pass platnikPass(const std::string& path) {
  Pass pass;
  const auto start = std::chrono::steady_clock::now();
  std::ifstream in(path, std::ios::binary);
  CountingSink sink;
  const auto result = formats::readStatements(in, sink);
  pass.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  pass.items = sink.entries();
  pass.ok = static_cast<bool>(result);
  if (!result) {
    std::fprintf(stderr, "%s\n", result.error().describe().c_str());
  }
  return pass;
}

/// User + system CPU time of this process so far.
double processCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// Runs a pass in a child process; returns it with the child's peak RSS in KiB.
std::pair<Pass, long> isolated(Pass (*run)(const std::string&), const std::string& path) {
  int fds[2];
  if (pipe(fds) != 0) {
    std::perror("pipe");
    std::exit(1);
  }
  const pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    const Pass pass = run(path);
    const auto written = write(fds[1], &pass, sizeof pass);
    _exit(written == static_cast<ssize_t>(sizeof pass) ? 0 : 1);
  }
  close(fds[1]);
  Pass pass;
  const auto got = read(fds[0], &pass, sizeof pass);
  close(fds[0]);
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  if (got != static_cast<ssize_t>(sizeof pass)) {
    pass.ok = false;
  }
  pass.cpuSeconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                    static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  return {pass, usage.ru_maxrss};
}

/// The fastest of several runs of a pass, each isolated; the least CPU time; and the largest
/// peak RSS.
struct Best {
  Pass pass;
  double cpuSeconds = 0;
  long rss = 0;
  void add(const std::pair<Pass, long>& run) {
    if (run.first.ok && (cpuSeconds == 0 || run.first.cpuSeconds < cpuSeconds)) {
      cpuSeconds = run.first.cpuSeconds;
    }
    if (!run.first.ok) {
      pass.ok = false;
    } else if (pass.seconds == 0 || run.first.seconds < pass.seconds) {
      const bool ok = pass.seconds == 0 || pass.ok;
      pass = run.first;
      pass.ok = ok;
    }
    rss = std::max(rss, run.second);
  }
};

}  // namespace

int main(int argc, char** argv) {
  const long entries = argc > 1 ? std::atol(argv[1]) : 100000;
  const auto path =
      std::filesystem::temp_directory_path() / fmt::format("platnik-bench-camt053-{}.xml", getpid());
  generate(path, entries);
  const std::string mode = argc > 2 ? argv[2] : "";
  if (!mode.empty() && std::isalpha(static_cast<unsigned char>(mode[0]))) {
    // One pass in this process, for a profiler: "floor", "queries", "stream" or "platnik".
    const double cpuBefore = processCpuSeconds();
    const Pass pass = mode == "floor"     ? floorPass(path.string())
                      : mode == "queries" ? floorQueriesPass(path.string())
                      : mode == "stream"  ? floorStreamPass(path.string())
                                          : platnikPass(path.string());
    const double cpu = processCpuSeconds() - cpuBefore;
    std::filesystem::remove(path);
    fmt::print("{}: {:.3f} s, {:.3f} CPU s, {} items\n", mode, pass.seconds, cpu, pass.items);
    return pass.ok ? 0 : 1;
  }
  // The machine may be shared: every pass runs `runs` times, interleaved, and the fastest
  // run of each is reported, with the ratio of each run of Platnik's reader to the floor
  // run just before it.
  const int runs = mode.empty() ? 5 : std::max(1, std::atoi(mode.c_str()));
  const double megabytes = static_cast<double>(std::filesystem::file_size(path)) / (1024.0 * 1024.0);
  Best floor;
  Best floorStream;
  Best floorQueries;
  Best ours;
  std::vector<double> wallRatios;
  std::vector<double> cpuRatios;
  for (int run = 0; run < runs; ++run) {
    const auto floorRun = isolated(floorPass, path.string());
    floor.add(floorRun);
    floorStream.add(isolated(floorStreamPass, path.string()));
    floorQueries.add(isolated(floorQueriesPass, path.string()));
    const auto oursRun = isolated(platnikPass, path.string());
    ours.add(oursRun);
    wallRatios.push_back(oursRun.first.seconds / floorRun.first.seconds);
    cpuRatios.push_back(oursRun.first.cpuSeconds / floorRun.first.cpuSeconds);
  }
  std::filesystem::remove(path);

  fmt::print("camt.053 with {} entries, {:.1f} MB, fastest of {} runs\n\n", entries, megabytes, runs);
  fmt::print("{:<38} {:>9} {:>9} {:>9} {:>12} {:>13} {:>6}\n", "pass", "seconds", "CPU s", "MB/s",
             "entries/s", "peak RSS MB", "ok");
  const auto row = [&](const char* name, const Best& best, bool counted) {
    const double perSecond = static_cast<double>(best.pass.items) / best.pass.seconds;
    fmt::print("{:<38} {:>9.3f} {:>9.3f} {:>9.1f} {:>12} {:>13.1f} {:>6}\n", name, best.pass.seconds,
               best.cpuSeconds, megabytes / best.pass.seconds,
               counted ? fmt::format("{:.0f}", perSecond) : "-", static_cast<double>(best.rss) / 1024.0,
               best.pass.ok && (!counted || best.pass.items == entries) ? "yes" : "NO");
  };
  row("libxml2 xmlTextReader (floor)", floor, false);
  row("libxml2 xmlTextReader, std::istream", floorStream, false);
  row("  + type/depth/name/value per node", floorQueries, false);
  row("platnik readStatements (camt.053)", ours, true);
  fmt::print("\nplatnik / floor, fastest runs: {:.2f}x wall time, {:.2f}x CPU time (target: within 1.5x)\n",
             ours.pass.seconds / floor.pass.seconds, ours.cpuSeconds / floor.cpuSeconds);
  // Run by run, each beside the floor run just before it: the lowest, the median, the highest.
  const auto spread = [](std::vector<double> ratios) {
    std::sort(ratios.begin(), ratios.end());
    const std::size_t n = ratios.size();
    const double median = n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
    return fmt::format("{:.2f}x lowest, {:.2f}x median, {:.2f}x highest", ratios.front(), median,
                       ratios.back());
  };
  fmt::print("run by run, platnik / the floor run just before it: CPU time {}\n", spread(cpuRatios));
  fmt::print("                                                   wall time {}\n", spread(wallRatios));
  fmt::print("peak memory target: under 32 MB\n");
  return floor.pass.ok && ours.pass.ok && ours.pass.items == entries ? 0 : 1;
}
