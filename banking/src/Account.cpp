#include "banking/Account.h"

#include "banking/Iban.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace platnik::banking {
namespace {

constexpr std::size_t kBankDigits = 3;
constexpr std::size_t kAccountDigits = 13;
constexpr std::size_t kControlDigits = 2;
constexpr std::size_t kAllDigits = kBankDigits + kAccountDigits + kControlDigits;

bool allDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

/// "160-18203-69" → 18 digits; the middle part is left-padded to 13 digits.
Result<std::string> fromShortForm(std::string_view text) {
  const std::string original(text);
  const auto first = text.find('-');
  const auto second = text.find('-', first + 1);
  if (second == std::string_view::npos || text.find('-', second + 1) != std::string_view::npos) {
    return fail(
        Errc::InvalidAccount,
        fmt::format("'{}' is not an account number: the short form is bank-account-control", original));
  }
  const std::string_view bank = text.substr(0, first);
  const std::string_view account = text.substr(first + 1, second - first - 1);
  const std::string_view control = text.substr(second + 1);
  if (bank.size() != kBankDigits || !allDigits(bank)) {
    return fail(Errc::InvalidAccount,
                fmt::format("'{}': the bank code '{}' must be exactly 3 digits", original, bank));
  }
  if (account.empty() || account.size() > kAccountDigits || !allDigits(account)) {
    return fail(Errc::InvalidAccount,
                fmt::format("'{}': the account part '{}' must be 1 to 13 digits", original, account));
  }
  if (control.size() != kControlDigits || !allDigits(control)) {
    return fail(Errc::InvalidAccount,
                fmt::format("'{}': the control digits '{}' must be exactly 2 digits", original, control));
  }
  return std::string(bank) + std::string(kAccountDigits - account.size(), '0') + std::string(account) +
         std::string(control);
}

}  // namespace

Result<std::string> Account::controlDigitsFor(std::string_view first16) {
  if (first16.size() != kBankDigits + kAccountDigits || !allDigits(first16)) {
    return fail(Errc::InvalidAccount,
                fmt::format("'{}' is not the 16 digits of a bank code and an account", first16));
  }
  BOOST_OUTCOME_TRY(remainder, mod97(std::string(first16) + "00"));
  return fmt::format("{:02}", 98 - remainder);
}

Result<Account> Account::parse(std::string_view text) {
  text = trim(text);
  const std::string original(text);
  std::string digits;
  if (text.size() >= 2 && std::isalpha(static_cast<unsigned char>(text[0])) &&
      std::isalpha(static_cast<unsigned char>(text[1]))) {
    BOOST_OUTCOME_TRY(iban, Iban::parse(text));
    if (iban.countryCode() != "RS") {
      return fail(Errc::InvalidAccount,
                  fmt::format("'{}' is an IBAN of {}, not a Serbian account", original, iban.countryCode()));
    }
    digits = std::string(iban.bban());
  } else if (text.find('-') != std::string_view::npos) {
    BOOST_OUTCOME_TRY(padded, fromShortForm(text));
    digits = std::move(padded);
  } else if (text.size() == kAllDigits && allDigits(text)) {
    digits = std::string(text);
  } else {
    return fail(Errc::InvalidAccount,
                fmt::format("'{}' is not an account number: expected 18 digits, the short form "
                            "(160-18203-69) or an IBAN (RS35…)",
                            original));
  }
  if (!allDigits(digits) || digits.size() != kAllDigits) {
    return fail(Errc::InvalidAccount, fmt::format("'{}' does not hold 18 digits", original));
  }
  BOOST_OUTCOME_TRY(expected, controlDigitsFor(std::string_view(digits).substr(0, 16)));
  const std::string_view given = std::string_view(digits).substr(16);
  if (given != expected) {
    return fail(Errc::WrongControlDigits,
                fmt::format("'{}' has control digits {}; they should be {}", original, given, expected));
  }
  return Account(std::move(digits));
}

std::string Account::shortForm() const {
  const std::string_view middle = std::string_view(m_digits).substr(kBankDigits, kAccountDigits);
  const auto firstNonZero = middle.find_first_not_of('0');
  const std::string_view trimmed = firstNonZero == std::string_view::npos ? middle.substr(kAccountDigits - 1)
                                                                          : middle.substr(firstNonZero);
  return fmt::format("{}-{}-{}", bankCode(), trimmed, std::string_view(m_digits).substr(16));
}

std::string Account::longForm() const {
  const std::string_view all(m_digits);
  return fmt::format("{}-{}-{}", all.substr(0, 3), all.substr(3, 13), all.substr(16));
}

std::string Account::iban() const {
  // ISO 13616 check digits over BBAN + "RS00" (R=27, S=28); 35 for every valid account.
  const int remainder = mod97(m_digits + "RS00").value();
  return fmt::format("RS{:02}{}", 98 - remainder, m_digits);
}

}  // namespace platnik::banking
