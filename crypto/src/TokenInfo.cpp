#include "crypto/TokenInfo.h"

namespace platnik::crypto {

std::optional<int> PinState::triesLeft() const {
  if (locked) {
    return 0;
  }
  if (finalTry) {
    return 1;
  }
  return std::nullopt;
}

std::string_view PinState::name() const {
  if (locked) {
    return "locked";
  }
  if (finalTry) {
    return "final_try";
  }
  if (countLow) {
    return "count_low";
  }
  if (toBeChanged) {
    return "must_change";
  }
  return "ok";
}

}  // namespace platnik::crypto
