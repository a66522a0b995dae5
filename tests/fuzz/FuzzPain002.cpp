// pain.002 status report reader.
#include "banking/formats/Iso20022.h"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  (void)platnik::banking::formats::readPain002(in);
  return 0;
}
