#pragma once

#include "banking/Error.h"

#include <filesystem>
#include <string>

namespace platnik::crypto {

/// SoftHSM2 tokens kept in a folder of their own (the test PKI and the demo token): the folder
/// holds softhsm2.conf and the token store (tokens/). Never for real keys.
///
/// Makes `folder`/softhsm2.conf (token store `folder`/tokens) when it is not there yet and
/// points this process's SOFTHSM2_CONF at it. Call before SoftHSM is loaded: the module reads
/// the variable once, when it is initialised.
banking::Result<std::filesystem::path> useSoftHsmFolder(const std::filesystem::path& folder);

/// The SoftHSM2 PKCS#11 module of this system (the distribution's usual places); empty when
/// SoftHSM2 is not installed.
std::string softHsmModulePath();

/// Initialises a free slot of the SoftHSM folder in use as a token labelled `label`, with the
/// user PIN `pin` and the security officer PIN (PUK) `soPin`, generates an RSA 2048 key pair
/// on it (id 01, label "signkey", not extractable) and returns the public key
/// (SubjectPublicKeyInfo, DER). Uses softhsm2-util and OpenSC's pkcs11-tool; a missing tool or
/// a failing step is Errc::Token with the tool's message.
banking::Result<std::string> createSoftHsmToken(const std::string& label, const std::string& pin,
                                                const std::string& soPin);

/// Stores a certificate (DER file) on the token `label` beside its key (id 01, label "signkey").
banking::Result<void> storeCertificateOnToken(const std::string& label, const std::string& pin,
                                              const std::filesystem::path& certificateDer);

}  // namespace platnik::crypto
