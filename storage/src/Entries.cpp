#include "storage/Entries.h"

#include "Util.h"
#include "banking/Text.h"
#include "storage/Connection.h"
#include "storage/Statement.h"

#include <fmt/format.h>

#include <cctype>
#include <chrono>
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
  if (match != nullptr) {
    // The FTS rowid is searchKey(date, id): date ranges and the cursor become rowid ranges
    // that FTS5 applies while it reads the index.
    where.add("f.entries_fts MATCH ?");
    where.values.emplace_back(*match);
    if (filter.from) {
      where.add("f.rowid >= ?");
      where.values.emplace_back(detail::searchKey(*filter.from, 0));
    }
    if (filter.to) {
      where.add("f.rowid < ?");
      where.values.emplace_back(
          detail::searchKey(banking::Date{std::chrono::sys_days{*filter.to} + std::chrono::days{1}}, 0));
    }
    if (after) {
      where.add("f.rowid < ?");
      where.values.emplace_back(detail::searchKey(after->date, after->id));
    }
  } else {
    if (filter.from) {
      where.add("e.booking_date >= ?");
      where.values.emplace_back(banking::toIsoString(*filter.from));
    }
    if (filter.to) {
      where.add("e.booking_date <= ?");
      where.values.emplace_back(banking::toIsoString(*filter.to));
    }
    if (after) {
      where.add("(e.booking_date, e.id) < (?, ?)");
      where.values.emplace_back(banking::toIsoString(after->date));
      where.values.emplace_back(after->id);
    }
  }
  if (filter.accountId) {
    where.add("e.account_id = ?");
    where.values.emplace_back(*filter.accountId);
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
/// stops after the page; a listing walks the (account,) date index.
constexpr const char* kSearchFrom = "entries_fts f JOIN entries e ON e.id = (f.rowid & 4294967295) ";
constexpr const char* kSearchOrder = " ORDER BY f.rowid DESC";
constexpr const char* kListOrder = " ORDER BY e.booking_date DESC, e.id DESC";

void bindAll(Statement& statement, const Where& where, int first = 1) {
  int index = first;
  for (const auto& value : where.values) {
    std::visit([&](const auto& v) { statement.bind(index, v); }, value);
    ++index;
  }
}

}  // namespace

Result<std::string> Entries::matchExpression(std::string_view text) {
  const std::string folded = banking::foldForSearch(text);
  std::string expression;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) {
      expression += (expression.empty() ? "\"" : " \"") + word + "\"*";
      word.clear();
    }
  };
  for (const char c : folded) {
    // Folded text is Latin; anything that is not a letter or digit separates words
    // (as FTS5's unicode61 tokenizer does), and no FTS5 syntax gets through.
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      word.push_back(c);
    } else {
      flush();
    }
  }
  flush();
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
  BOOST_OUTCOME_TRY(statement,
                    m_connection->prepare(std::string("SELECT count(*) FROM ") +
                                          (match != nullptr ? kSearchFrom : "entries e ") + where.sql));
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
