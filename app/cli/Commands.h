#pragma once

#include <CLI/App.hpp>

#include <filesystem>
#include <string>

namespace platnik::cli {

/// platnik-cli's exit codes (docs/cli.md). Scripts rely on them.
inline constexpr int kExitOk = 0;        ///< done; the data checked is valid
inline constexpr int kExitInvalid = 1;   ///< the data checked is not valid
inline constexpr int kExitUsage = 2;     ///< wrong arguments, or a file that cannot be read
inline constexpr int kExitInternal = 3;  ///< a bug: an unexpected exception

/// The global options, and what the command that ran leaves for main() to return.
struct RunState {
  int exitCode = kExitOk;
  /// `--db FILE`: the company database; empty means the default place
  /// ($XDG_DATA_HOME/platnik/company.platnik).
  std::filesystem::path database;
  /// `--module PATH`: a PKCS#11 module to use besides p11-kit's registered ones.
  std::string module;
};

// One command group per file. A group adds its subcommand to the top-level app and sets
// state.exitCode from its callback; groups know nothing of each other.
void registerAccount(CLI::App& app, RunState& state);
void registerReference(CLI::App& app, RunState& state);
void registerQr(CLI::App& app, RunState& state);
void registerOrder(CLI::App& app, RunState& state);
/// `order import|export`; adds to the `order` group, so it runs after registerOrder.
void registerOrderFiles(CLI::App& app, RunState& state);
void registerStatement(CLI::App& app, RunState& state);
/// `token list`, `pin change|unblock`, `cert show|renew-request|import`, `doc sign|verify`.
void registerToken(CLI::App& app, RunState& state);
void registerPin(CLI::App& app, RunState& state);
void registerCert(CLI::App& app, RunState& state);
void registerDoc(CLI::App& app, RunState& state);
/// `order sign|verify`; adds to the `order` group, so it runs after registerOrder.
void registerOrderSigning(CLI::App& app, RunState& state);
/// `db`, `bank`, `contact`, and `account add|list` (adds to the account group: after registerAccount).
void registerDatabase(CLI::App& app, RunState& state);
/// `order add|list|show` (adds to the order group: after registerOrder), `entries`, `search`, `balance`.
void registerRecords(CLI::App& app, RunState& state);
/// `demo create [DIR]`: the built-in demo company and token.
void registerDemo(CLI::App& app, RunState& state);

}  // namespace platnik::cli
