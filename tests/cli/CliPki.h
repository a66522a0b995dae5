#pragma once

#include "TestPki.h"

#include <string>
#include <vector>

namespace platnik::clitest {

/// The test PKI of this test process: SoftHSM tokens made at test time in a private
/// temporary folder. Its SOFTHSM2_CONF (and an XDG_DATA_HOME in that folder, for the token
/// records) are set in this process's environment, which the platnik-cli children inherit.
/// Tokens: "FIRMA" (legal entity, qualified), "OSOBA" (natural person), "PINCHG" (legal
/// entity, for the PIN change test), "WRONGPIN" (legal entity, for the wrong-PIN test),
/// "UNBLOCK" and "RENEW" (for the unblock and the renewal tests).
cryptotest::TestPki& cliPki();

/// `args` prefixed with `--module <SoftHSM>`.
std::vector<std::string> withModule(std::vector<std::string> args);

}  // namespace platnik::clitest
