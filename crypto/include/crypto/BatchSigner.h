#pragma once

#include "banking/Error.h"
#include "banking/PaymentOrder.h"
#include "crypto/CmsSignature.h"
#include "crypto/Interaction.h"
#include "crypto/TokenSession.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace platnik::crypto {

/// How a batch ended.
enum class BatchOutcome {
  Complete,   ///< every order is signed
  Cancelled,  ///< the user stopped it; the orders before the stop are signed
  Stopped,    ///< the token failed (removed, locked…); `error` says why
};

struct BatchResult {
  /// One entry per order, in order: the CMS signature, or nothing when not signed.
  std::vector<std::optional<std::string>> signatures;
  BatchOutcome outcome = BatchOutcome::Complete;
  std::optional<banking::Error> error;

  [[nodiscard]] std::size_t signedCount() const;
};

/// Signs many orders with one login (one PIN entry) and the key beside `certificate`.
/// Refuses before asking for a PIN when the certificate cannot sign orders at `now`
/// (natural person, expired, not yet valid). Reports progress after each order and stops
/// between orders when the user cancels. A token failure mid-batch stops cleanly: orders
/// signed so far keep their signatures.
banking::Result<BatchResult> signOrders(TokenSession& token, const Certificate& certificate,
                                        std::span<const banking::PaymentOrder> orders, Interaction& ui,
                                        TimePoint now, const SignOptions& options = {});

/// Verifies an order's signature over its canonical encoding.
banking::Result<SignatureReport> verifyOrder(const banking::PaymentOrder& order, std::string_view cms,
                                             const TrustStore& trust, TimePoint now);

}  // namespace platnik::crypto
