#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace platnik::crypto {

/// The state of a PIN (user PIN, or the PUK = security officer PIN) as the token reports
/// it in its flags (CKF_USER_PIN_* / CKF_SO_PIN_*). Tokens do not report the exact count.
struct PinState {
  bool countLow = false;     ///< a wrong PIN was entered since the last right one
  bool finalTry = false;     ///< one more wrong PIN locks it
  bool locked = false;       ///< no tries left
  bool toBeChanged = false;  ///< the token asks for a new PIN (the issuer's initial PIN)

  /// 0 when locked, 1 on the final try, nothing when the token does not tell.
  [[nodiscard]] std::optional<int> triesLeft() const;
  /// "locked", "final_try", "count_low", "must_change" or "ok" (the worst that applies).
  [[nodiscard]] std::string_view name() const;
  friend bool operator==(const PinState&, const PinState&) = default;
};

/// One slot of a PKCS#11 module (a reader), with the token in it if there is one.
struct TokenInfo {
  std::string slotDescription;
  std::string slotManufacturer;
  bool removable = false;
  bool present = false;  ///< a token is in the slot; the fields below are empty otherwise
  std::string label;
  std::string serial;
  std::string manufacturer;
  std::string model;
  bool initialized = false;
  bool protectedAuthenticationPath = false;  ///< PIN pad: the PIN is entered on the reader
  PinState userPin;
  PinState soPin;  ///< the PUK
};

}  // namespace platnik::crypto
