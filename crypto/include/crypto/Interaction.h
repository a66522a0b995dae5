#pragma once

#include "crypto/SecureString.h"
#include "crypto/TokenInfo.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace platnik::crypto {

/// Why a PIN or PUK is asked for.
enum class PinPurpose {
  Login,       ///< the user PIN, to sign or to read private objects
  ChangePin,   ///< the current user PIN, before choosing a new one
  Activation,  ///< the PIN from the issuer's envelope/e-mail, to activate a new certificate
  Unblock,     ///< the PUK (security officer PIN), to unblock a locked user PIN
};

/// What the face shows beside the PIN field.
struct PinRequest {
  std::string tokenLabel;
  PinPurpose purpose = PinPurpose::Login;
  PinState state;  ///< the user PIN's state, or the PUK's for PinPurpose::Unblock
};

/// A question the core needs answered by the user.
enum class Question {
  ActivateToken,  ///< the token was never used here or asks for a PIN change: change it now?
};

/// How the core reaches the user, with no dependency on a GUI toolkit. Each face (GUI,
/// CLI, tests) implements it. Calls come from the thread doing the work; a face that
/// must marshal them to its UI thread does so itself.
class Interaction {
 public:
  virtual ~Interaction() = default;

  /// The PIN (or PUK) for `request`, or nothing when the user cancels. The core calls it
  /// once per operation: a PIN that failed is reported, never tried again.
  virtual std::optional<SecureString> askPin(const PinRequest& request) = 0;
  /// A new PIN, entered twice and compared by the face; nothing when the user cancels.
  virtual std::optional<SecureString> askNewPin(const PinRequest& request) = 0;
  /// Yes/no; `detail` is English text the face may show under its own translated question.
  virtual bool confirm(Question question, std::string_view detail) = 0;
  /// Long work: `done` of `total` items finished.
  virtual void progress(std::size_t done, std::size_t total) = 0;
  /// True once the user asked to stop the current long operation.
  [[nodiscard]] virtual bool cancelled() const = 0;
};

}  // namespace platnik::crypto
