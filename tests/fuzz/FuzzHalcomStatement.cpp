// Halcom statement readers: any bytes must give statements or an error, never a crash or a
// hang. Each input is tried as every Halcom statement form, and split at its first 0x1A into a
// turnover file and its recap.
#include "banking/StatementSink.h"
#include "banking/formats/HalcomTxt.h"
#include "banking/formats/StatementReader.h"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace platnik::banking;
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const auto format : {formats::Format::HalcomStatement, formats::Format::HalcomRecap,
                            formats::Format::HalcomExtended, formats::Format::HalcomForeign}) {
    std::istringstream in(text);
    StatementCollector sink;
    (void)formats::readStatements(in, sink, format);
  }
  const auto split = text.find('\x1A');
  std::istringstream turnover(text.substr(0, split));
  std::istringstream recap(split == std::string::npos ? std::string{} : text.substr(split + 1));
  auto statements = formats::readHalcomStatementWithRecap(turnover, recap);
  if (statements) {
    // Whatever was read must be writable or refused with an error, never crash the writers.
    std::ostringstream out;
    (void)formats::writeHalcomTurnover(out, statements.value());
    (void)formats::writeHalcomRecap(out, statements.value());
  }
  return 0;
}
