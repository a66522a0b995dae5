#pragma once

#include "banking/Error.h"

#include <string>
#include <string_view>

namespace platnik::banking {

/// A Serbian domestic account number: bank code (3) + account (13) + control digits (2).
/// Always valid once built: the control digits are checked exactly (98 − first16·100 mod 97).
class Account {
 public:
  /// Accepts the 18-digit form, the dashed short form ("160-182039-69", middle part padded
  /// to 13 digits) and the Serbian IBAN ("RS35 1600 0000 0018 2039 69", spaces allowed).
  static Result<Account> parse(std::string_view text);
  /// The two control digits ("02".."98") for the first 16 digits (bank code + account).
  static Result<std::string> controlDigitsFor(std::string_view first16);

  /// The 18 digits, as used electronically.
  [[nodiscard]] const std::string& digits() const { return m_digits; }
  [[nodiscard]] std::string_view bankCode() const { return std::string_view(m_digits).substr(0, 3); }
  /// "160-182039-69": leading zeros of the middle part dropped.
  [[nodiscard]] std::string shortForm() const;
  /// "160-0000000182039-69".
  [[nodiscard]] std::string longForm() const;
  /// "RS35160000000018203969" (always RS35 for a valid domestic account).
  [[nodiscard]] std::string iban() const;

  friend bool operator==(const Account&, const Account&) = default;

 private:
  explicit Account(std::string digits) : m_digits(std::move(digits)) {}
  std::string m_digits;
};

}  // namespace platnik::banking
