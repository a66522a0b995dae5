// Halcom payment-order files: any bytes must give orders or an error. Orders that were read
// and can be written must read back the same when their text is ASCII (other text may be
// transliterated on the way to cp1250).
#include "banking/formats/HalcomTxt.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace platnik::banking;
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::istringstream in(text);
  auto read = formats::readHalcomOrders(in);
  if (!read || read.value().empty()) {
    return 0;
  }
  std::vector<PaymentOrder> orders;
  for (const auto& imported : read.value()) {
    orders.push_back(imported.order);
  }
  std::ostringstream out;
  if (!formats::writeHalcomOrders(out, orders)) {
    return 0;
  }
  const bool ascii =
      std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::istringstream again(out.str());
  auto reread = formats::readHalcomOrders(again);
  if (!reread || (ascii && reread.value().size() != orders.size())) {
    __builtin_trap();  // a file the writer made must be readable
  }
  for (std::size_t i = 0; ascii && i < orders.size(); ++i) {
    if (!(reread.value()[i].order == orders[i])) {
      __builtin_trap();
    }
  }
  return 0;
}
