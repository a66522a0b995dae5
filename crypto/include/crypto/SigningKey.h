#pragma once

#include "banking/Error.h"
#include "crypto/Certificate.h"

#include <memory>
#include <string>
#include <string_view>

namespace platnik::crypto {

/// RSA signature scheme.
enum class Padding {
  Pkcs1v15,  ///< RSASSA-PKCS1-v1_5
  Pss,       ///< RSASSA-PSS, SHA-256, MGF1-SHA-256, salt 32
};

/// A private key that stays on the token, with its certificate. Made by
/// TokenSession::signingKey; used by the CMS functions (CmsSignature.h).
class SigningKey {
 public:
  struct Impl;  ///< OpenSSL/libp11 handles (src/SigningKeyImpl.h)
  explicit SigningKey(std::shared_ptr<Impl> impl);

  [[nodiscard]] const Certificate& certificate() const;
  /// A bare SHA-256 signature over `data` made on the token (EVP_DigestSign). Orders and
  /// documents are signed with signDetached (CmsSignature.h); this is the raw operation.
  [[nodiscard]] banking::Result<std::string> sign(std::string_view data,
                                                  Padding padding = Padding::Pkcs1v15) const;
  [[nodiscard]] const Impl& impl() const { return *m_impl; }

 private:
  std::shared_ptr<Impl> m_impl;
};

}  // namespace platnik::crypto
