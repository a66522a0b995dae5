#pragma once

#include "banking/Error.h"

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace platnik::crypto {

/// What a certificate issued by a LocalAuthority says: whom it names and what it may do.
struct CertificateTerms {
  /// Subject attributes by OpenSSL short name ("C", "O", "CN", "organizationIdentifier", "GN",
  /// "SN", "serialNumber"), UTF-8 values, in order.
  std::vector<std::pair<std::string, std::string>> subject;
  long fromDays = -1;                       ///< valid from now + fromDays
  long toDays = 1095;                       ///< valid until now + toDays
  std::string keyUsage = "nonRepudiation";  ///< OpenSSL keyUsage list, marked critical
  /// Qualified: the ETSI QCStatements (compliance, QSCD, e-signature type) and the qualified
  /// certificate policy (0.4.0.194112.1.2), as a Serbian qualified CA issues them.
  bool qualified = true;
};

/// A certificate authority whose key lives in this process (and, when saved, in a PEM file
/// beside its certificate). For the test PKI and the demo only: it never stands for a real
/// CA, and its certificates are trusted only where its own certificate is named as trusted.
class LocalAuthority {
 public:
  /// A new self-signed root: RSA 2048, valid ten years back and forward.
  static LocalAuthority createRoot(const std::vector<std::pair<std::string, std::string>>& subject);
  /// A new CA under this one (RSA 2048, same validity).
  [[nodiscard]] LocalAuthority createSubordinate(
      const std::vector<std::pair<std::string, std::string>>& subject) const;
  /// The authority saved by save(); Errc::Io or Errc::Format when the files are missing or bad.
  static banking::Result<LocalAuthority> load(const std::filesystem::path& keyPem,
                                              const std::filesystem::path& certificatePem);

  LocalAuthority(LocalAuthority&&) noexcept;
  LocalAuthority& operator=(LocalAuthority&&) noexcept;
  ~LocalAuthority();

  /// Writes the key (unencrypted PEM, owner-readable only) and the certificate (PEM).
  [[nodiscard]] banking::Result<void> save(const std::filesystem::path& keyPem,
                                           const std::filesystem::path& certificatePem) const;
  /// The authority's own certificate, PEM.
  [[nodiscard]] std::string certificatePem() const;
  /// Issues a certificate (DER) for the public key (SubjectPublicKeyInfo DER).
  [[nodiscard]] banking::Result<std::string> issue(std::string_view publicKeyDer,
                                                   const CertificateTerms& terms) const;
  /// Issues a certificate (DER) for a PKCS#10 request (PEM) after checking its signature; the
  /// subject is the request's (terms.subject is added to it).
  [[nodiscard]] banking::Result<std::string> issueForRequest(std::string_view requestPem,
                                                             const CertificateTerms& terms) const;

 private:
  struct Parts;
  explicit LocalAuthority(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> m_parts;
};

}  // namespace platnik::crypto
