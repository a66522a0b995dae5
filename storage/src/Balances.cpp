#include "storage/Balances.h"

#include "Util.h"
#include "storage/Connection.h"
#include "storage/Statement.h"

namespace platnik::storage {
using banking::Result;

std::string_view toString(BalanceSource source) {
  return source == BalanceSource::Statement ? "statement" : "query";
}

namespace {

Result<BalancePoint> readPoint(const Statement& row) {
  BOOST_OUTCOME_TRY(date, banking::parseIsoDate(row.text(0)));
  BOOST_OUTCOME_TRY(amount, detail::readMoney(row.integer(1), row.text(2)));
  return BalancePoint{date, amount,
                      row.text(3) == "statement" ? BalanceSource::Statement : BalanceSource::Query};
}

}  // namespace

Result<void> Balances::record(std::int64_t accountId, banking::Date date, const banking::Money& amount,
                              BalanceSource source) {
  BOOST_OUTCOME_TRY(statement,
                    m_connection->prepare("INSERT OR REPLACE INTO balances(account_id, balance_date, source, "
                                          "amount_minor, currency, recorded_at) VALUES (?, ?, ?, ?, ?, ?)"));
  statement.bind(1, accountId)
      .bind(2, banking::toIsoString(date))
      .bind(3, toString(source))
      .bind(4, amount.minorUnits())
      .bind(5, amount.currency().code())
      .bind(6, detail::nowUtc());
  return statement.run();
}

Result<std::optional<BalancePoint>> Balances::current(std::int64_t accountId) {
  // 'statement' sorts after 'query': on the same day the booked closing balance comes first.
  BOOST_OUTCOME_TRY(
      query, m_connection->prepare("SELECT balance_date, amount_minor, currency, source FROM balances "
                                   "WHERE account_id = ? ORDER BY balance_date DESC, source DESC LIMIT 1"));
  query.bind(1, accountId);
  BOOST_OUTCOME_TRY(row, query.step());
  if (!row) {
    return std::optional<BalancePoint>();
  }
  BOOST_OUTCOME_TRY(point, readPoint(query));
  return std::optional<BalancePoint>(point);
}

Result<std::vector<BalancePoint>> Balances::history(std::int64_t accountId, std::optional<banking::Date> from,
                                                    std::optional<banking::Date> to) {
  // One row per day: the statement's balance where there is one, else the queried one.
  BOOST_OUTCOME_TRY(
      query, m_connection->prepare("SELECT balance_date, amount_minor, currency, source FROM balances b "
                                   "WHERE account_id = ?1 AND balance_date >= ?2 AND balance_date <= ?3 "
                                   "AND NOT (source = 'query' AND EXISTS (SELECT 1 FROM balances s WHERE "
                                   "s.account_id = b.account_id AND s.balance_date = b.balance_date AND "
                                   "s.source = 'statement')) ORDER BY balance_date"));
  query.bind(1, accountId)
      .bind(2, from ? banking::toIsoString(*from) : std::string("0000-00-00"))
      .bind(3, to ? banking::toIsoString(*to) : std::string("9999-99-99"));
  std::vector<BalancePoint> points;
  for (;;) {
    BOOST_OUTCOME_TRY(row, query.step());
    if (!row) {
      break;
    }
    BOOST_OUTCOME_TRY(point, readPoint(query));
    points.push_back(point);
  }
  return points;
}

}  // namespace platnik::storage
