#pragma once

#include "banking/Error.h"

#include <cstdint>

namespace platnik::storage {

class Connection;

/// PRAGMA application_id of every Platnik database ("PLTK"): a file without it is not ours.
inline constexpr std::int32_t kApplicationId = 0x504c544b;

/// The schema version this build writes and reads (PRAGMA user_version).
int latestSchemaVersion();

/// Brings a Platnik database (or an empty one) forward to `targetVersion`, each migration in
/// its own transaction that also sets user_version. Never goes backwards.
banking::Result<void> migrate(Connection& connection, int targetVersion);

}  // namespace platnik::storage
