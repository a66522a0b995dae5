// camt.052/053/054 reader: any bytes must give statements or an error, never a crash, a hang
// or unbounded memory. Each message is tried as each camt kind (the reader checks the kind).
#include "banking/StatementSink.h"
#include "banking/formats/StatementReader.h"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace platnik::banking;
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const auto format : {formats::Format::Camt052, formats::Format::Camt053, formats::Format::Camt054}) {
    std::istringstream in(text);
    StatementCollector sink;
    (void)formats::readStatements(in, sink, format);
  }
  return 0;
}
