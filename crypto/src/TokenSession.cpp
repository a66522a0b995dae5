#include "crypto/TokenSession.h"

#include "Errors.h"
#include "ModuleState.h"
#include "SigningKeyImpl.h"
#include "crypto/TokenRecords.h"

#include <fmt/format.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <algorithm>
#include <p11-kit/pkcs11.h>

namespace platnik::crypto {

using banking::Errc;
using banking::fail;

namespace {

std::string where(const std::string& label) {
  return fmt::format("token \"{}\"", label);
}

/// Adds what the token now says about the PIN's tries to a failed PIN entry's message.
void explainTries(banking::Error& error, const PinState& state, bool puk) {
  const std::string_view pin = puk ? "PUK" : "PIN";
  if (state.locked) {
    error.message += puk ? fmt::format("; the {} is now locked", pin)
                         : fmt::format("; the {} is now locked: unblock it with the PUK", pin);
  } else if (state.finalTry) {
    error.message += fmt::format("; one try left before the {} locks", pin);
  } else if (state.countLow) {
    error.message += fmt::format("; fewer {} tries are left", pin);
  }
}

std::string pukLockedAdvice(bool qualified) {
  return qualified ? "the PUK is locked: the token can no longer be unblocked here; take it to the issuer's "
                     "registration office to have it unblocked"
                   : "the PUK is locked: the token cannot be unblocked; the certificate must be reissued";
}

}  // namespace

banking::Result<TokenInfo> TokenSession::info() {
  if (const CK_RV rv = m_state->refresh(); rv != CKR_OK) {
    return detail::ckrError(rv, "cannot read the token", where(m_label));
  }
  PKCS11_SLOT* slot = m_state->find(m_label);
  if (slot == nullptr) {
    return fail(Errc::Token, "the token is no longer in the reader", where(m_label));
  }
  return *m_state->infoOf(slot);
}

banking::Result<std::vector<Certificate>> TokenSession::certificates() {
  BOOST_OUTCOME_TRYV(info());
  PKCS11_SLOT* slot = m_state->find(m_label);
  PKCS11_CERT* certs = nullptr;
  unsigned int count = 0;
  if (PKCS11_enumerate_certs(slot->token, &certs, &count) != 0) {
    return detail::tokenError("cannot read the certificates", m_label);
  }
  std::vector<Certificate> out;
  for (unsigned int i = 0; i < count; ++i) {
    if (certs[i].x509 == nullptr) {
      continue;
    }
    unsigned char* der = nullptr;
    const int n = i2d_X509(certs[i].x509, &der);
    if (n <= 0) {
      continue;
    }
    const std::string bytes(reinterpret_cast<char*>(der), static_cast<std::size_t>(n));
    OPENSSL_free(der);
    BOOST_OUTCOME_TRY(certificate, Certificate::fromDer(bytes));
    // libp11's object cache can hold a certificate twice after one is written; list it once.
    const bool seen = std::any_of(out.begin(), out.end(),
                                  [&](const Certificate& c) { return c.sha256 == certificate.sha256; });
    if (!seen) {
      out.push_back(std::move(certificate));
    }
  }
  return out;
}

bool TokenSession::loggedIn() const {
  PKCS11_SLOT* slot = m_state->find(m_label);
  int result = 0;
  return slot != nullptr && PKCS11_is_logged_in(slot, 0, &result) == 0 && result != 0;
}

banking::Result<void> TokenSession::login(Interaction& ui) {
  BOOST_OUTCOME_TRY(state, info());
  if (loggedIn()) {
    return boost::outcome_v2::success();
  }
  if (state.userPin.locked) {
    return fail(Errc::Token, "the PIN is locked after too many wrong entries; unblock it with the PUK",
                where(m_label));
  }
  PKCS11_SLOT* slot = m_state->find(m_label);
  // Read-write sessions from the start: writing a certificate (import) needs one, and
  // switching libp11's session pool to read-write later would log the user out.
  if (PKCS11_open_session(slot, 1) != 0) {
    return detail::tokenError("cannot open a session", m_label);
  }
  int rc = 0;
  if (state.protectedAuthenticationPath) {
    rc = PKCS11_login(slot, 0, nullptr);  // the reader's PIN pad asks
  } else {
    std::optional<SecureString> pin = ui.askPin(PinRequest{m_label, PinPurpose::Login, state.userPin});
    if (!pin) {
      return fail(Errc::Cancelled, "login cancelled", where(m_label));
    }
    rc = PKCS11_login(slot, 0, pin->c_str());
  }
  if (rc != 0) {
    banking::Error error = detail::tokenError("login failed", m_label);
    if (auto after = info()) {
      explainTries(error, after.value().userPin, false);
    }
    return error;
  }
  return boost::outcome_v2::success();
}

banking::Result<void> TokenSession::logout() {
  PKCS11_SLOT* slot = m_state->find(m_label);
  if (slot != nullptr && loggedIn() && PKCS11_logout(slot) != 0) {
    return detail::tokenError("logout failed", m_label);
  }
  return boost::outcome_v2::success();
}

banking::Result<void> TokenSession::changePin(Interaction& ui, PinPurpose purpose) {
  BOOST_OUTCOME_TRY(state, info());
  if (state.userPin.locked) {
    return fail(Errc::Token, "the PIN is locked; unblock it with the PUK first", where(m_label));
  }
  std::optional<SecureString> oldPin = ui.askPin(PinRequest{m_label, purpose, state.userPin});
  if (!oldPin) {
    return fail(Errc::Cancelled, "PIN change cancelled", where(m_label));
  }
  std::optional<SecureString> newPin = ui.askNewPin(PinRequest{m_label, purpose, state.userPin});
  if (!newPin) {
    return fail(Errc::Cancelled, "PIN change cancelled", where(m_label));
  }
  PKCS11_SLOT* slot = m_state->find(m_label);
  if (PKCS11_open_session(slot, 1) != 0) {
    return detail::tokenError("cannot open a read-write session", m_label);
  }
  if (PKCS11_change_pin(slot, oldPin->c_str(), newPin->c_str()) != 0) {
    banking::Error error = detail::tokenError("the PIN was not changed", m_label);
    if (auto after = info()) {
      explainTries(error, after.value().userPin, false);
    }
    return error;
  }
  return boost::outcome_v2::success();
}

banking::Result<void> TokenSession::unblockPin(Interaction& ui, bool qualified) {
  BOOST_OUTCOME_TRY(state, info());
  if (state.soPin.locked) {
    return fail(Errc::Token, pukLockedAdvice(qualified), where(m_label));
  }
  // Both secrets are asked before the token is touched, so that the PUK is used once.
  std::optional<SecureString> puk = ui.askPin(PinRequest{m_label, PinPurpose::Unblock, state.soPin});
  if (!puk) {
    return fail(Errc::Cancelled, "unblocking cancelled", where(m_label));
  }
  std::optional<SecureString> newPin = ui.askNewPin(PinRequest{m_label, PinPurpose::Unblock, state.userPin});
  if (!newPin) {
    return fail(Errc::Cancelled, "unblocking cancelled", where(m_label));
  }
  BOOST_OUTCOME_TRYV(logout());
  PKCS11_SLOT* slot = m_state->find(m_label);
  if (PKCS11_open_session(slot, 1) != 0) {
    return detail::tokenError("cannot open a read-write session", m_label);
  }
  if (PKCS11_login(slot, 1, puk->c_str()) != 0) {
    banking::Error error = detail::tokenError("the PUK was not accepted", m_label);
    if (auto after = info()) {
      explainTries(error, after.value().soPin, true);
      if (after.value().soPin.locked) {
        error.message += "; " + pukLockedAdvice(qualified);
      }
    }
    return error;
  }
  slot = m_state->find(m_label);
  const int rc = PKCS11_init_pin(slot->token, newPin->c_str());
  banking::Result<void> result = boost::outcome_v2::success();
  if (rc != 0) {
    result = detail::tokenError("the new PIN was not set", m_label);
  }
  PKCS11_logout(slot);
  return result;
}

banking::Result<bool> TokenSession::activationNeeded(const TokenRecords& records) {
  BOOST_OUTCOME_TRY(state, info());
  return state.userPin.toBeChanged || !records.isActivated(state.serial);
}

banking::Result<ActivationOutcome> TokenSession::activate(Interaction& ui, TokenRecords& records) {
  BOOST_OUTCOME_TRY(state, info());
  if (!state.userPin.toBeChanged && records.isActivated(state.serial)) {
    return ActivationOutcome::NotNeeded;
  }
  const std::string detail =
      state.userPin.toBeChanged
          ? "The token asks for a new PIN before its certificate can be used."
          : "This token has not been used here before. A new certificate is activated by replacing the "
            "PIN you received from the issuer with your own.";
  if (ui.confirm(Question::ActivateToken, detail)) {
    BOOST_OUTCOME_TRYV(changePin(ui, PinPurpose::Activation));
    BOOST_OUTCOME_TRYV(records.markActivated(state.serial));
    return ActivationOutcome::PinChanged;
  }
  if (state.userPin.toBeChanged) {
    return fail(Errc::Cancelled, "the token cannot be used until its PIN is changed", where(m_label));
  }
  BOOST_OUTCOME_TRYV(records.markActivated(state.serial));
  return ActivationOutcome::AlreadyActive;
}

banking::Result<void> TokenSession::importCertificate(const Certificate& certificate,
                                                      TokenRecords* renewalRecords) {
  BOOST_OUTCOME_TRY(state, info());
  if (!loggedIn()) {
    return fail(Errc::Token, "log in to the token before importing a certificate", where(m_label));
  }
  BOOST_OUTCOME_TRY(existing, certificates());
  for (const Certificate& c : existing) {
    if (c.sha256 == certificate.sha256) {
      return fail(Errc::InvalidState, "the certificate is already on the token", where(m_label));
    }
  }
  const auto* p = reinterpret_cast<const unsigned char*>(certificate.der.data());
  detail::X509Ptr x509{d2i_X509(nullptr, &p, static_cast<long>(certificate.der.size()))};
  if (!x509) {
    return detail::openSslError(Errc::MalformedFile, "not a certificate", certificate.subject);
  }
  PKCS11_SLOT* slot = m_state->find(m_label);
  PKCS11_KEY* keys = nullptr;
  unsigned int count = 0;
  if (PKCS11_enumerate_keys(slot->token, &keys, &count) != 0) {
    return detail::tokenError("cannot list the keys", m_label);
  }
  EVP_PKEY* certificateKey = X509_get0_pubkey(x509.get());
  for (unsigned int i = 0; i < count; ++i) {
    detail::EvpPkeyPtr key{PKCS11_get_private_key(&keys[i])};
    if (!key || EVP_PKEY_eq(key.get(), certificateKey) != 1) {
      continue;
    }
    std::string label = keys[i].label != nullptr ? keys[i].label : certificate.commonName;
    if (PKCS11_store_certificate(slot->token, x509.get(), label.data(), keys[i].id, keys[i].id_len,
                                 nullptr) != 0) {
      return detail::tokenError("the certificate was not written to the token", m_label);
    }
    if (renewalRecords != nullptr) {
      BOOST_OUTCOME_TRYV(renewalRecords->markRenewed(state.serial, certificate.sha256));
    }
    return boost::outcome_v2::success();
  }
  ERR_clear_error();
  return fail(Errc::NotFound, "no key on the token belongs to this certificate", where(m_label));
}

banking::Result<SigningKey> TokenSession::signingKey(const Certificate& certificate) {
  if (!loggedIn()) {
    return fail(Errc::Token, "log in to the token before signing", where(m_label));
  }
  PKCS11_SLOT* slot = m_state->find(m_label);
  if (slot == nullptr) {
    return fail(Errc::Token, "the token is no longer in the reader", where(m_label));
  }
  PKCS11_CERT* certs = nullptr;
  unsigned int count = 0;
  if (PKCS11_enumerate_certs(slot->token, &certs, &count) != 0) {
    return detail::tokenError("cannot read the certificates", m_label);
  }
  for (unsigned int i = 0; i < count; ++i) {
    if (certs[i].x509 == nullptr) {
      continue;
    }
    unsigned char* der = nullptr;
    const int n = i2d_X509(certs[i].x509, &der);
    const bool same = n > 0 && std::string_view(reinterpret_cast<char*>(der), static_cast<std::size_t>(n)) ==
                                   certificate.der;
    OPENSSL_free(der);
    if (!same) {
      continue;
    }
    PKCS11_KEY* key = PKCS11_find_key(&certs[i]);
    if (key == nullptr) {
      return fail(Errc::Token, "the token has no private key for this certificate", where(m_label));
    }
    auto impl = std::make_shared<SigningKey::Impl>();
    impl->key.reset(PKCS11_get_private_key(key));
    if (!impl->key) {
      return detail::tokenError("cannot use the private key", m_label);
    }
    impl->x509.reset(X509_dup(certs[i].x509));
    impl->certificate = certificate;
    impl->module = m_state;
    ++m_state->keysInUse;
    return SigningKey{std::move(impl)};
  }
  return fail(Errc::NotFound, "the certificate is not on this token", where(m_label));
}

}  // namespace platnik::crypto
