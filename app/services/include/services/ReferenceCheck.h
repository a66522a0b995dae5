#pragma once

#include "banking/Error.h"
#include "banking/Reference.h"
#include "services/Json.h"

#include <optional>
#include <string>
#include <string_view>

namespace platnik::services {

/// The answer to "is this model and reference ("poziv na broj") valid for an order?", with the
/// strict rules of banking::Reference::parse. For model 97 with wrong control digits it also
/// gives the control digits the rest of the reference needs, and the corrected reference.
struct ReferenceCheck {
  std::string model;
  std::string number;
  std::optional<banking::Reference> reference;  ///< set when valid
  std::optional<banking::Error> error;          ///< set when not valid
  std::optional<std::string> expectedControl;   ///< model 97, wrong control digits: "05"
  std::optional<std::string> corrected;         ///< …and the reference with them

  static ReferenceCheck run(std::string_view model, std::string_view number);

  [[nodiscard]] bool valid() const { return reference.has_value(); }

  /// {"valid", "model", "reference"} and, when not valid, "error", "error_code" and for
  /// model 97 with wrong control digits "expected_control" and "corrected_reference".
  [[nodiscard]] Json toJson() const;
  /// The lines a person reads when the reference is valid.
  [[nodiscard]] std::string describe() const;
  /// What is wrong (and the correction for model 97) when it is not valid.
  [[nodiscard]] std::string describeError() const;
};

}  // namespace platnik::services
