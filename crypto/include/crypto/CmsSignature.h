#pragma once

#include "banking/Error.h"
#include "crypto/Certificate.h"
#include "crypto/SigningKey.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace platnik::crypto {

struct SignOptions {
  Padding padding = Padding::Pkcs1v15;
  /// The signing-time attribute; the system clock when not set.
  std::optional<TimePoint> signingTime;
};

/// A detached CMS SignedData (DER) over `content`: SHA-256, CAdES-BES signed attributes
/// (content-type, message-digest, signing-time, signing-certificate-v2), the signer's
/// certificate embedded. See docs/signing.md.
banking::Result<std::string> signDetached(const SigningKey& key, std::string_view content,
                                          const SignOptions& options = {});

/// The CA certificates a verifier trusts (roots and, optionally, issuing CAs).
class TrustStore {
 public:
  TrustStore();
  ~TrustStore();
  TrustStore(TrustStore&&) noexcept;
  TrustStore& operator=(TrustStore&&) noexcept;

  /// Adds every certificate of a PEM file (or the one certificate of a DER file).
  banking::Result<void> addFile(const std::filesystem::path& path);
  banking::Result<void> add(const Certificate& certificate);

  struct Impl;
  [[nodiscard]] const Impl& impl() const { return *m_impl; }

 private:
  std::unique_ptr<Impl> m_impl;
};

/// What verification found.
struct SignatureReport {
  bool signatureValid = false;  ///< the content matches and the signature is the signer's
  bool chainValid = false;      ///< the signer's certificate chains to a trusted CA at `now`
  std::string problem;          ///< why not, when either of the above is false
  std::optional<Certificate> signer;
  std::optional<TimePoint> signingTime;
  bool signingCertificateBound = false;  ///< signing-certificate-v2 matches the signer

  [[nodiscard]] bool valid() const { return signatureValid && chainValid && signingCertificateBound; }
};

/// Verifies a detached CMS signature over `content`. Fails only when `cms` cannot be read
/// (Errc::MalformedFile); a signature that does not match is a report with
/// signatureValid false.
banking::Result<SignatureReport> verifyDetached(std::string_view cms, std::string_view content,
                                                const TrustStore& trust, TimePoint now);

/// Signs a file: writes a detached CAdES signature to `signature` (FILE.p7s), DER. Any
/// holder may sign documents, but only with a certificate valid at the signing time.
banking::Result<void> signFile(const SigningKey& key, const std::filesystem::path& file,
                               const std::filesystem::path& signature, const SignOptions& options = {});
/// Verifies FILE.p7s over FILE.
banking::Result<SignatureReport> verifyFile(const std::filesystem::path& signature,
                                            const std::filesystem::path& file, const TrustStore& trust,
                                            TimePoint now);

}  // namespace platnik::crypto
