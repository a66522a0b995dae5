#pragma once

#include "banking/Error.h"
#include "crypto/Certificate.h"
#include "crypto/Interaction.h"
#include "crypto/SigningKey.h"
#include "crypto/TokenInfo.h"

#include <memory>
#include <string>
#include <vector>

namespace platnik::crypto {

class TokenRecords;
namespace detail {
struct ModuleState;
}

/// What activation did.
enum class ActivationOutcome {
  NotNeeded,      ///< activated before, and the token does not ask for a new PIN
  PinChanged,     ///< the user chose a new PIN: the token is activated
  AlreadyActive,  ///< the user said the PIN was already changed (recorded; not asked again)
};

/// Work on one token, found by label. All PINs come through Interaction, are asked once per
/// operation, are wiped after use, and are never retried after a failure.
class TokenSession {
 public:
  /// The token's state read afresh (PIN flags change after every login attempt).
  banking::Result<TokenInfo> info();
  [[nodiscard]] const std::string& label() const { return m_label; }

  /// The certificates on the token (public objects: no login needed).
  banking::Result<std::vector<Certificate>> certificates();

  /// User login. Refused without asking when the PIN is locked; uses the reader's PIN pad
  /// when the token has a protected authentication path. Does nothing when logged in.
  banking::Result<void> login(Interaction& ui);
  [[nodiscard]] bool loggedIn() const;
  banking::Result<void> logout();

  /// Changes the user PIN: asks the current PIN (purpose ChangePin, or Activation) and a
  /// new one.
  banking::Result<void> changePin(Interaction& ui, PinPurpose purpose = PinPurpose::ChangePin);
  /// Unblocks a locked (or forgotten) user PIN: asks the PUK and a new PIN, logs in as the
  /// security officer and sets the new PIN. `qualified` chooses the advice given when the
  /// PUK itself is locked (qualified certificate: unblock at the issuer; otherwise reissue).
  banking::Result<void> unblockPin(Interaction& ui, bool qualified);

  /// Whether activation should be offered: the token asks for a new PIN
  /// (CKF_USER_PIN_TO_BE_CHANGED), or `records` have never seen this token activated.
  banking::Result<bool> activationNeeded(const TokenRecords& records);
  /// Offers activation when needed (Question::ActivateToken). Yes: changePin(Activation)
  /// and record the token as activated. No: record it as already activated, unless the
  /// token itself demands the change (then activation is offered again next time).
  banking::Result<ActivationOutcome> activate(Interaction& ui, TokenRecords& records);

  /// Renewal request: generates a new RSA-2048 key pair on the token (private key sensitive,
  /// never extractable) and returns a PKCS#10 request (PEM) carrying `current`'s subject,
  /// signed with the new key on the token, for the issuer's renewal page. Needs login.
  /// The issued certificate is later written beside the new key with importCertificate.
  banking::Result<std::string> renewalRequest(const Certificate& current);

  /// Writes `certificate` onto the token beside the private key it belongs to (same CKA_ID
  /// and label), e.g. the certificate the issuer returned for a renewal request. Needs login.
  /// Fails when no key on the token matches the certificate's public key, or when it is
  /// already there. With `renewalRecords`, records that the token was renewed online and
  /// that this certificate came from that renewal.
  banking::Result<void> importCertificate(const Certificate& certificate,
                                          TokenRecords* renewalRecords = nullptr);

  /// The private key beside `certificate` (same CKA_ID), for signing. Needs login.
  /// While a SigningKey lives, token state is not re-read (libp11 would free the key).
  banking::Result<SigningKey> signingKey(const Certificate& certificate);

 private:
  friend class Pkcs11Module;
  TokenSession(std::shared_ptr<detail::ModuleState> state, std::string label)
      : m_state(std::move(state)), m_label(std::move(label)) {}

  std::shared_ptr<detail::ModuleState> m_state;
  std::string m_label;
};

}  // namespace platnik::crypto
