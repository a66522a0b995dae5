#pragma once

#include "banking/Error.h"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace platnik::crypto {

using TimePoint = std::chrono::sys_seconds;
/// The current time, rounded down to the second. Tests pass their own times instead.
TimePoint systemNow();
/// "2026-11-25T18:10:11Z".
std::string toIsoString(TimePoint time);

/// Whose certificate it is (see docs/signing.md, "Holder type").
enum class HolderType {
  LegalEntity,    ///< issued to a company: organizationName or organizationIdentifier in the subject
  NaturalPerson,  ///< issued to a person
};
std::string_view toString(HolderType type);  ///< "legal_entity", "natural_person"

/// Facts read from an X.509 certificate itself (no network, no trust decision).
struct Certificate {
  std::string der;      ///< the certificate as stored on the token
  std::string sha256;   ///< hex of SHA-256 over `der`: a stable identity
  std::string subject;  ///< RFC 2253 one-line form
  std::string issuer;
  std::string commonName;
  std::string organization;            ///< subject O, if any
  std::string organizationIdentifier;  ///< subject 2.5.4.97, if any ("VATRS-102193722")
  std::string serialHex;
  TimePoint notBefore;
  TimePoint notAfter;
  HolderType holder = HolderType::NaturalPerson;
  bool qcCompliance = false;          ///< QCStatements: QcCompliance (0.4.0.1862.1.1)
  bool qcSscd = false;                ///< QCStatements: key on a qualified device (0.4.0.1862.1.4)
  std::vector<std::string> qcTypes;   ///< "esign", "eseal", "web" or the OID
  std::vector<std::string> policies;  ///< certificate policy OIDs
  bool nonRepudiation = false;        ///< keyUsage contentCommitment
  bool digitalSignature = false;
  /// Qualified: QcCompliance present and the key usage allows non-repudiation.
  [[nodiscard]] bool qualified() const { return qcCompliance && nonRepudiation; }

  /// Reads a DER certificate; fails with Errc::MalformedFile when it is not one.
  static banking::Result<Certificate> fromDer(std::string_view der);
  /// Reads a PEM or DER certificate file.
  static banking::Result<Certificate> fromFile(const std::string& path);
};

/// What the certificate may do at a given time, and what the user should be told.
struct CertificateStatus {
  bool validNow = false;
  bool expired = false;
  bool notYetValid = false;
  long daysLeft = 0;              ///< whole days until notAfter (negative once expired)
  bool expiringSoon = false;      ///< valid, and 60 days or fewer left
  bool canSignOrders = false;     ///< legal entity and valid now
  std::string cannotSignOrders;   ///< why not, when canSignOrders is false
  bool canSignDocuments = false;  ///< valid now (any holder)
};
inline constexpr long kExpiryWarningDays = 60;
CertificateStatus assess(const Certificate& certificate, TimePoint now);

/// The next step for a certificate near or past its end.
enum class RenewalAdvice {
  NotYet,       ///< more than kExpiryWarningDays left: nothing to do
  RenewOnline,  ///< renew online now, with this token in the reader, before it expires
  Reissue,      ///< expired, or the token was already renewed online once: order a new one
};
std::string_view toString(RenewalAdvice advice);  ///< "not_yet", "renew_online", "reissue"
/// Online renewal is possible once per token and only before expiry (Halcom's rule).
/// `tokenRenewedOnline` comes from TokenRecords.
RenewalAdvice adviseRenewal(const CertificateStatus& status, bool tokenRenewedOnline);

}  // namespace platnik::crypto
