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
    "e.exchange_rate, e.charges_minor, e.charges_currency, e.return_reason, e.additional_info FROM entries "
    "e ";

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
};

Where buildWhere(const std::string* match, const EntryFilter& filter,
                 const std::optional<EntryCursor>& after) {
  Where where;
  // An entry's id is entryKey(booking date, n), and the FTS rowid is the entry's id: date
  // ranges and the cursor are key ranges, which FTS5 applies while it reads its index and
  // SQLite as a range of the table (or of the account index, whose rows end in the id).
  const char* key = match != nullptr ? "f.rowid" : "e.id";
  if (filter.from) {
    where.add(fmt::format("{} >= ?", key));
    where.values.emplace_back(detail::entryKey(*filter.from, 0));
  }
  if (filter.to) {
    where.add(fmt::format("{} < ?", key));
    where.values.emplace_back(detail::entryKeyAfter(*filter.to));
  }
  if (after) {
    where.add(fmt::format("{} < ?", key));
    where.values.emplace_back(after->id);
  }
  if (match != nullptr) {
    where.add("f.entries_fts MATCH ?");
    where.values.emplace_back(*match);
  }
  if (filter.accountId) {
    where.add("e.account_id = ?");
    where.values.emplace_back(*filter.accountId);
  }
  if (filter.statementId) {
    where.add("e.statement_id = ?");
    where.values.emplace_back(*filter.statementId);
  }
  if (filter.minAmount) {
    where.add("abs(e.amount_minor) >= ?");
    where.values.emplace_back(*filter.minAmount);
  }
  if (filter.maxAmount) {
    where.add("abs(e.amount_minor) <= ?");
    where.values.emplace_back(*filter.maxAmount);
  }
  if (filter.direction) {
    where.add(*filter.direction == Direction::Incoming ? "e.amount_minor > 0" : "e.amount_minor < 0");
  }
  return where;
}

/// FROM clause and order: a search walks the FTS index newest first (its rowid order) and
/// stops after the page; a listing walks the table, or the account index, by key.
constexpr const char* kSearchFrom = "entries_fts f JOIN entries e ON e.id = f.rowid ";
constexpr const char* kSearchOrder = " ORDER BY f.rowid DESC";
constexpr const char* kListOrder = " ORDER BY e.id DESC";

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

Result<EntryPage> Entries::query(const std::string* match, const EntryFilter& filter,
                                 const PageRequest& page) {
  if (page.limit <= 0 || page.offset < 0) {
    return fail(Errc::InvalidArgument, "a page needs a positive size and a non-negative offset");
  }
  const Where where = buildWhere(match, filter, page.after);
  std::string sql = kColumns;
  if (match != nullptr) {
    sql.replace(sql.find("entries e "), std::string_view("entries e ").size(), kSearchFrom);
  }
  sql += where.sql + (match != nullptr ? kSearchOrder : kListOrder) + " LIMIT ? OFFSET ?";
  BOOST_OUTCOME_TRY(statement, m_connection->prepare(sql));
  bindAll(statement, where);
  const int next = static_cast<int>(where.values.size()) + 1;
  // One row more than asked tells whether there is a next page.
  statement.bind(next, static_cast<std::int64_t>(page.limit) + 1).bind(next + 1, page.offset);
  EntryPage result;
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

Result<std::int64_t> Entries::countWhere(const std::string* match, const EntryFilter& filter) {
  const Where where = buildWhere(match, filter, std::nullopt);
  // A search filtered by words and dates only is counted in the index alone: every row of it
  // is one entry's (written in the same transaction), so the join would only confirm that.
  const bool indexAlone = match != nullptr && !filter.accountId && !filter.minAmount && !filter.maxAmount &&
                          !filter.direction && !filter.statementId;
  const char* from = indexAlone ? "entries_fts f " : match != nullptr ? kSearchFrom : "entries e ";
  BOOST_OUTCOME_TRY(statement,
                    m_connection->prepare(std::string("SELECT count(*) FROM ") + from + where.sql));
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
