#include "crypto/BatchSigner.h"

#include "crypto/OrderEncoding.h"

#include <algorithm>

namespace platnik::crypto {

using banking::Errc;
using banking::fail;

std::size_t BatchResult::signedCount() const {
  return static_cast<std::size_t>(
      std::count_if(signatures.begin(), signatures.end(), [](const auto& s) { return s.has_value(); }));
}

banking::Result<BatchResult> signOrders(TokenSession& token, const Certificate& certificate,
                                        std::span<const banking::PaymentOrder> orders, Interaction& ui,
                                        TimePoint now, const SignOptions& options) {
  const CertificateStatus status = assess(certificate, now);
  if (!status.canSignOrders) {
    return fail(Errc::Token, status.cannotSignOrders, certificate.subject);
  }
  BOOST_OUTCOME_TRYV(token.login(ui));  // one PIN entry for the whole batch
  BOOST_OUTCOME_TRY(key, token.signingKey(certificate));

  BatchResult result;
  result.signatures.resize(orders.size());
  SignOptions each = options;
  each.signingTime = options.signingTime.value_or(now);
  ui.progress(0, orders.size());
  for (std::size_t i = 0; i < orders.size(); ++i) {
    if (ui.cancelled()) {
      result.outcome = BatchOutcome::Cancelled;
      result.error = banking::Error{Errc::Cancelled, "signing cancelled"};
      return result;
    }
    auto signature = signDetached(key, canonicalOrderBytes(orders[i]), each);
    if (!signature) {
      result.outcome = BatchOutcome::Stopped;
      result.error = signature.error();
      return result;
    }
    result.signatures[i] = std::move(signature).value();
    ui.progress(i + 1, orders.size());
  }
  return result;
}

banking::Result<SignatureReport> verifyOrder(const banking::PaymentOrder& order, std::string_view cms,
                                             const TrustStore& trust, TimePoint now) {
  return verifyDetached(cms, canonicalOrderBytes(order), trust, now);
}

}  // namespace platnik::crypto
