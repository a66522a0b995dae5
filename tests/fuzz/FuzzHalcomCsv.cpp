// Platnik's CSV reader: any bytes must give statements or an error. What it reads, written
// again in the same style, must read back the same.
#include "banking/formats/Csv.h"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace platnik::banking;
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::istringstream in(text);
  auto read = formats::readCsv(in);
  if (!read) {
    return 0;
  }
  for (const auto style : {formats::CsvStyle::Serbian, formats::CsvStyle::Machine}) {
    std::ostringstream out;
    if (!formats::writeCsv(out, read.value(), {style, false})) {
      __builtin_trap();  // everything the reader gives is writable
    }
    std::istringstream again(out.str());
    auto reread = formats::readCsv(again);
    if (!reread || reread.value().size() != read.value().size()) {
      __builtin_trap();
    }
    for (std::size_t i = 0; i < read.value().size(); ++i) {
      if (!(reread.value()[i].entries == read.value()[i].entries)) {
        __builtin_trap();
      }
    }
  }
  return 0;
}
