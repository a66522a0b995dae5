#include "DatabaseAccess.h"

#include <fmt/core.h>

#include <cstdio>
#include <system_error>

namespace platnik::cli {

std::optional<storage::Database> openDatabase(RunState& state, bool create) {
  const auto path = state.database.empty() ? storage::Database::defaultPath() : state.database;
  if (create) {
    std::error_code ignored;
    std::filesystem::create_directories(path.parent_path().empty() ? "." : path.parent_path(), ignored);
  }
  auto database = create ? storage::Database::create(path) : storage::Database::open(path);
  if (!database) {
    fmt::print(stderr, "platnik-cli: {}: {}\n", path.string(), database.error().describe());
    if (!create && database.error().code == banking::Errc::NotFound) {
      fmt::print(stderr, "platnik-cli: make one with 'platnik-cli --db {} db init'\n", path.string());
    }
    state.exitCode = kExitUsage;
    return std::nullopt;
  }
  return std::move(database).value();
}

int reportError(const banking::Error& error) {
  fmt::print(stderr, "platnik-cli: {}\n", error.describe());
  const bool badOption = error.code == banking::Errc::InvalidArgument && error.where.starts_with("--");
  const bool unusable = error.code == banking::Errc::Io || error.code == banking::Errc::Database;
  return badOption || unusable ? kExitUsage : kExitInvalid;
}

}  // namespace platnik::cli
