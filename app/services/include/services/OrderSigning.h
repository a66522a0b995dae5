#pragma once

#include "banking/Error.h"
#include "crypto/CmsSignature.h"
#include "crypto/Interaction.h"
#include "crypto/TokenSession.h"
#include "services/Json.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace platnik::storage {
class Database;
}

namespace platnik::services {

/// What became of one order asked to be signed.
struct OrderSignOutcome {
  std::int64_t id = 0;
  bool isSigned = false;
  std::string reason;  ///< why it was not signed
};

/// The result of signing stored orders.
struct OrderSigningReport {
  std::vector<OrderSignOutcome> orders;
  std::string signer;                   ///< the certificate's subject; empty when nothing was signed
  std::optional<banking::Error> error;  ///< what stopped the batch (token removed, cancelled…)

  [[nodiscard]] bool allSigned() const;
  /// {"signed": n, "refused": n, "signer", "error": message|null,
  ///  "orders": [{"id", "signed", "reason": text|null}]}.
  [[nodiscard]] Json toJson() const;
  /// One line per order, then a summary line.
  [[nodiscard]] std::string describe() const;
};

/// Signs the orders `ids` (or, with `allReady`, every order in state ready) of `database`
/// with one login on `token`, stores each signature and moves each order ready -> signed.
/// Orders that do not exist or are not ready are refused with the reason and the rest are
/// signed. Fails (nothing signed) when the token has no certificate that may sign orders
/// (e.g. a natural person's) or the login fails (wrong PIN: the message says the tries left).
banking::Result<OrderSigningReport> signStoredOrders(storage::Database& database,
                                                     std::span<const std::int64_t> ids, bool allReady,
                                                     crypto::TokenSession& token, crypto::Interaction& ui,
                                                     crypto::TimePoint now);

/// What verification found for one stored order.
struct OrderVerifyOutcome {
  std::int64_t id = 0;
  bool valid = false;
  std::optional<crypto::SignatureReport> report;  ///< none when there was nothing to verify
  std::string problem;
};

struct OrderVerificationReport {
  std::vector<OrderVerifyOutcome> orders;

  [[nodiscard]] bool allValid() const;
  /// {"valid": bool, "orders": [{"id", "valid", "signer", "issuer", "signing_time",
  /// "signature_valid", "chain_valid", "problem": text|null}]}.
  [[nodiscard]] Json toJson() const;
  [[nodiscard]] std::string describe() const;
};

/// The setting (storage::Settings) listing trusted CA files, one path per line.
inline constexpr const char* kTrustFilesSetting = "signing.trust_files";

/// A trust store from `files` and the files named by the kTrustFilesSetting setting of
/// `database` (when given). Fails when a file cannot be read or when no CA is named at all.
banking::Result<crypto::TrustStore> loadTrust(const std::vector<std::string>& files,
                                              storage::Database* database);

/// Verifies the stored signatures of the orders `ids` over their current fields.
banking::Result<OrderVerificationReport> verifyStoredOrders(storage::Database& database,
                                                            std::span<const std::int64_t> ids,
                                                            const crypto::TrustStore& trust,
                                                            crypto::TimePoint now);

/// A signature report as JSON: {"valid", "signature_valid", "chain_valid", "signer", "issuer",
/// "signing_time", "problem": text|null}.
Json signatureJson(const crypto::SignatureReport& report);
/// The same as text lines.
std::string describeSignature(const crypto::SignatureReport& report);

}  // namespace platnik::services
