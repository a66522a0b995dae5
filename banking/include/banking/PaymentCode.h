#pragma once

#include "banking/Error.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace platnik::banking {

/// "Šifra plaćanja": form of payment (1 cash, 2 cashless, 3 netting, 9 re-booking) followed
/// by the basis (two digits from the NBS list).
class PaymentCode {
 public:
  struct Basis {
    std::string_view code;         ///< "21"
    std::string_view description;  ///< NBS description, Serbian Latin
  };

  /// Three digits: a known form and a basis from the NBS list.
  static Result<PaymentCode> parse(std::string_view code);
  static std::span<const Basis> bases();
  static std::optional<Basis> findBasis(std::string_view basis);

  [[nodiscard]] const std::string& code() const { return m_code; }
  [[nodiscard]] char form() const { return m_code[0]; }
  [[nodiscard]] std::string_view basis() const { return std::string_view(m_code).substr(1); }
  /// The basis description ("Promet robe i usluga – finalna potrošnja").
  [[nodiscard]] std::string_view description() const;

  friend bool operator==(const PaymentCode&, const PaymentCode&) = default;

 private:
  explicit PaymentCode(std::string code) : m_code(std::move(code)) {}
  std::string m_code;
};

}  // namespace platnik::banking
