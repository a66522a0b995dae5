#pragma once

#include "banking/Error.h"

#include <filesystem>
#include <set>
#include <string>

namespace platnik::crypto {

/// What Platnik remembers about tokens between runs, in `<dir>/tokens.json`:
/// - which tokens (by serial) were activated (PIN changed through Platnik, or the user
///   said it was already done): a token not listed here is "never used", and activation is
///   offered on its first use;
/// - which tokens were already renewed online and which certificates (SHA-256) came from
///   that renewal: Halcom allows one online renewal per token.
/// No PIN, key or personal data is stored. The file is replaced atomically.
class TokenRecords {
 public:
  /// Reads `<dir>/tokens.json` (missing: empty records); fails on a damaged file.
  static banking::Result<TokenRecords> load(const std::filesystem::path& dir);

  [[nodiscard]] bool isActivated(const std::string& tokenSerial) const;
  [[nodiscard]] bool renewedOnline(const std::string& tokenSerial) const;
  [[nodiscard]] bool cameFromRenewal(const std::string& certificateSha256) const;

  banking::Result<void> markActivated(const std::string& tokenSerial);
  /// Records that `certificateSha256` was imported onto the token after an online renewal.
  banking::Result<void> markRenewed(const std::string& tokenSerial, const std::string& certificateSha256);

 private:
  explicit TokenRecords(std::filesystem::path file) : m_file(std::move(file)) {}
  banking::Result<void> save() const;

  std::filesystem::path m_file;
  std::set<std::string> m_activated;
  std::set<std::string> m_renewedTokens;
  std::set<std::string> m_renewedCertificates;
};

}  // namespace platnik::crypto
