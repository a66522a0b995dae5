#pragma once

#include "banking/Error.h"
#include "banking/IpsQr.h"
#include "services/Json.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace platnik::services {

/// One tag of an IPS QR payload, with the readable name the JSON output uses.
struct QrTag {
  std::string_view tag;   ///< "SF"
  std::string_view name;  ///< "payment_code"
  std::string value;      ///< as written in the payload ("RSD1234,56" for I)
};

/// The readable name of an IPS QR tag ("R" → "payee_account"); empty for an unknown tag.
std::string_view qrTagName(std::string_view tag);

/// The answer to "what does this NBS IPS QR string say, and is it valid?", for both faces.
struct QrCheck {
  std::string input;
  std::optional<banking::IpsQr> qr;  ///< set when valid
  std::string payload;               ///< the canonical payload (made again from the parsed tags)
  std::optional<banking::Error> error;

  static QrCheck run(std::string_view text);

  [[nodiscard]] bool valid() const { return qr.has_value(); }
  /// Every tag present, in payload order.
  [[nodiscard]] std::vector<QrTag> tags() const;

  /// {"valid", "payload", "tags": {tag: value}, "fields": {name: value}} when valid (the
  /// amount in fields as "amount": "1234.56" and "currency": "RSD"); otherwise {"valid",
  /// "payload", "error", "error_code", "tag"}.
  [[nodiscard]] Json toJson() const;
  /// One line per tag: tag, readable name, value.
  [[nodiscard]] std::string describe() const;
  /// What is wrong and in which tag.
  [[nodiscard]] std::string describeError() const;
};

}  // namespace platnik::services
