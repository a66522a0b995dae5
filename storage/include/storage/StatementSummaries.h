#pragma once

#include "banking/Date.h"
#include "banking/Error.h"
#include "banking/Money.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace platnik::storage {

class Database;

/// One imported statement without its entries: what a list of statements shows.
struct StatementSummary {
  std::int64_t id = 0;
  std::int64_t accountId = 0;
  std::string number;
  banking::Date date;
  banking::Currency currency = banking::Currency::rsd();  ///< the statement's
  std::optional<banking::Money> opening;                  ///< none when the file gave no opening balance
  std::optional<banking::Money> closing;
  std::int64_t entryCount = 0;
};

/// The imported statements of one account (or of all accounts), newest first, at most
/// `limit` of them: one index walk, the entries are not read.
banking::Result<std::vector<StatementSummary>> listStatementSummaries(Database& database,
                                                                      std::optional<std::int64_t> accountId,
                                                                      int limit);

}  // namespace platnik::storage
