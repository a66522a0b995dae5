// pain.001 reader; whatever it reads must write back as a schema-valid file or be refused.
#include "banking/formats/Iso20022.h"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace platnik::banking::formats;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  auto message = readPain001(in);
  if (message && message.value().payments.size() <= 50) {
    (void)writePain001(message.value(), Pain001Version::V09);
  }
  return 0;
}
