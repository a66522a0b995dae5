#include "storage/Schema.h"

#include "Util.h"
#include "banking/Text.h"
#include "storage/Connection.h"
#include "storage/Statement.h"
#include "storage/Transaction.h"

#include <fmt/format.h>

#include <functional>
#include <vector>

namespace platnik::storage {
namespace {

constexpr const char* kSchema1 = R"sql(
CREATE TABLE company (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  tax_id TEXT NOT NULL DEFAULT '',
  registration_number TEXT NOT NULL DEFAULT ''
);
CREATE TABLE banks (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  adapter TEXT NOT NULL DEFAULT '',
  settings TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings))
);
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  iban TEXT UNIQUE,
  currency TEXT NOT NULL,
  bank_id INTEGER REFERENCES banks(id),
  display_name TEXT NOT NULL DEFAULT ''
);
CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  payment_code TEXT NOT NULL DEFAULT '',
  purpose TEXT NOT NULL DEFAULT '',
  credit_model TEXT NOT NULL DEFAULT '',
  credit_reference TEXT NOT NULL DEFAULT '',
  debit_model TEXT NOT NULL DEFAULT '',
  debit_reference TEXT NOT NULL DEFAULT ''
);
CREATE TABLE contact_accounts (
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  account TEXT NOT NULL,
  PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
CREATE TABLE payment_orders (
  id INTEGER PRIMARY KEY,
  payer_name TEXT NOT NULL,
  payer_place TEXT NOT NULL,
  payer_account TEXT NOT NULL,
  recipient_name TEXT NOT NULL,
  recipient_place TEXT NOT NULL,
  recipient_account TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  currency TEXT NOT NULL,
  payment_code TEXT NOT NULL,
  purpose TEXT NOT NULL,
  debit_model TEXT NOT NULL,
  debit_reference TEXT NOT NULL,
  credit_model TEXT NOT NULL,
  credit_reference TEXT NOT NULL,
  urgent INTEGER NOT NULL CHECK (urgent IN (0, 1)),
  execution_date TEXT,
  state TEXT NOT NULL,
  signature BLOB,
  signer TEXT,
  message_id TEXT,
  submission_id TEXT,
  bank_status TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX payment_orders_state ON payment_orders(state, id);
CREATE TABLE order_state_history (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES payment_orders(id),
  from_state TEXT,
  to_state TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX order_state_history_order ON order_state_history(order_id, id);
CREATE TABLE statements (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  number TEXT NOT NULL,
  statement_date TEXT NOT NULL,
  message_id TEXT NOT NULL DEFAULT '',
  currency TEXT NOT NULL,
  opening_minor INTEGER,
  closing_minor INTEGER,
  entry_count INTEGER NOT NULL DEFAULT 0,
  imported_at TEXT NOT NULL,
  UNIQUE (account_id, number, statement_date)
);
CREATE TABLE entries (
  id INTEGER PRIMARY KEY,
  identity BLOB NOT NULL,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  statement_id INTEGER NOT NULL REFERENCES statements(id),
  booking_date TEXT NOT NULL,
  value_date TEXT,
  amount_minor INTEGER NOT NULL,
  currency TEXT NOT NULL,
  counterparty_name TEXT NOT NULL,
  counterparty_account TEXT NOT NULL,
  counterparty_place TEXT NOT NULL,
  counterparty_bic TEXT NOT NULL,
  purpose TEXT NOT NULL,
  payment_code TEXT NOT NULL,
  credit_model TEXT NOT NULL,
  credit_reference TEXT NOT NULL,
  debit_model TEXT NOT NULL,
  debit_reference TEXT NOT NULL,
  end_to_end_id TEXT NOT NULL,
  bank_reference TEXT NOT NULL,
  transaction_code TEXT NOT NULL,
  reversal INTEGER NOT NULL,
  original_amount_minor INTEGER,
  original_currency TEXT,
  exchange_rate TEXT NOT NULL,
  charges_minor INTEGER,
  charges_currency TEXT,
  return_reason TEXT NOT NULL,
  additional_info TEXT NOT NULL
);
-- The identity already covers account and date; leading with them keeps the inserts of an
-- import together in the index (new days at the end) instead of scattered by the hash.
CREATE UNIQUE INDEX entries_identity ON entries(account_id, booking_date, identity);
CREATE INDEX entries_account_date ON entries(account_id, booking_date, id);
CREATE INDEX entries_date ON entries(booking_date, id);
CREATE TABLE balances (
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  balance_date TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('statement', 'query')),
  amount_minor INTEGER NOT NULL,
  currency TEXT NOT NULL,
  statement_id INTEGER REFERENCES statements(id),
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (account_id, balance_date, source)
) WITHOUT ROWID;
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_id INTEGER NOT NULL,
  last_hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql";

banking::Result<void> schema1(Connection& connection) {
  return connection.exec(kSchema1);
}

/// Fills the (empty) full-text index of schema 2 from the entries there are, the text folded
/// as the import folds it.
banking::Result<void> fillSearchIndex2(Connection& connection) {
  BOOST_OUTCOME_TRY(select, connection.prepare(
                                "SELECT id, booking_date, counterparty_name, purpose, credit_model || ' ' || "
                                "credit_reference || ' ' || debit_model || ' ' || debit_reference || ' ' "
                                "|| end_to_end_id || ' ' || bank_reference FROM entries ORDER BY id"));
  BOOST_OUTCOME_TRY(insert, connection.prepare("INSERT INTO entries_fts(rowid, counterparty, purpose, refs) "
                                               "VALUES (?, ?, ?, ?)"));
  for (;;) {
    BOOST_OUTCOME_TRY(row, select.step());
    if (!row) {
      break;
    }
    BOOST_OUTCOME_TRY(date, banking::parseIsoDate(select.text(1)));
    insert.bind(1, detail::entryKey(date, select.integer(0)))
        .bind(2, banking::foldForSearch(select.text(2)))
        .bind(3, banking::foldForSearch(select.text(3)))
        .bind(4, banking::foldForSearch(select.text(4)));
    BOOST_OUTCOME_TRYV(insert.run());
  }
  return boost::outcome_v2::success();
}

/// Full-text search over entries: a contentless FTS5 table holding text already folded by
/// banking::foldForSearch (the same fold is applied to queries), its rowid the entry's
/// search key (booking date and id, see detail::entryKey). Filled from the entries a
/// version-1 database already has.
banking::Result<void> schema2(Connection& connection) {
  BOOST_OUTCOME_TRYV(
      connection.exec("CREATE VIRTUAL TABLE entries_fts USING fts5(counterparty, purpose, refs, content='', "
                      "tokenize='unicode61 remove_diacritics 2')"));
  return fillSearchIndex2(connection);
}

/// Fills the (empty) full-text index of schema 3 on from the entries there are: one text
/// per entry, folded as the import folds it (StatementImport::entry), its rowid the entry's id.
banking::Result<void> fillSearchIndex(Connection& connection) {
  BOOST_OUTCOME_TRY(
      select,
      connection.prepare("SELECT id, counterparty_name || ' ' || purpose || ' ' || credit_model || ' ' || "
                         "credit_reference || ' ' || debit_model || ' ' || debit_reference || ' ' || "
                         "end_to_end_id || ' ' || bank_reference || ' ' FROM entries ORDER BY id"));
  BOOST_OUTCOME_TRY(insert, connection.prepare("INSERT INTO entries_fts(rowid, text) VALUES (?, ?)"));
  for (;;) {
    BOOST_OUTCOME_TRY(row, select.step());
    if (!row) {
      return boost::outcome_v2::success();
    }
    insert.bind(1, select.integer(0)).bind(2, banking::foldForSearch(select.text(1)));
    BOOST_OUTCOME_TRYV(insert.run());
  }
}

/// The columns of `entries` from schema 3 on (the table is rebuilt when its keys change).
constexpr const char* kEntryColumns = R"sql(
  id INTEGER PRIMARY KEY,
  identity BLOB NOT NULL,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  statement_id INTEGER NOT NULL REFERENCES statements(id),
  booking_date TEXT NOT NULL,
  value_date TEXT,
  amount_minor INTEGER NOT NULL,
  currency TEXT NOT NULL,
  counterparty_name TEXT NOT NULL,
  counterparty_account TEXT NOT NULL,
  counterparty_place TEXT NOT NULL,
  counterparty_bic TEXT NOT NULL,
  purpose TEXT NOT NULL,
  payment_code TEXT NOT NULL,
  credit_model TEXT NOT NULL,
  credit_reference TEXT NOT NULL,
  debit_model TEXT NOT NULL,
  debit_reference TEXT NOT NULL,
  end_to_end_id TEXT NOT NULL,
  bank_reference TEXT NOT NULL,
  transaction_code TEXT NOT NULL,
  reversal INTEGER NOT NULL,
  original_amount_minor INTEGER,
  original_currency TEXT,
  exchange_rate TEXT NOT NULL,
  charges_minor INTEGER,
  charges_currency TEXT,
  return_reason TEXT NOT NULL,
  additional_info TEXT NOT NULL
)sql";

/// Every column of `entries` but the id, in kEntryColumns' order: what a rebuild copies.
constexpr const char* kEntryValues =
    "identity, account_id, statement_id, booking_date, value_date, amount_minor, currency, "
    "counterparty_name, counterparty_account, counterparty_place, counterparty_bic, purpose, "
    "payment_code, credit_model, credit_reference, debit_model, debit_reference, end_to_end_id, "
    "bank_reference, transaction_code, reversal, original_amount_minor, original_currency, "
    "exchange_rate, charges_minor, charges_currency, return_reason, additional_info";

/// The full-text index of schema 3 on (see schema3).
constexpr const char* kSearchIndex = R"sql(
CREATE VIRTUAL TABLE entries_fts USING fts5(text, content='', columnsize=0, detail=none,
  tokenize='unicode61 remove_diacritics 2');
INSERT INTO entries_fts(entries_fts, rank) VALUES ('automerge', 64);
)sql";

/// Entries keyed by date: an entry's id is detail::entryKey(booking date, its place among
/// that day's entries), so the table itself is in date order. Listing newest first, a date
/// range and paging after a cursor walk the table (or the account index) by key, which
/// replaces the (booking_date, id) and (account_id, booking_date, id) indexes; the identity's
/// unique index goes too: an import checks identities against the day's entries of the
/// account, which it reads by key (StatementImport). The full-text index's rowid is now the
/// entry's id itself; it holds one folded text per entry and keeps neither word positions
/// (detail=none: every query word is a prefix term, Entries::matchExpression) nor column
/// sizes (nothing ranks by them); it merges segments incrementally only once 64 wait on a
/// level (automerge, FTS5's default is 4), while a level that reaches 16 is still merged at
/// once (crisismerge), so a search reads few segments. Existing entries get their new ids in
/// their old order within each day.
banking::Result<void> schema3(Connection& connection) {
  BOOST_OUTCOME_TRYV(connection.exec(fmt::format(R"sql(
CREATE TABLE entries_by_date ({});
INSERT INTO entries_by_date
SELECT ((CAST(julianday(booking_date) - 2440587.5 AS INTEGER) + 100000) << 32)
         | row_number() OVER (PARTITION BY booking_date ORDER BY id),
       {}
FROM entries ORDER BY 1;
DROP TABLE entries;
ALTER TABLE entries_by_date RENAME TO entries;
CREATE INDEX entries_account ON entries(account_id);
DROP TABLE entries_fts;
{})sql",
                                                 kEntryColumns, kEntryValues, kSearchIndex)));
  return fillSearchIndex(connection);
}

/// Entries keyed by day and account: an entry's id is detail::entryKey(booking day,
/// account << 20 | n) (detail::accountDayKey), so within a day one account's entries lie
/// together and an account's entries are one key range per day. `account_days` lists those
/// days with their entry counts, kept by the import in the same transaction as the entries:
/// an account's list walks its days newest first and each day's range, and counts without
/// other filters add up the days. The account index goes (an import no longer writes an index
/// row per entry). Existing entries keep their order within each account and day; the search
/// index is rebuilt for the new ids. Refused, leaving the database as it was, when an account
/// id above detail::kMaxEntryAccountId has entries or an account has more than
/// 2^20 - 1 entries on one day.
banking::Result<void> schema4(Connection& connection) {
  BOOST_OUTCOME_TRY(limits, connection.prepare(
                                "SELECT account_id, id >> 32, count(*) FROM entries GROUP BY account_id, "
                                "id >> 32 HAVING account_id > ? OR account_id < 1 OR count(*) >= ? LIMIT 1"));
  limits.bind(1, detail::kMaxEntryAccountId).bind(2, detail::kKeysPerAccountDay);
  BOOST_OUTCOME_TRY(tooMany, limits.step());
  if (tooMany) {
    return banking::fail(
        banking::Errc::Database,
        fmt::format("account {} has {} entries on one day; Platnik keeps at most {} per day, for "
                    "accounts numbered up to {}",
                    limits.integer(0), limits.integer(2), detail::kKeysPerAccountDay - 1,
                    detail::kMaxEntryAccountId));
  }
  limits.reset();
  BOOST_OUTCOME_TRYV(
      connection.exec(fmt::format(R"sql(
CREATE TABLE entries_by_account_day ({});
INSERT INTO entries_by_account_day
SELECT ((id >> 32) << 32) + (account_id << {}) + row_number() OVER (PARTITION BY id >> 32, account_id ORDER BY id),
       {}
FROM entries ORDER BY 1;
DROP TABLE entries;
ALTER TABLE entries_by_account_day RENAME TO entries;
CREATE TABLE account_days (
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  day INTEGER NOT NULL,
  entries INTEGER NOT NULL,
  PRIMARY KEY (account_id, day)
) WITHOUT ROWID;
INSERT INTO account_days SELECT account_id, id >> 32, count(*) FROM entries GROUP BY account_id, id >> 32;
DROP TABLE entries_fts;
{})sql",
                                  kEntryColumns, detail::kAccountShift, kEntryValues, kSearchIndex)));
  return fillSearchIndex(connection);
}

const std::vector<std::function<banking::Result<void>(Connection&)>>& migrations() {
  static const std::vector<std::function<banking::Result<void>(Connection&)>> kMigrations{schema1, schema2,
                                                                                          schema3, schema4};
  return kMigrations;
}

banking::Result<int> userVersion(Connection& connection) {
  BOOST_OUTCOME_TRY(query, connection.prepare("PRAGMA user_version"));
  BOOST_OUTCOME_TRY(row, query.step());
  return row ? static_cast<int>(query.integer(0)) : 0;
}

}  // namespace

int latestSchemaVersion() {
  return static_cast<int>(migrations().size());
}

banking::Result<void> migrate(Connection& connection, int targetVersion) {
  if (targetVersion > latestSchemaVersion()) {
    throw std::logic_error(fmt::format("no migration to schema {}", targetVersion));
  }
  for (;;) {
    BOOST_OUTCOME_TRY(transaction, Transaction::begin(connection));
    // Read inside the write transaction: another process may have migrated meanwhile.
    BOOST_OUTCOME_TRY(version, userVersion(connection));
    if (version >= targetVersion) {
      return boost::outcome_v2::success();
    }
    if (version == 0) {
      BOOST_OUTCOME_TRYV(connection.exec(fmt::format("PRAGMA application_id = {}", kApplicationId)));
    }
    auto step = migrations()[static_cast<std::size_t>(version)](connection);
    if (!step) {
      auto error = step.error();
      error.message =
          fmt::format("upgrading the database to schema {} failed: {}", version + 1, error.message);
      return boost::outcome_v2::failure(std::move(error));
    }
    // PRAGMA takes no bound parameters; the value is our own integer.
    BOOST_OUTCOME_TRYV(connection.exec(fmt::format("PRAGMA user_version = {}", version + 1)));
    BOOST_OUTCOME_TRYV(transaction.commit());
  }
}

}  // namespace platnik::storage
