#pragma once

#include "banking/Date.h"
#include "banking/Error.h"
#include "banking/Statement.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace platnik::storage {

class Connection;

/// A statement entry as stored, with where it came from.
struct StoredEntry {
  std::int64_t id = 0;
  std::int64_t accountId = 0;
  std::int64_t statementId = 0;
  banking::Date date;  ///< booking date (the value date or statement date when the bank gave none)
  banking::Entry entry;
};

enum class Direction {
  Incoming,  ///< credits (amount > 0)
  Outgoing,  ///< debits (amount < 0)
};

/// Which entries to list or search. Amounts bound the absolute value in minor units.
struct EntryFilter {
  std::optional<std::int64_t> accountId{};
  std::optional<banking::Date> from{};
  std::optional<banking::Date> to{};
  std::optional<std::int64_t> minAmount{};
  std::optional<std::int64_t> maxAmount{};
  std::optional<Direction> direction{};
  /// Only the lines of one imported statement (StatementSummary::id).
  std::optional<std::int64_t> statementId{};
};

/// Where a page ends: pass it back as `after` to get the next page by an index seek.
struct EntryCursor {
  banking::Date date;
  std::int64_t id = 0;
};

/// Which page: newest first, `limit` rows, after a cursor (fast at any depth) or skipping
/// `offset` rows (for a list that jumps to row N).
struct PageRequest {
  int limit = 50;
  std::int64_t offset = 0;
  std::optional<EntryCursor> after{};
};

struct EntryPage {
  std::vector<StoredEntry> entries;
  std::optional<EntryCursor> next;  ///< none on the last page
};

/// Entries: listing with filters and full-text search (counterparty, purpose, references;
/// diacritics and script folded, so "cacak" finds "Čačak" and "Чачак").
class Entries {
 public:
  explicit Entries(Connection& connection) : m_connection(&connection) {}

  banking::Result<EntryPage> list(const EntryFilter& filter, const PageRequest& page = {});
  banking::Result<std::int64_t> count(const EntryFilter& filter);
  /// Every word must match the start of a word in the entry. Empty text is an error.
  banking::Result<EntryPage> search(std::string_view text, const EntryFilter& filter,
                                    const PageRequest& page = {});
  banking::Result<std::int64_t> countMatches(std::string_view text, const EntryFilter& filter);

 private:
  /// The FTS5 query for the text: folded words, each a prefix ("cacak" → "cacak"*).
  banking::Result<std::string> matchExpression(std::string_view text);
  /// The filter with the account of its statement filled in (a list of a statement's lines
  /// then walks that account's days); none when the statement does not exist.
  banking::Result<std::optional<EntryFilter>> withStatementAccount(const EntryFilter& filter);
  banking::Result<EntryPage> query(const std::string* match, const EntryFilter& filter,
                                   const PageRequest& page);
  banking::Result<std::int64_t> countWhere(const std::string* match, const EntryFilter& filter);
  /// Where row `row` (0 = the newest) of a list of whole days falls: its day, and how many
  /// rows the newer days hold. None past the end.
  struct DayStart {
    std::int64_t day = 0;     ///< as in account_days (the high half of the day's keys)
    std::int64_t before = 0;  ///< rows in the newer days
  };
  banking::Result<std::optional<DayStart>> dayOfRow(const EntryFilter& filter, std::int64_t row);
  Connection* m_connection;
};

}  // namespace platnik::storage
