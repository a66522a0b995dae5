#pragma once

#include "Commands.h"
#include "storage/Database.h"

#include <optional>

namespace platnik::cli {

/// The database named by `--db` (or the default one), opened for the command; on failure
/// the reason is printed on stderr, state.exitCode is set to kExitUsage and nothing is
/// returned. `create` makes the file (and its folder) when it does not exist yet.
std::optional<storage::Database> openDatabase(RunState& state, bool create = false);

/// Prints an error of a database command on stderr ("platnik-cli: where: message") and
/// returns its exit code: kExitUsage for a malformed option value (InvalidArgument whose
/// where names an option, "--from")
/// and for a file or database that cannot be used (Io, Database), kExitInvalid for data
/// that is refused (an invalid account, a duplicate, something not found).
int reportError(const banking::Error& error);

}  // namespace platnik::cli
