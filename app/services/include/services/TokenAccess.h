#pragma once

#include "banking/Error.h"
#include "crypto/Certificate.h"
#include "crypto/Pkcs11Module.h"
#include "crypto/TokenInfo.h"
#include "crypto/TokenSession.h"
#include "services/Json.h"

#include <filesystem>
#include <string>
#include <vector>

namespace platnik::services {

/// A token opened for a command: the module stays loaded while the session lives.
struct OpenedToken {
  crypto::Pkcs11Module module;
  crypto::TokenSession session;
};

/// The PKCS#11 modules to look in: `modulePath` when given, otherwise every module p11-kit
/// has registered. Fails when none can be loaded.
banking::Result<std::vector<crypto::Pkcs11Module>> loadModules(const std::string& modulePath);

/// Every slot of every module in `modules`.
banking::Result<std::vector<crypto::TokenInfo>> listTokens(std::vector<crypto::Pkcs11Module>& modules);

/// Opens the token labelled `label`, or, when `label` is empty, the only token present.
/// Fails naming the labels present when there is none or more than one to choose from.
banking::Result<OpenedToken> openToken(const std::string& modulePath, const std::string& label);

/// {"tokens": [{slot, slot_manufacturer, present, label, serial, manufacturer, model,
/// pin_pad, pin_state, puk_state, pin_tries_left}]}.
Json tokensJson(const std::vector<crypto::TokenInfo>& tokens);
/// One paragraph per slot.
std::string describeTokens(const std::vector<crypto::TokenInfo>& tokens);

/// The certificates of the token as `platnik-cli cert show --json` prints them
/// (crypto::certificatesJson, with the token records of `recordsDir`).
banking::Result<Json> certificatesReport(crypto::TokenSession& token, const std::filesystem::path& recordsDir,
                                         crypto::TimePoint now);
/// The same facts as text, one paragraph per certificate.
std::string describeCertificates(const Json& report);

/// The certificate to sign payment orders with: the first one on the token that can sign
/// orders at `now`; otherwise fails with the reason the first certificate cannot.
banking::Result<crypto::Certificate> orderSigningCertificate(crypto::TokenSession& token,
                                                             crypto::TimePoint now);
/// The certificate to sign documents with: the first one valid at `now` (any holder).
banking::Result<crypto::Certificate> documentSigningCertificate(crypto::TokenSession& token,
                                                                crypto::TimePoint now);

/// Where Platnik keeps its token records (crypto::TokenRecords): the folder of the default
/// database ($XDG_DATA_HOME/platnik).
std::filesystem::path tokenRecordsDir();

}  // namespace platnik::services
