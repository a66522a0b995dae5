#pragma once

#include "services/Json.h"

#include <string>
#include <string_view>
#include <vector>

namespace platnik::testsupport {

/// What a run of platnik-cli left behind.
struct CliRun {
  int exitCode = -1;  ///< the exit status, or 128 + signal when it was killed
  std::string out;
  std::string err;

  /// stdout parsed as JSON (fails the test when it is not JSON).
  [[nodiscard]] services::Json json() const;
};

/// Runs the built platnik-cli (fork + execv, no shell: arguments reach it exactly as given)
/// with `input` on its standard input, and captures stdout, stderr and the exit status.
CliRun runCli(const std::vector<std::string>& args, std::string_view input = {});

/// A valid domestic payment order as JSON (docs/order-json.md), for tests to vary.
services::Json exampleOrderJson();

}  // namespace platnik::testsupport
