// libFuzzer target for the SWIFT reader: any bytes through format detection and through
// readMt940 as MT940 and as MT942. A crash, a sanitizer report or a hang is a bug; a
// rejection is the expected answer to most inputs.

#include "banking/formats/Format.h"
#include "banking/formats/StatementReader.h"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

using namespace platnik::banking;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  (void)formats::detectFormat(bytes.substr(0, 4096));
  for (auto format : {formats::Format::Mt940, formats::Format::Mt942}) {
    std::istringstream in(bytes);
    StatementCollector sink;
    auto result = formats::readStatements(in, sink, format);
    if (result) {
      // What was read holds together: every statement delivered has its currency.
      for (const auto& statement : sink.statements()) {
        if (!statement.info.currency) {
          __builtin_trap();
        }
      }
    }
  }
  return 0;
}
