#pragma once

#include "banking/StatementSink.h"

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <memory_resource>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace platnik::storage {

class Connection;
class Transaction;

/// What an import did.
struct ImportReport {
  int statements = 0;
  std::int64_t entriesNew = 0;
  std::int64_t entriesAlreadyPresent = 0;
  int accountsCreated = 0;
};

/// A StatementSink that writes what a reader delivers into the database, all inside one
/// transaction that only commit() makes permanent: hand it to a reader, and call commit()
/// only when the reader has read the whole file. Destroyed without commit(), nothing stays.
///
/// Every entry gets a stable identity: SHA-256 over its account, booking and value date,
/// amount, currency, counterparty account, references, bank reference, end-to-end id and
/// purpose, plus the number of identical lines before it in the same statement. The same
/// statement imported twice adds nothing; two identical lines in one statement are both kept.
/// The identities already stored for an account and day are read once per statement, by key
/// (an entry's id is detail::accountDayKey(day, account) + n); the import holds the write
/// transaction, so nothing else can add entries meanwhile. A new entry takes the next key of
/// its account and day, and `account_days` counts it.
/// A statement for an account not yet in the list adds the account.
///
/// Every row the import writes names as its parents the statement's account and the
/// statement itself, rows it has just read or written in this same write transaction, which
/// no one else can change meanwhile: SQLite's foreign-key probe of each entry would only
/// confirm that, so an import that begins its own transaction turns the checks off for it
/// and on again when it ends, committed or not. (Inside a caller's transaction they stay on:
/// SQLite ignores the pragma there.) `Database::check` still runs `foreign_key_check`.
///
/// The search index rows of new entries are kept and written in batches, in search-key
/// order (at commit, or every kSearchBatch entries): FTS5 then writes few large index
/// segments instead of one small segment per statement.
class StatementImport final : public banking::StatementSink {
 public:
  explicit StatementImport(Connection& connection);
  ~StatementImport() override;
  StatementImport(const StatementImport&) = delete;
  StatementImport& operator=(const StatementImport&) = delete;

  banking::Result<void> begin(const banking::StatementInfo& info) override;
  banking::Result<void> entry(const banking::Entry& entry) override;
  banking::Result<void> end(const banking::StatementInfo& info) override;

  /// Records the import in the audit log and commits; `source` names the file or channel.
  banking::Result<ImportReport> commit(std::string_view source);

  /// The identity of an entry on an account, given how many identical lines came before it
  /// in the same statement.
  static std::array<std::uint8_t, 32> identityOf(std::string_view account, const banking::Entry& entry,
                                                 std::optional<banking::Date> fallbackDate, int occurrence);

 private:
  using Identity = std::array<std::uint8_t, 32>;
  /// `scratch` is the caller's buffer for the canonical text (its contents are replaced).
  static Identity identityOf(std::string& scratch, std::string_view account, const banking::Entry& entry,
                             std::string_view bookingDate, std::string_view valueDate, int occurrence);
  struct IdentityHash {
    std::size_t operator()(const Identity& identity) const noexcept;
  };
  /// A new entry's row for the search index: its folded text is m_searchText[offset, +size).
  struct SearchRow {
    std::int64_t key = 0;
    std::size_t offset = 0;
    std::size_t size = 0;
  };
  /// A date and its ISO text, kept while the lines of a statement share it.
  struct DateText {
    std::optional<banking::Date> date;
    std::string text;
    std::string_view of(banking::Date day);
  };
  using IdentitySet = std::pmr::unordered_set<Identity, IdentityHash>;
  /// What one statement needs while it is read. Its memory is one arena, given back whole
  /// when the next statement begins: a node per line would otherwise cost a malloc and a free.
  struct StatementScratch {
    std::pmr::monotonic_buffer_resource memory;
    /// How many identical lines came before, by the identity of the first of them.
    std::pmr::unordered_map<Identity, int, IdentityHash> occurrences{&memory};
    /// Per account-day key: the identities of the statement's account on that day.
    std::pmr::unordered_map<std::int64_t, IdentitySet> identities{&memory};
    /// Per account-day key: the entries added (for `account_days`, written at the end).
    std::pmr::map<std::int64_t, std::int64_t> newOnDay{&memory};
  };
  static constexpr std::size_t kSearchBatch = 50'000;
  /// An account the import has already looked up or added.
  struct KnownAccount {
    std::int64_t id = 0;
    std::string number;
    banking::Currency currency = banking::Currency::rsd();
  };

  struct Prepared;
  banking::Result<void> prepare();
  banking::Result<bool> foreignKeysEnforced();
  banking::Result<void> ensureAccount(std::optional<banking::Currency> hint);
  banking::Result<void> ensureStatement();
  banking::Result<void> flushSearchRows();
  /// The identities stored for the statement's account on the day whose keys start at
  /// `dayKey` (detail::accountDayKey).
  banking::Result<IdentitySet*> identitiesOn(std::int64_t dayKey);
  /// The key for a new entry of the account and day whose keys start at `dayKey`.
  banking::Result<std::int64_t> nextKey(std::int64_t dayKey);

  Connection* m_connection;
  /// Turns SQLite's foreign-key checks back on when it goes (after the transaction, declared
  /// before it): see begin().
  struct ForeignKeysBack {
    Connection* connection;
    ~ForeignKeysBack();
  };
  std::unique_ptr<ForeignKeysBack> m_foreignKeysBack;
  std::unique_ptr<Transaction> m_transaction;
  std::unique_ptr<Prepared> m_prepared;
  ImportReport m_report;
  bool m_committed = false;

  // The statement being read.
  bool m_open = false;
  banking::StatementInfo m_info;
  std::optional<std::int64_t> m_accountId;
  std::string m_accountNumber;
  std::optional<banking::Currency> m_accountCurrency;
  std::optional<std::int64_t> m_statementId;
  std::int64_t m_lines = 0;
  std::int64_t m_sumMinor = 0;
  bool m_sumValid = true;
  std::optional<banking::Date> m_lastDate;
  std::optional<StatementScratch> m_scratch;
  DateText m_bookingDate;
  DateText m_valueDate;
  std::string m_canonical;  ///< identityOf's buffer
  std::string m_currency;   ///< the line's currency code, bound without a copy
  /// Per account-day key: the last key given to an entry there (for the whole import).
  std::unordered_map<std::int64_t, std::int64_t> m_lastKeys;
  std::vector<SearchRow> m_searchRows;
  std::string m_searchText;  ///< the folded texts of m_searchRows, one after another
  std::unordered_map<std::string, KnownAccount> m_knownAccounts;  ///< by "account\niban"
};

}  // namespace platnik::storage
