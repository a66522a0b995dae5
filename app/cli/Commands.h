#pragma once

#include <CLI/App.hpp>

namespace platnik::cli {

/// platnik-cli's exit codes (docs/cli.md). Scripts rely on them.
inline constexpr int kExitOk = 0;        ///< done; the data checked is valid
inline constexpr int kExitInvalid = 1;   ///< the data checked is not valid
inline constexpr int kExitUsage = 2;     ///< wrong arguments, or a file that cannot be read
inline constexpr int kExitInternal = 3;  ///< a bug: an unexpected exception

/// What the command that ran leaves for main() to return.
struct RunState {
  int exitCode = kExitOk;
};

// One command group per file. A group adds its subcommand to the top-level app and sets
// state.exitCode from its callback; groups know nothing of each other.
void registerAccount(CLI::App& app, RunState& state);
void registerReference(CLI::App& app, RunState& state);
void registerQr(CLI::App& app, RunState& state);
void registerOrder(CLI::App& app, RunState& state);

}  // namespace platnik::cli
