#pragma once

#include "banking/PaymentOrder.h"

#include <string>
#include <string_view>

namespace platnik::crypto {

/// The first line of every encoding; a new encoding gets a new version line.
inline constexpr std::string_view kOrderEncodingHeader = "platnik-payment-order/1";

/// The bytes an order signature covers: every field a bank acts on, one `name=value` line
/// each, in a fixed order, as documented in docs/signing.md. Text is UTF-8 exactly as given;
/// amounts are minor units; dates ISO 8601. Two orders encode equally iff every field a
/// bank acts on is equal.
std::string canonicalOrderBytes(const banking::PaymentOrder& order);

}  // namespace platnik::crypto
