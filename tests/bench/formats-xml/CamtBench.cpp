// Generates a camt.053 with N entries (default 100,000), then measures, each in a fresh child
// process so that peak RSS belongs to that pass alone:
//   - the floor: a bare libxml2 xmlTextReader pass over the file (every node read, nothing kept);
//   - Platnik's camt reader into a sink that only counts.
// Prints a table; asserts nothing about time.

#include "banking/StatementSink.h"
#include "banking/formats/StatementReader.h"

#include <fmt/format.h>
#include <libxml/xmlreader.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <istream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

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
  return {pass, usage.ru_maxrss};
}

}  // namespace

int main(int argc, char** argv) {
  const long entries = argc > 1 ? std::atol(argv[1]) : 100000;
  const auto path =
      std::filesystem::temp_directory_path() / fmt::format("platnik-bench-camt053-{}.xml", getpid());
  generate(path, entries);
  const double megabytes = static_cast<double>(std::filesystem::file_size(path)) / (1024.0 * 1024.0);
  const auto [floor, floorRss] = isolated(floorPass, path.string());
  const auto [floorStream, floorStreamRss] = isolated(floorStreamPass, path.string());
  const auto [ours, oursRss] = isolated(platnikPass, path.string());
  std::filesystem::remove(path);

  fmt::print("camt.053 with {} entries, {:.1f} MB\n\n", entries, megabytes);
  fmt::print("{:<34} {:>9} {:>9} {:>12} {:>13} {:>6}\n", "pass", "seconds", "MB/s", "entries/s",
             "peak RSS MB", "ok");
  fmt::print("{:<34} {:>9.3f} {:>9.1f} {:>12} {:>13.1f} {:>6}\n", "libxml2 xmlTextReader (floor)",
             floor.seconds, megabytes / floor.seconds, "-", static_cast<double>(floorRss) / 1024.0,
             floor.ok ? "yes" : "NO");
  fmt::print("{:<34} {:>9.3f} {:>9.1f} {:>12} {:>13.1f} {:>6}\n", "libxml2 xmlTextReader, std::istream",
             floorStream.seconds, megabytes / floorStream.seconds, "-",
             static_cast<double>(floorStreamRss) / 1024.0, floorStream.ok ? "yes" : "NO");
  fmt::print("{:<34} {:>9.3f} {:>9.1f} {:>12.0f} {:>13.1f} {:>6}\n", "platnik readStatements (camt.053)",
             ours.seconds, megabytes / ours.seconds, static_cast<double>(ours.items) / ours.seconds,
             static_cast<double>(oursRss) / 1024.0, ours.ok && ours.items == entries ? "yes" : "NO");
  fmt::print("\nplatnik / floor time: {:.2f}x (target: within 1.5x); peak memory target: under 32 MB\n",
             ours.seconds / floor.seconds);
  return floor.ok && ours.ok && ours.items == entries ? 0 : 1;
}
