#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace platnik::banking {

/// A bank as the NBS knows it by the first three digits of its accounts.
struct Bank {
  std::string_view code;
  std::string_view name;
  bool current = true;  ///< false for codes that survive only in old statements
};

/// The bank with that code, if the table knows it. Unknown codes are not errors (banks
/// merge and rename; old statements carry old codes): callers warn, never reject.
std::optional<Bank> findBank(std::string_view code);
std::span<const Bank> allBanks();

}  // namespace platnik::banking
