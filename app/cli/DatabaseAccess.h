#pragma once

#include "Commands.h"
#include "storage/Database.h"

#include <optional>

namespace platnik::cli {

/// The database named by `--db` (or the default one), opened for the command; on failure
/// the reason is printed on stderr, state.exitCode is set to kExitUsage and nothing is
/// returned. `create` makes the file (and its folder) when it does not exist yet.
std::optional<storage::Database> openDatabase(RunState& state, bool create = false);

}  // namespace platnik::cli
