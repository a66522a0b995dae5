// Asseco OfficeBanking and Raiffeisen OnLine readers, and XML format detection.
#include "banking/StatementSink.h"
#include "banking/formats/StatementReader.h"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace platnik::banking;
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const auto format : {formats::Format::AssecoXml, formats::Format::RolXml}) {
    std::istringstream in(text);
    StatementCollector sink;
    (void)formats::readStatements(in, sink, format);
  }
  (void)formats::detectFormat(text);
  return 0;
}
