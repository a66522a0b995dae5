#pragma once

#include "crypto/Certificate.h"
#include "crypto/Interaction.h"
#include "testsupport/TestSupport.h"

#include <cstddef>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace platnik::cryptotest {

/// What a test token's certificate is.
enum class Profile {
  LegalQualified,  ///< legal entity, qualified (QCStatements, nonRepudiation), valid 3 years
  LegalPlain,      ///< legal entity, not qualified
  NaturalPerson,   ///< natural person, qualified
  Expired,         ///< legal entity, expired yesterday
  NotYetValid,     ///< legal entity, valid from 10 days on
  Expiring30,      ///< legal entity, 30 days left
  WrongIssuer,     ///< legal entity, issued by a CA outside the trusted set
};

inline constexpr const char* kPin = "123456";
inline constexpr const char* kPuk = "12345678";
inline constexpr const char* kSoftHsmModule = "/usr/lib/softhsm/libsofthsm2.so";

/// A test PKI made at test time and SoftHSM2 tokens holding its certificates, in a private
/// temporary folder of this process (SOFTHSM2_CONF is set for the process before any
/// module is loaded). Keys are generated on the tokens (non-extractable); no private key
/// is ever committed. CA keys exist only in this process's memory.
class TestPki {
 public:
  /// Creates one token per entry: label -> profile. Tokens named in `certificateNotOnToken`
  /// get their key only; their certificate is left in certificateFile() (for import tests).
  explicit TestPki(const std::map<std::string, Profile>& tokens,
                   const std::set<std::string>& certificateNotOnToken = {});
  ~TestPki();

  [[nodiscard]] const std::filesystem::path& dir() const { return m_dir.path(); }
  /// PEM with the trusted root and its issuing CAs (not the wrong issuer's).
  [[nodiscard]] std::filesystem::path trustedCas() const { return m_dir / "trusted.pem"; }
  /// The pincard wrapper module (smart-card PIN policy over SoftHSM).
  [[nodiscard]] static std::string pincardModule();
  /// The DER certificate issued for a token's key.
  [[nodiscard]] std::filesystem::path certificateFile(const std::string& label) const {
    return m_dir / (label + ".crt.der");
  }
  /// Makes every token look pulled out of its reader (pincard module only), or put back.
  void setRemoved(bool removed) const;
  /// Gives every token a PIN pad (pincard module only) on which the user "types" `pin`;
  /// nothing removes the pad.
  void setPinPad(const std::optional<std::string>& pin) const;

  /// The legal-entity issuing CA answering a renewal request: checks the PKCS#10 signature and
  /// issues a qualified 3-year certificate for the request's subject and key (DER).
  [[nodiscard]] std::string issueFromRequest(const std::string& requestPem) const;

  /// The process-wide PKI with the standard tokens (created on first use).
  static TestPki& shared();

 private:
  struct Authorities;
  testsupport::TempDir m_dir;
  std::unique_ptr<Authorities> m_authorities;
};

/// Interaction for tests: answers from queues, records what was asked.
class ScriptedInteraction : public crypto::Interaction {
 public:
  std::deque<std::optional<std::string>> pins;     ///< answers to askPin, in order
  std::deque<std::optional<std::string>> newPins;  ///< answers to askNewPin
  bool confirmAnswer = true;
  std::optional<std::size_t> cancelAtProgress;  ///< cancelled() once progress reached this
  std::function<void(std::size_t, std::size_t)> onProgress;

  std::vector<crypto::PinRequest> pinRequests;
  std::vector<crypto::PinRequest> newPinRequests;
  std::size_t confirmations = 0;
  std::size_t lastDone = 0;

  std::optional<crypto::SecureString> askPin(const crypto::PinRequest& request) override;
  std::optional<crypto::SecureString> askNewPin(const crypto::PinRequest& request) override;
  bool confirm(crypto::Question question, std::string_view detail) override;
  void progress(std::size_t done, std::size_t total) override;
  [[nodiscard]] bool cancelled() const override;
};

}  // namespace platnik::cryptotest
