#include "storage/Entries.h"

#include "Util.h"
#include "banking/Text.h"
#include "storage/Connection.h"
#include "storage/Statement.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>
#include <memory>
#include <variant>

namespace platnik::storage {
using banking::Errc;
using banking::fail;
using banking::Result;

namespace {

constexpr const char* kColumns =
    "SELECT e.id, e.account_id, e.statement_id, e.booking_date, e.value_date, e.amount_minor, e.currency, "
    "e.counterparty_name, e.counterparty_account, e.counterparty_place, e.counterparty_bic, e.purpose, "
    "e.payment_code, e.credit_model, e.credit_reference, e.debit_model, e.debit_reference, e.end_to_end_id, "
    "e.bank_reference, e.transaction_code, e.reversal, e.original_amount_minor, e.original_currency, "
    "e.exchange_rate, e.charges_minor, e.charges_currency, e.return_reason, e.additional_info FROM ";

Result<StoredEntry> readEntry(const Statement& row) {
  BOOST_OUTCOME_TRY(date, banking::parseIsoDate(row.text(3)));
  BOOST_OUTCOME_TRY(valueDate, detail::readDate(row.optionalText(4)));
  BOOST_OUTCOME_TRY(amount, detail::readMoney(row.integer(5), row.text(6)));
  StoredEntry stored{row.integer(0), row.integer(1), row.integer(2), date, {}};
  auto& entry = stored.entry;
  entry.bookingDate = date;
  entry.valueDate = valueDate;
  entry.amount = amount;
  entry.counterparty = {row.text(7), row.text(8), row.text(9), row.text(10)};
  entry.purpose = row.text(11);
  entry.paymentCode = row.text(12);
  entry.reference = {row.text(13), row.text(14)};
  entry.debitReference = {row.text(15), row.text(16)};
  entry.endToEndId = row.text(17);
  entry.bankReference = row.text(18);
  entry.transactionCode = row.text(19);
  entry.reversal = row.integer(20) != 0;
  if (!row.isNull(21)) {
    BOOST_OUTCOME_TRY(original, detail::readMoney(row.integer(21), row.text(22)));
    entry.originalAmount = original;
  }
  entry.exchangeRate = row.text(23);
  if (!row.isNull(24)) {
    BOOST_OUTCOME_TRY(charges, detail::readMoney(row.integer(24), row.text(25)));
    entry.charges = charges;
  }
  entry.returnReason = row.text(26);
  entry.additionalInfo = row.text(27);
  return stored;
}

/// WHERE clause and its values, in order (bound, never spliced into the SQL).
struct Where {
  std::string sql;
  std::vector<std::variant<std::int64_t, std::string>> values;

  void add(std::string condition) { sql += (sql.empty() ? "WHERE " : " AND ") + std::move(condition); }
  void add(std::string condition, std::int64_t value) {
    add(std::move(condition));
    values.emplace_back(value);
  }
};

/// How a query reaches the entries, which decides where its key conditions go. An entry's id
/// is detail::entryKey(booking day, account << 20 | n), and the FTS rowid is the entry's id.
enum class Walk {
  Search,   ///< the FTS index newest first (its rowid order), joined to the entries it names
  Account,  ///< one account: its days in account_days newest first, each day one key range
  Table,    ///< the table newest first
};

constexpr const char* kSearchFrom = "entries_fts f JOIN entries e ON e.id = f.rowid ";
constexpr const char* kAccountFrom =
    "account_days d JOIN entries e ON e.id >= (d.day << 32) + (d.account_id << 20) "
    "AND e.id < (d.day << 32) + ((d.account_id + 1) << 20) ";
constexpr const char* kTableFrom = "entries e ";
static_assert(detail::kAccountShift == 20, "kAccountFrom spells the account's place in a key out");

struct Plan {
  Walk walk = Walk::Table;
  Where where;
};

/// The filter as conditions on the walk: date ranges and the cursor become key (or day)
/// ranges, which FTS5 applies while it reads its index and SQLite as ranges of the table.
Plan planQuery(const std::string* match, const EntryFilter& filter, const std::optional<EntryCursor>& after) {
  Plan plan;
  plan.walk = match != nullptr ? Walk::Search : filter.accountId ? Walk::Account : Walk::Table;
  Where& where = plan.where;
  if (plan.walk == Walk::Account) {
    where.add("d.account_id = ?", *filter.accountId);
    if (filter.from) {
      where.add("d.day >= ?", detail::dayNumber(*filter.from));
    }
    if (filter.to) {
      where.add("d.day <= ?", detail::dayNumber(*filter.to));
    }
    if (after) {
      where.add("d.day <= ?", after->id >> 32);
      where.add("e.id < ?", after->id);
    }
  } else {
    const char* key = plan.walk == Walk::Search ? "f.rowid" : "e.id";
    if (filter.from) {
      where.add(fmt::format("{} >= ?", key), detail::entryKey(*filter.from, 0));
    }
    if (filter.to) {
      where.add(fmt::format("{} < ?", key), detail::entryKeyAfter(*filter.to));
    }
    if (after) {
      where.add(fmt::format("{} < ?", key), after->id);
    }
    if (match != nullptr) {
      where.add("f.entries_fts MATCH ?");
      where.values.emplace_back(*match);
    }
    if (filter.accountId) {
      where.add("e.account_id = ?", *filter.accountId);
    }
  }
  if (filter.statementId) {
    where.add("e.statement_id = ?", *filter.statementId);
  }
  if (filter.minAmount) {
    where.add("abs(e.amount_minor) >= ?", *filter.minAmount);
  }
  if (filter.maxAmount) {
    where.add("abs(e.amount_minor) <= ?", *filter.maxAmount);
  }
  if (filter.direction) {
    where.add(*filter.direction == Direction::Incoming ? "e.amount_minor > 0" : "e.amount_minor < 0");
  }
  return plan;
}

const char* fromOf(Walk walk) {
  switch (walk) {
    case Walk::Search:
      return kSearchFrom;
    case Walk::Account:
      return kAccountFrom;
    case Walk::Table:
      break;
  }
  return kTableFrom;
}

const char* orderOf(Walk walk) {
  switch (walk) {
    case Walk::Search:
      return " ORDER BY f.rowid DESC";
    case Walk::Account:
      return " ORDER BY d.day DESC, e.id DESC";
    case Walk::Table:
      break;
  }
  return " ORDER BY e.id DESC";
}

/// True when the filter keeps whole days of one account or of all: account_days then counts
/// what it keeps.
bool countedByDay(const EntryFilter& filter) {
  return !filter.minAmount && !filter.maxAmount && !filter.direction && !filter.statementId;
}

/// The filter's account and dates as conditions on account_days.
Where daysWhere(const EntryFilter& filter) {
  Where where;
  if (filter.accountId) {
    where.add("account_id = ?", *filter.accountId);
  }
  if (filter.from) {
    where.add("day >= ?", detail::dayNumber(*filter.from));
  }
  if (filter.to) {
    where.add("day <= ?", detail::dayNumber(*filter.to));
  }
  return where;
}

void bindAll(Statement& statement, const Where& where, int first = 1) {
  int index = first;
  for (const auto& value : where.values) {
    std::visit([&](const auto& v) { statement.bind(index, v); }, value);
    ++index;
  }
}

}  // namespace

namespace {

/// The query's words as the index's own tokenizer splits them (FTS5's unicode61, as the
/// entries_fts table is declared): the index keeps no positions (detail=none), so every
/// item of a query must be one token, and only the tokenizer knows where a word like
/// "ab–cd" splits.
Result<std::vector<std::string>> searchTokens(sqlite3* db, std::string_view folded) {
  fts5_api* api = nullptr;
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &raw, nullptr) != SQLITE_OK) {
    return fail(Errc::Database, fmt::format("full-text search is not available: {}", sqlite3_errmsg(db)));
  }
  const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, sqlite3_finalize);
  sqlite3_bind_pointer(raw, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(raw);
  void* userData = nullptr;
  fts5_tokenizer tokenizer{};
  if (api == nullptr || api->xFindTokenizer(api, "unicode61", &userData, &tokenizer) != SQLITE_OK) {
    return fail(Errc::Database, "SQLite has no unicode61 tokenizer for full-text search");
  }
  const char* arguments[] = {"remove_diacritics", "2"};
  Fts5Tokenizer* instance = nullptr;
  if (tokenizer.xCreate(userData, arguments, 2, &instance) != SQLITE_OK) {
    return fail(Errc::Database, "the full-text tokenizer could not be set up");
  }
  const std::unique_ptr<Fts5Tokenizer, void (*)(Fts5Tokenizer*)> owned(instance, tokenizer.xDelete);
  std::vector<std::string> tokens;
  const auto collect = [](void* context, int, const char* token, int size, int, int) {
    static_cast<std::vector<std::string>*>(context)->emplace_back(token, static_cast<std::size_t>(size));
    return SQLITE_OK;
  };
  if (tokenizer.xTokenize(instance, &tokens, FTS5_TOKENIZE_QUERY, folded.data(),
                          static_cast<int>(folded.size()), collect) != SQLITE_OK) {
    return fail(Errc::Database, "the search text could not be split into words");
  }
  return tokens;
}

}  // namespace

Result<std::string> Entries::matchExpression(std::string_view text) {
  BOOST_OUTCOME_TRY(tokens, searchTokens(m_connection->handle(), banking::foldForSearch(text)));
  std::string expression;
  for (const std::string& token : tokens) {
    // Each token a quoted prefix ("cacak"*): no FTS5 syntax gets through.
    expression += expression.empty() ? "\"" : " \"";
    for (const char c : token) {
      expression += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    expression += "\"*";
  }
  if (expression.empty()) {
    return fail(Errc::InvalidArgument, "there is nothing to search for: type a word, a name or a reference");
  }
  return expression;
}

Result<std::optional<EntryFilter>> Entries::withStatementAccount(const EntryFilter& filter) {
  if (!filter.statementId || filter.accountId) {
    return std::optional<EntryFilter>(filter);
  }
  // A statement's lines are all of its account: walk that account's days.
  BOOST_OUTCOME_TRY(select, m_connection->prepare("SELECT account_id FROM statements WHERE id = ?"));
  select.bind(1, *filter.statementId);
  BOOST_OUTCOME_TRY(row, select.step());
  if (!row) {
    return std::optional<EntryFilter>();  // no such statement: no lines
  }
  EntryFilter resolved = filter;
  resolved.accountId = select.integer(0);
  return std::optional<EntryFilter>(resolved);
}

Result<EntryPage> Entries::query(const std::string* match, const EntryFilter& given,
                                 const PageRequest& page) {
  if (page.limit <= 0 || page.offset < 0) {
    return fail(Errc::InvalidArgument, "a page needs a positive size and a non-negative offset");
  }
  EntryPage result;
  BOOST_OUTCOME_TRY(filter,
                    match != nullptr ? std::optional<EntryFilter>(given) : withStatementAccount(given));
  if (!filter) {
    return result;
  }
  Plan plan = planQuery(match, *filter, page.after);
  std::int64_t offset = page.offset;
  if (match == nullptr && offset > 0 && !page.after && countedByDay(*filter)) {
    // Deep into a list of whole days: start the walk at the day the page begins on.
    BOOST_OUTCOME_TRY(start, dayOfRow(*filter, offset));
    if (!start) {
      return result;  // past the end
    }
    if (plan.walk == Walk::Account) {
      plan.where.add("d.day <= ?", start->day);
    } else {
      plan.where.add("e.id < ?", (start->day + 1) << 32);
    }
    offset -= start->before;
  }
  const std::string sql =
      std::string(kColumns) + fromOf(plan.walk) + plan.where.sql + orderOf(plan.walk) + " LIMIT ? OFFSET ?";
  BOOST_OUTCOME_TRY(statement, m_connection->prepare(sql));
  bindAll(statement, plan.where);
  const int next = static_cast<int>(plan.where.values.size()) + 1;
  // One row more than asked tells whether there is a next page.
  statement.bind(next, static_cast<std::int64_t>(page.limit) + 1).bind(next + 1, offset);
  for (;;) {
    BOOST_OUTCOME_TRY(row, statement.step());
    if (!row) {
      break;
    }
    if (static_cast<int>(result.entries.size()) == page.limit) {
      const auto& last = result.entries.back();
      result.next = EntryCursor{last.date, last.id};
      break;
    }
    BOOST_OUTCOME_TRY(entry, readEntry(statement));
    result.entries.push_back(std::move(entry));
  }
  return result;
}

Result<std::optional<Entries::DayStart>> Entries::dayOfRow(const EntryFilter& filter, std::int64_t row) {
  const Where where = daysWhere(filter);
  BOOST_OUTCOME_TRY(days, m_connection->prepare("SELECT day, sum(entries) FROM account_days " + where.sql +
                                                " GROUP BY day ORDER BY day DESC"));
  bindAll(days, where);
  std::int64_t before = 0;
  for (;;) {
    BOOST_OUTCOME_TRY(found, days.step());
    if (!found) {
      return std::optional<DayStart>();
    }
    const std::int64_t entries = days.integer(1);
    if (before + entries > row) {
      return std::optional<DayStart>(DayStart{days.integer(0), before});
    }
    before += entries;
  }
}

Result<std::int64_t> Entries::countWhere(const std::string* match, const EntryFilter& given) {
  BOOST_OUTCOME_TRY(filter,
                    match != nullptr ? std::optional<EntryFilter>(given) : withStatementAccount(given));
  if (!filter) {
    return 0;
  }
  std::string sql;
  Where where;
  if (match == nullptr && countedByDay(*filter)) {
    // Counted in account_days alone: the import keeps each account's count per day there.
    where = daysWhere(*filter);
    sql = "SELECT coalesce(sum(entries), 0) FROM account_days " + where.sql;
  } else {
    const Plan plan = planQuery(match, *filter, std::nullopt);
    // A search filtered by words and dates only is counted in the index alone: every row of it
    // is one entry's (written in the same transaction), so the join would only confirm that.
    const bool indexAlone = match != nullptr && countedByDay(*filter) && !filter->accountId;
    sql = std::string("SELECT count(*) FROM ") + (indexAlone ? "entries_fts f " : fromOf(plan.walk)) +
          plan.where.sql;
    where = plan.where;
  }
  BOOST_OUTCOME_TRY(statement, m_connection->prepare(sql));
  bindAll(statement, where);
  BOOST_OUTCOME_TRY(row, statement.step());
  return row ? statement.integer(0) : 0;
}

Result<EntryPage> Entries::list(const EntryFilter& filter, const PageRequest& page) {
  return query(nullptr, filter, page);
}

Result<std::int64_t> Entries::count(const EntryFilter& filter) {
  return countWhere(nullptr, filter);
}

Result<EntryPage> Entries::search(std::string_view text, const EntryFilter& filter, const PageRequest& page) {
  BOOST_OUTCOME_TRY(match, matchExpression(text));
  return query(&match, filter, page);
}

Result<std::int64_t> Entries::countMatches(std::string_view text, const EntryFilter& filter) {
  BOOST_OUTCOME_TRY(match, matchExpression(text));
  return countWhere(&match, filter);
}

}  // namespace platnik::storage
