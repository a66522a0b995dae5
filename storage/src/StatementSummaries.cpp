#include "storage/StatementSummaries.h"

#include "banking/Currency.h"
#include "storage/Connection.h"
#include "storage/Database.h"
#include "storage/Statement.h"

namespace platnik::storage {

banking::Result<std::vector<StatementSummary>> listStatementSummaries(Database& database,
                                                                      std::optional<std::int64_t> accountId,
                                                                      int limit) {
  if (limit <= 0) {
    return banking::fail(banking::Errc::InvalidArgument, "a list of statements needs a positive size");
  }
  BOOST_OUTCOME_TRY(query,
                    database.connection().prepare(
                        "SELECT id, account_id, number, statement_date, currency, opening_minor, "
                        "closing_minor, entry_count FROM statements WHERE (? IS NULL OR account_id = ?) "
                        "ORDER BY statement_date DESC, id DESC LIMIT ?"));
  query.bind(1, accountId).bind(2, accountId).bind(3, limit);
  std::vector<StatementSummary> summaries;
  for (;;) {
    BOOST_OUTCOME_TRY(row, query.step());
    if (!row) {
      break;
    }
    StatementSummary summary;
    summary.id = query.integer(0);
    summary.accountId = query.integer(1);
    summary.number = query.text(2);
    BOOST_OUTCOME_TRY(date, banking::parseIsoDate(query.text(3)));
    summary.date = date;
    BOOST_OUTCOME_TRY(currency, banking::Currency::fromCode(query.text(4)));
    summary.currency = currency;
    if (const auto opening = query.optionalInteger(5)) {
      summary.opening = banking::Money(*opening, currency);
    }
    if (const auto closing = query.optionalInteger(6)) {
      summary.closing = banking::Money(*closing, currency);
    }
    summary.entryCount = query.integer(7);
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

}  // namespace platnik::storage
