#include "storage/StatementArchive.h"

#include "storage/Connection.h"
#include "storage/Database.h"
#include "storage/Entries.h"
#include "storage/Statement.h"

#include <algorithm>
#include <map>
#include <string>

namespace platnik::storage {
namespace {

banking::Result<std::optional<banking::Balance>> balanceOf(const Statement& row, int column,
                                                           banking::BalanceType type,
                                                           banking::Currency currency,
                                                           std::optional<banking::Date> date) {
  const auto minor = row.optionalInteger(column);
  if (!minor) {
    return std::optional<banking::Balance>{};
  }
  return std::optional<banking::Balance>{banking::Balance{type, banking::Money(*minor, currency), date}};
}

}  // namespace

banking::Result<std::vector<banking::Statement>> loadStatements(Database& database,
                                                                const StoredAccount& stored,
                                                                std::optional<banking::Date> from,
                                                                std::optional<banking::Date> to) {
  BOOST_OUTCOME_TRY(query,
                    database.connection().prepare(
                        "SELECT id, number, statement_date, message_id, currency, opening_minor, "
                        "closing_minor FROM statements WHERE account_id = ? "
                        "AND (? IS NULL OR statement_date >= ?) AND (? IS NULL OR statement_date <= ?) "
                        "ORDER BY statement_date, id"));
  const auto fromText = from ? std::optional<std::string>(banking::toIsoString(*from)) : std::nullopt;
  const auto toText = to ? std::optional<std::string>(banking::toIsoString(*to)) : std::nullopt;
  query.bind(1, stored.id).bind(2, fromText).bind(3, fromText).bind(4, toText).bind(5, toText);
  std::vector<banking::Statement> statements;
  std::map<std::int64_t, std::size_t> indexOf;
  for (;;) {
    BOOST_OUTCOME_TRY(row, query.step());
    if (!row) {
      break;
    }
    banking::Statement statement;
    auto& info = statement.info;
    info.account = stored.number;
    info.iban = stored.iban;
    info.number = query.text(1);
    BOOST_OUTCOME_TRY(date, banking::parseIsoDate(query.text(2)));
    info.date = date;
    info.messageId = query.text(3);
    BOOST_OUTCOME_TRY(currency, banking::Currency::fromCode(query.text(4)));
    info.currency = currency;
    BOOST_OUTCOME_TRY(opening, balanceOf(query, 5, banking::BalanceType::Opening, currency, date));
    BOOST_OUTCOME_TRY(closing, balanceOf(query, 6, banking::BalanceType::Closing, currency, date));
    info.opening = opening;
    info.closing = closing;
    indexOf[query.integer(0)] = statements.size();
    statements.push_back(std::move(statement));
  }
  if (statements.empty()) {
    return statements;
  }

  // The entries come newest first, page by page; those of the chosen statements are kept.
  auto entries = database.entries();
  EntryFilter filter;
  filter.accountId = stored.id;
  PageRequest page;
  page.limit = 1000;
  std::vector<std::vector<banking::Entry>> perStatement(statements.size());
  for (;;) {
    BOOST_OUTCOME_TRY(listed, entries.list(filter, page));
    for (auto& entry : listed.entries) {
      if (const auto it = indexOf.find(entry.statementId); it != indexOf.end()) {
        perStatement[it->second].push_back(std::move(entry.entry));
      }
    }
    if (!listed.next) {
      break;
    }
    page.after = listed.next;
  }
  for (std::size_t i = 0; i < statements.size(); ++i) {
    std::reverse(perStatement[i].begin(), perStatement[i].end());
    statements[i].entries = std::move(perStatement[i]);
  }
  return statements;
}

}  // namespace platnik::storage
