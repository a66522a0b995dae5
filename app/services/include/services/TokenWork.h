#pragma once

#include "banking/Error.h"
#include "crypto/Certificate.h"
#include "crypto/CmsSignature.h"
#include "crypto/Interaction.h"
#include "crypto/TokenInfo.h"
#include "crypto/TokenSession.h"
#include "storage/Database.h"

#include <filesystem>
#include <string>
#include <vector>

namespace platnik::services {

/// One certificate of a token with what it means for the user now.
struct CertificateOverview {
  crypto::Certificate certificate;
  crypto::CertificateStatus status;
  crypto::RenewalAdvice renewal = crypto::RenewalAdvice::NotYet;
  bool fromOnlineRenewal = false;  ///< this certificate came from the token's online renewal
};

/// A token in its reader and its certificates: what the certificate page shows.
struct TokenOverview {
  crypto::TokenInfo token;
  std::vector<CertificateOverview> certificates;
};

/// (The tokens to choose from: services::presentTokens, OrderBook.h.)
/// The token `label` (the only one present when empty) with its certificates assessed at
/// `now`; the token records of `recordsDir` say whether it was renewed online.
banking::Result<TokenOverview> tokenOverview(const std::string& modulePath, const std::string& label,
                                             const std::filesystem::path& recordsDir, crypto::TimePoint now);

/// Changes the user PIN (asks the current PIN and a new one). When the token asks for a new
/// PIN (the issuer's initial PIN) this is the activation: the PIN is asked with
/// PinPurpose::Activation. Either way the token is recorded as activated in `recordsDir`.
banking::Result<void> changeTokenPin(const std::string& modulePath, const std::string& label,
                                     crypto::Interaction& ui, const std::filesystem::path& recordsDir);

/// Unblocks the user PIN with the PUK and sets a new PIN. The advice when the PUK itself is
/// locked depends on whether a certificate on the token is qualified.
banking::Result<void> unblockWithPuk(crypto::TokenSession& token, crypto::Interaction& ui);
banking::Result<void> unblockTokenPin(const std::string& modulePath, const std::string& label,
                                      crypto::Interaction& ui);

/// Online renewal: logs in, makes a new key pair on the token and writes the PKCS#10 request
/// (PEM) for the certificate with SHA-256 `certificateSha256` to `out`.
banking::Result<void> writeRenewalRequest(const std::string& modulePath, const std::string& label,
                                          const std::string& certificateSha256, crypto::Interaction& ui,
                                          const std::filesystem::path& out);

/// Writes the certificate the issuer returned (PEM or DER file) onto the token beside its key
/// and records the online renewal in `recordsDir`. Returns the imported certificate.
banking::Result<crypto::Certificate> importIssuedCertificate(const std::string& modulePath,
                                                             const std::string& label,
                                                             const std::filesystem::path& file,
                                                             crypto::Interaction& ui,
                                                             const std::filesystem::path& recordsDir);

/// Signs `file` with the token's document-signing certificate (documentSigningCertificate),
/// writing the detached CAdES signature (DER) to `signature`. Returns the signer.
banking::Result<crypto::Certificate> signDocument(const std::string& modulePath, const std::string& label,
                                                  crypto::Interaction& ui, const std::filesystem::path& file,
                                                  const std::filesystem::path& signature,
                                                  crypto::TimePoint now);

/// The file a detached signature FILE.p7s is over: FILE (empty when the name does not end in .p7s).
std::filesystem::path signedFileFor(const std::filesystem::path& signature);

/// Verifies `signature` over `file` against the CAs the database trusts (setting
/// kTrustFilesSetting, see loadTrust).
banking::Result<crypto::SignatureReport> verifyDocument(storage::Database& database,
                                                        const std::filesystem::path& signature,
                                                        const std::filesystem::path& file,
                                                        crypto::TimePoint now);

}  // namespace platnik::services
