#pragma once

#include "banking/Error.h"

#include <string>
#include <string_view>

namespace platnik::banking {

/// "Model i poziv na broj": a two-digit model and a reference of up to 23 characters.
/// Model 97 is checked (its first two characters are ISO 7064 mod-97 control digits over the
/// rest, letters A=10…Z=35, spaces and dashes ignored); other models are carried as given.
struct Reference {
  std::string model;
  std::string number;

  static constexpr std::size_t kMaxNumberLength = 23;

  /// Strict check for references the user types into an order: model is empty or two
  /// digits, number at most 23 characters of digits, letters, spaces and dashes, and for
  /// model 97 the control digits match. An empty model with an empty number is valid.
  /// A number with an empty model is valid and carried as given (the payer's own reference,
  /// which the NBS form allows without a model); a model with no number is not. Errors carry
  /// Error::where = "model" or "number". Both parts are kept exactly as typed.
  static Result<Reference> parse(std::string_view model, std::string_view number);
  /// The control digits ("02".."98") that a model-97 reference body needs; the body is
  /// the part after the control digits. Fails on characters other than digits, letters,
  /// spaces and dashes, or an empty body.
  static Result<std::string> model97ControlFor(std::string_view body);

  [[nodiscard]] bool empty() const { return model.empty() && number.empty(); }
  friend bool operator==(const Reference&, const Reference&) = default;
};

}  // namespace platnik::banking
