#include "Util.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <openssl/evp.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <pwd.h>
#include <stdexcept>
#include <unistd.h>

namespace platnik::storage::detail {

std::string nowUtc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(now));
}

namespace {

struct DigestFree {
  void operator()(EVP_MD* md) const { EVP_MD_free(md); }
};
struct DigestContextFree {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

}  // namespace

std::array<std::uint8_t, 32> sha256(std::string_view bytes) {
  // Fetched once and one context per thread: EVP_Digest with EVP_sha256() looks the
  // algorithm up (under locks) and allocates a context on every call, which an import
  // of a million entries pays a million times.
  static const std::unique_ptr<EVP_MD, DigestFree> kSha256(EVP_MD_fetch(nullptr, "SHA256", nullptr));
  thread_local const std::unique_ptr<EVP_MD_CTX, DigestContextFree> context(EVP_MD_CTX_new());
  std::array<std::uint8_t, 32> digest{};
  unsigned int size = 0;
  if (!kSha256 || !context || EVP_DigestInit_ex(context.get(), kSha256.get(), nullptr) != 1 ||
      EVP_DigestUpdate(context.get(), bytes.data(), bytes.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), digest.data(), &size) != 1 || size != digest.size()) {
    throw std::runtime_error("SHA-256 failed in OpenSSL");
  }
  return digest;
}

std::string toHex(std::span<const std::uint8_t> bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const auto byte : bytes) {
    out.push_back(kDigits[byte >> 4]);
    out.push_back(kDigits[byte & 0x0f]);
  }
  return out;
}

void appendField(std::string& out, std::string_view field) {
  char length[24];
  const auto end = std::to_chars(std::begin(length), std::end(length), field.size()).ptr;
  out.append(length, end);
  out += ':';
  out += field;
  out += ';';
}

std::string currentUser() {
  if (const passwd* entry = getpwuid(geteuid()); entry != nullptr && entry->pw_name != nullptr) {
    return entry->pw_name;
  }
  if (const char* user = std::getenv("USER")) {
    return user;
  }
  return fmt::format("uid {}", geteuid());
}

std::optional<std::string> isoDate(const std::optional<banking::Date>& date) {
  if (!date) {
    return std::nullopt;
  }
  return banking::toIsoString(*date);
}

banking::Result<std::optional<banking::Date>> readDate(const std::optional<std::string>& text) {
  if (!text || text->empty()) {
    return std::optional<banking::Date>();
  }
  BOOST_OUTCOME_TRY(date, banking::parseIsoDate(*text));
  return std::optional<banking::Date>(date);
}

banking::Result<banking::Money> readMoney(std::int64_t minor, std::string_view currency) {
  BOOST_OUTCOME_TRY(code, banking::Currency::fromCode(currency));
  return banking::Money(minor, code);
}

std::int64_t dayNumber(banking::Date date) {
  // Days since 1970 shifted positive (dates from year 1700 on stay positive).
  return std::chrono::sys_days{date}.time_since_epoch().count() + 100'000;
}

std::int64_t entryKey(banking::Date date, std::int64_t low) {
  if (low < 0 || low > 0xffffffffLL) {
    throw std::logic_error("a number does not fit the low half of an entry key");
  }
  return (dayNumber(date) << 32) | low;
}

std::int64_t entryKeyAfter(banking::Date date) {
  return entryKey(banking::Date{std::chrono::sys_days{date} + std::chrono::days{1}}, 0);
}

banking::Result<std::int64_t> accountDayKey(banking::Date date, std::int64_t accountId) {
  if (accountId < 1 || accountId > kMaxEntryAccountId) {
    return banking::fail(banking::Errc::Database,
                         fmt::format("account id {} is above {}, the most accounts one database keeps "
                                     "statement entries for",
                                     accountId, kMaxEntryAccountId));
  }
  return entryKey(date, accountId << kAccountShift);
}

}  // namespace platnik::storage::detail
