#pragma once

#include "banking/Date.h"
#include "banking/Error.h"
#include "banking/Statement.h"
#include "storage/Accounts.h"

#include <optional>
#include <vector>

namespace platnik::storage {

class Database;

/// The imported statements of one account whose statement date is in [from, to] (open ends
/// allowed), oldest first, each with its balances and its entries in the order they were
/// imported: what an export to another format needs.
banking::Result<std::vector<banking::Statement>> loadStatements(Database& database,
                                                                const StoredAccount& account,
                                                                std::optional<banking::Date> from,
                                                                std::optional<banking::Date> to);

}  // namespace platnik::storage
