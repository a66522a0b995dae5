#include "storage/StatementImport.h"

#include "Util.h"
#include "banking/Text.h"
#include "storage/Accounts.h"
#include "storage/AuditLog.h"
#include "storage/Connection.h"
#include "storage/Statement.h"
#include "storage/Transaction.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace platnik::storage {
using banking::Errc;
using banking::fail;
using banking::Result;

/// Every statement an import runs, prepared once for the whole import.
struct StatementImport::Prepared {
  Statement insertEntry;
  Statement selectIdentities;
  Statement selectLastKey;
  Statement insertFts;
  Statement insertStatement;
  Statement findStatement;
  Statement finishStatement;
  Statement recordBalance;
  Statement countAccountDay;
};

std::size_t StatementImport::IdentityHash::operator()(const Identity& identity) const noexcept {
  // The identity is a SHA-256 digest: any 8 of its bytes are already a good hash.
  std::size_t hash = 0;
  std::memcpy(&hash, identity.data(), sizeof hash);
  return hash;
}

StatementImport::StatementImport(Connection& connection) : m_connection(&connection) {}

StatementImport::ForeignKeysBack::~ForeignKeysBack() {
  // Outside any transaction now (the import's is committed or rolled back): this takes.
  (void)connection->exec("PRAGMA foreign_keys = ON");
}

Result<bool> StatementImport::foreignKeysEnforced() {
  BOOST_OUTCOME_TRY(query, m_connection->prepare("PRAGMA foreign_keys"));
  BOOST_OUTCOME_TRY(row, query.step());
  return row && query.integer(0) != 0;
}

StatementImport::~StatementImport() = default;

std::array<std::uint8_t, 32> StatementImport::identityOf(std::string_view account,
                                                         const banking::Entry& entry,
                                                         std::optional<banking::Date> fallbackDate,
                                                         int occurrence) {
  std::string scratch;
  return identityOf(scratch, account, entry,
                    detail::isoDate(entry.bookingDate ? entry.bookingDate : fallbackDate).value_or(""),
                    detail::isoDate(entry.valueDate).value_or(""), occurrence);
}

std::array<std::uint8_t, 32> StatementImport::identityOf(std::string& canonical, std::string_view account,
                                                         const banking::Entry& entry,
                                                         std::string_view bookingDate,
                                                         std::string_view valueDate, int occurrence) {
  canonical.assign("platnik-entry-1;");
  detail::appendField(canonical, account);
  detail::appendField(canonical, bookingDate);
  detail::appendField(canonical, valueDate);
  char number[24];
  detail::appendField(
      canonical,
      std::string_view(
          number,
          std::to_chars(std::begin(number), std::end(number), entry.amount.minorUnits()).ptr - number));
  detail::appendField(canonical, entry.amount.currency().code());
  detail::appendField(canonical, entry.counterparty.account);
  detail::appendField(canonical, entry.reference.model);
  detail::appendField(canonical, entry.reference.number);
  detail::appendField(canonical, entry.debitReference.model);
  detail::appendField(canonical, entry.debitReference.number);
  detail::appendField(canonical, entry.bankReference);
  detail::appendField(canonical, entry.endToEndId);
  detail::appendField(canonical, entry.purpose);
  detail::appendField(
      canonical,
      std::string_view(number, std::to_chars(std::begin(number), std::end(number), occurrence).ptr - number));
  return detail::sha256(canonical);
}

std::string_view StatementImport::DateText::of(banking::Date day) {
  if (date != day) {
    date = day;
    text = banking::toIsoString(day);
  }
  return text;
}

Result<void> StatementImport::begin(const banking::StatementInfo& info) {
  if (m_committed) {
    throw std::logic_error("StatementImport used after commit");
  }
  if (m_open) {
    return fail(Errc::MalformedFile, "a statement began before the previous one ended");
  }
  if (!m_transaction) {
    if (!m_connection->inTransaction()) {
      BOOST_OUTCOME_TRY(enforced, foreignKeysEnforced());
      if (enforced) {
        BOOST_OUTCOME_TRYV(m_connection->exec("PRAGMA foreign_keys = OFF"));
        m_foreignKeysBack = std::make_unique<ForeignKeysBack>(ForeignKeysBack{m_connection});
      }
    }
    BOOST_OUTCOME_TRY(transaction, Transaction::begin(*m_connection));
    m_transaction = std::make_unique<Transaction>(std::move(transaction));
  }
  if (!m_prepared) {
    BOOST_OUTCOME_TRYV(prepare());
  }
  m_open = true;
  m_info = info;
  m_accountId.reset();
  m_accountNumber.clear();
  m_accountCurrency.reset();
  m_statementId.reset();
  m_lines = 0;
  m_sumMinor = 0;
  m_sumValid = true;
  m_lastDate.reset();
  // The identities of another account, maybe: read again (this import's own rows included).
  m_scratch.reset();
  m_scratch.emplace();
  if (m_info.account.empty() && m_info.iban.empty()) {
    return fail(Errc::MalformedFile, "the statement does not say which account it is for");
  }
  return ensureAccount(m_info.currency);
}

Result<void> StatementImport::prepare() {
  BOOST_OUTCOME_TRY(
      insertEntry,
      m_connection->prepare(
          "INSERT INTO entries(id, identity, account_id, statement_id, booking_date, value_date, "
          "amount_minor, currency, counterparty_name, counterparty_account, counterparty_place, "
          "counterparty_bic, purpose, payment_code, credit_model, credit_reference, debit_model, "
          "debit_reference, end_to_end_id, bank_reference, transaction_code, reversal, "
          "original_amount_minor, original_currency, exchange_rate, charges_minor, "
          "charges_currency, return_reason, additional_info) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  BOOST_OUTCOME_TRY(selectIdentities,
                    m_connection->prepare("SELECT identity FROM entries WHERE id >= ? AND id < ?"));
  BOOST_OUTCOME_TRY(
      selectLastKey,
      m_connection->prepare("SELECT id FROM entries WHERE id >= ? AND id < ? ORDER BY id DESC LIMIT 1"));
  BOOST_OUTCOME_TRY(insertFts, m_connection->prepare("INSERT INTO entries_fts(rowid, text) VALUES (?, ?)"));
  BOOST_OUTCOME_TRY(insertStatement,
                    m_connection->prepare("INSERT INTO statements(account_id, number, statement_date, "
                                          "message_id, currency, imported_at) VALUES (?, ?, ?, ?, ?, ?) "
                                          "ON CONFLICT (account_id, number, statement_date) DO NOTHING"));
  BOOST_OUTCOME_TRY(findStatement, m_connection->prepare("SELECT id FROM statements WHERE account_id = ? AND "
                                                         "number = ? AND statement_date = ?"));
  BOOST_OUTCOME_TRY(
      finishStatement,
      m_connection->prepare("UPDATE statements SET opening_minor = ?, closing_minor = ?, entry_count = ?, "
                            "message_id = ? WHERE id = ?"));
  BOOST_OUTCOME_TRY(
      recordBalance,
      m_connection->prepare("INSERT OR REPLACE INTO balances(account_id, balance_date, source, amount_minor, "
                            "currency, statement_id, recorded_at) VALUES (?, ?, 'statement', ?, ?, ?, ?)"));
  BOOST_OUTCOME_TRY(
      countAccountDay,
      m_connection->prepare("INSERT INTO account_days(account_id, day, entries) VALUES (?, ?, ?) "
                            "ON CONFLICT (account_id, day) DO UPDATE SET entries = entries + "
                            "excluded.entries"));
  m_prepared = std::make_unique<Prepared>(
      Prepared{std::move(insertEntry), std::move(selectIdentities), std::move(selectLastKey),
               std::move(insertFts), std::move(insertStatement), std::move(findStatement),
               std::move(finishStatement), std::move(recordBalance), std::move(countAccountDay)});
  return boost::outcome_v2::success();
}

Result<void> StatementImport::ensureAccount(std::optional<banking::Currency> hint) {
  if (m_accountId) {
    return boost::outcome_v2::success();
  }
  // The import holds the write transaction: an account found once stays as it is.
  const std::string key = m_info.account + '\n' + m_info.iban;
  if (const auto known = m_knownAccounts.find(key); known != m_knownAccounts.end()) {
    m_accountId = known->second.id;
    m_accountNumber = known->second.number;
    m_accountCurrency = known->second.currency;
    return boost::outcome_v2::success();
  }
  Accounts accounts(*m_connection);
  const std::string& number = m_info.account.empty() ? m_info.iban : m_info.account;
  BOOST_OUTCOME_TRY(found, accounts.find(number));
  if (!found && !m_info.iban.empty()) {
    BOOST_OUTCOME_TRY(byIban, accounts.find(m_info.iban));
    found = byIban;
  }
  if (!found) {
    if (!hint) {
      return boost::outcome_v2::success();  // decided by the first entry or the balances
    }
    BOOST_OUTCOME_TRY(id, accounts.add(number, *hint, std::nullopt, {}));
    ++m_report.accountsCreated;
    BOOST_OUTCOME_TRY(added, accounts.get(id));
    found = added;
  }
  m_accountId = found->id;
  m_accountNumber = found->number;
  m_accountCurrency = found->currency;
  m_knownAccounts.insert_or_assign(key, KnownAccount{found->id, found->number, found->currency});
  return boost::outcome_v2::success();
}

Result<void> StatementImport::ensureStatement() {
  if (m_statementId) {
    return boost::outcome_v2::success();
  }
  if (!m_accountId) {
    return fail(Errc::MalformedFile,
                fmt::format("the statement for account {} names no currency, so the account cannot be added",
                            m_info.account.empty() ? m_info.iban : m_info.account));
  }
  const std::string date = detail::isoDate(m_info.date).value_or("");
  auto& insert = m_prepared->insertStatement;
  insert.bind(1, *m_accountId)
      .bind(2, m_info.number)
      .bind(3, date)
      .bind(4, m_info.messageId)
      .bind(5, (m_info.currency ? *m_info.currency : *m_accountCurrency).code())
      .bind(6, detail::nowUtc());
  BOOST_OUTCOME_TRYV(insert.run());
  if (m_connection->changes() > 0) {
    m_statementId = m_connection->lastInsertRowId();
    return boost::outcome_v2::success();
  }
  // Imported before: the entries go to the statement already there.
  auto& select = m_prepared->findStatement;
  select.bind(1, *m_accountId).bind(2, m_info.number).bind(3, date);
  BOOST_OUTCOME_TRY(row, select.step());
  if (!row) {
    throw std::logic_error("a statement row vanished inside its own transaction");
  }
  m_statementId = select.integer(0);
  select.reset();
  return boost::outcome_v2::success();
}

Result<void> StatementImport::entry(const banking::Entry& entry) {
  if (!m_open) {
    return fail(Errc::MalformedFile, "an entry arrived outside a statement");
  }
  ++m_lines;
  BOOST_OUTCOME_TRYV(ensureAccount(entry.amount.currency()));
  BOOST_OUTCOME_TRYV(ensureStatement());
  const auto date = entry.bookingDate ? entry.bookingDate : entry.valueDate ? entry.valueDate : m_info.date;
  if (!date) {
    return fail(Errc::MalformedFile, "the entry has no booking date and the statement has no date",
                fmt::format("statement {}, entry {}", m_info.number, m_lines));
  }
  m_lastDate = date;
  if (m_sumValid && __builtin_add_overflow(m_sumMinor, entry.amount.minorUnits(), &m_sumMinor)) {
    m_sumValid = false;
  }
  const std::string_view bookingDate = m_bookingDate.of(*date);
  const std::string_view valueDate = entry.valueDate ? m_valueDate.of(*entry.valueDate) : std::string_view();
  const auto base = identityOf(m_canonical, m_accountNumber, entry, bookingDate, valueDate, 0);
  const int occurrence = m_scratch->occurrences[base]++;
  const auto identity =
      occurrence == 0 ? base
                      : identityOf(m_canonical, m_accountNumber, entry, bookingDate, valueDate, occurrence);
  BOOST_OUTCOME_TRY(dayKey, detail::accountDayKey(*date, *m_accountId));
  BOOST_OUTCOME_TRY(known, identitiesOn(dayKey));
  if (!known->insert(identity).second) {
    ++m_report.entriesAlreadyPresent;
    return boost::outcome_v2::success();
  }
  BOOST_OUTCOME_TRY(key, nextKey(dayKey));
  ++m_scratch->newOnDay[dayKey];

  // The entry, the identity and the date texts outlive run(): they are bound without copies.
  m_currency = entry.amount.currency().code();
  auto& insert = m_prepared->insertEntry;
  insert.bind(1, key)
      .bindUnowned(2, std::span<const std::uint8_t>(identity))
      .bind(3, *m_accountId)
      .bind(4, *m_statementId)
      .bindUnowned(5, bookingDate);
  if (entry.valueDate) {
    insert.bindUnowned(6, valueDate);
  } else {
    insert.bind(6, nullptr);
  }
  insert.bind(7, entry.amount.minorUnits())
      .bindUnowned(8, m_currency)
      .bindUnowned(9, entry.counterparty.name)
      .bindUnowned(10, entry.counterparty.account)
      .bindUnowned(11, entry.counterparty.place)
      .bindUnowned(12, entry.counterparty.bic)
      .bindUnowned(13, entry.purpose)
      .bindUnowned(14, entry.paymentCode)
      .bindUnowned(15, entry.reference.model)
      .bindUnowned(16, entry.reference.number)
      .bindUnowned(17, entry.debitReference.model)
      .bindUnowned(18, entry.debitReference.number)
      .bindUnowned(19, entry.endToEndId)
      .bindUnowned(20, entry.bankReference)
      .bindUnowned(21, entry.transactionCode)
      .bind(22, entry.reversal ? 1 : 0)
      .bind(23, entry.originalAmount ? std::optional<std::int64_t>(entry.originalAmount->minorUnits())
                                     : std::nullopt)
      .bind(24, entry.originalAmount
                    ? std::optional<std::string_view>(entry.originalAmount->currency().code())
                    : std::nullopt)
      .bindUnowned(25, entry.exchangeRate)
      .bind(26, entry.charges ? std::optional<std::int64_t>(entry.charges->minorUnits()) : std::nullopt)
      .bind(27,
            entry.charges ? std::optional<std::string_view>(entry.charges->currency().code()) : std::nullopt)
      .bindUnowned(28, entry.returnReason)
      .bindUnowned(29, entry.additionalInfo);
  BOOST_OUTCOME_TRYV(insert.run());
  ++m_report.entriesNew;
  // One text: counterparty, purpose and references, folded (a fold is letter by letter, so
  // folding the whole equals joining the folded parts).
  if (m_searchRows.empty()) {
    m_searchRows.reserve(4096);
    m_searchText.reserve(std::size_t{256} << 10);
  }
  const std::size_t offset = m_searchText.size();
  for (const std::string* part :
       {&entry.counterparty.name, &entry.purpose, &entry.reference.model, &entry.reference.number,
        &entry.debitReference.model, &entry.debitReference.number, &entry.endToEndId, &entry.bankReference}) {
    banking::appendFoldedForSearch(m_searchText, *part);
    m_searchText += ' ';
  }
  m_searchRows.push_back({key, offset, m_searchText.size() - offset});
  if (m_searchRows.size() >= kSearchBatch) {
    return flushSearchRows();
  }
  return boost::outcome_v2::success();
}

Result<StatementImport::IdentitySet*> StatementImport::identitiesOn(std::int64_t dayKey) {
  const auto [found, added] = m_scratch->identities.try_emplace(dayKey);
  if (added) {
    auto& select = m_prepared->selectIdentities;
    select.bind(1, dayKey).bind(2, dayKey + detail::kKeysPerAccountDay);
    for (;;) {
      BOOST_OUTCOME_TRY(row, select.step());
      if (!row) {
        break;
      }
      const auto bytes = select.blob(0);
      if (bytes.size() != sizeof(Identity)) {
        return fail(Errc::Database,
                    fmt::format("an entry's identity has {} bytes, not {}", bytes.size(), sizeof(Identity)));
      }
      Identity identity;
      std::copy(bytes.begin(), bytes.end(), identity.begin());
      found->second.insert(identity);
    }
    select.reset();
  }
  return &found->second;
}

Result<std::int64_t> StatementImport::nextKey(std::int64_t dayKey) {
  auto [last, added] = m_lastKeys.try_emplace(dayKey, dayKey);
  if (added) {
    auto& select = m_prepared->selectLastKey;
    select.bind(1, dayKey).bind(2, dayKey + detail::kKeysPerAccountDay);
    BOOST_OUTCOME_TRY(row, select.step());
    if (row) {
      last->second = select.integer(0);
    }
    select.reset();
  }
  if (last->second + 1 >= dayKey + detail::kKeysPerAccountDay) {
    return fail(Errc::Database, fmt::format("an account cannot hold more than {} entries of one day",
                                            detail::kKeysPerAccountDay - 1));
  }
  return ++last->second;
}

Result<void> StatementImport::flushSearchRows() {
  // FTS5 buffers index data in memory and writes a segment whenever a rowid is not above the
  // last one (and at every statement savepoint): rows in key order, all at once, keep the
  // number of segments (and later merges) small.
  std::sort(m_searchRows.begin(), m_searchRows.end(),
            [](const SearchRow& a, const SearchRow& b) { return a.key < b.key; });
  auto& fts = m_prepared->insertFts;
  for (const auto& row : m_searchRows) {
    fts.bind(1, row.key).bindUnowned(2, std::string_view(m_searchText).substr(row.offset, row.size));
    BOOST_OUTCOME_TRYV(fts.run());
  }
  m_searchRows.clear();
  m_searchText.clear();
  return boost::outcome_v2::success();
}

Result<void> StatementImport::end(const banking::StatementInfo& info) {
  if (!m_open) {
    return fail(Errc::MalformedFile, "a statement ended that never began");
  }
  // The end carries the complete info (some formats give balances after the entries);
  // the statement keeps the key it was created under.
  const auto key = std::make_tuple(m_info.number, m_info.date);
  const bool created = m_statementId.has_value();
  m_info = info;
  if (created) {
    std::tie(m_info.number, m_info.date) = key;
  }
  std::optional<banking::Currency> hint = m_info.currency;
  if (!hint && m_info.closing) {
    hint = m_info.closing->amount.currency();
  }
  BOOST_OUTCOME_TRYV(ensureAccount(hint));
  BOOST_OUTCOME_TRYV(ensureStatement());

  std::optional<banking::Money> closing;
  std::optional<banking::Date> closingDate;
  if (m_info.closing) {
    closing = m_info.closing->amount;
    closingDate = m_info.closing->date ? m_info.closing->date : m_info.date;
  } else if (m_info.opening && m_sumValid) {
    // No closing balance given: opening plus the lines.
    BOOST_OUTCOME_TRY(
        sum, m_info.opening->amount.plus(banking::Money(m_sumMinor, m_info.opening->amount.currency())));
    closing = sum;
    closingDate = m_info.date ? m_info.date : m_lastDate;
  }
  if (!closingDate) {
    closingDate = m_lastDate;
  }
  auto& update = m_prepared->finishStatement;
  update
      .bind(1,
            m_info.opening ? std::optional<std::int64_t>(m_info.opening->amount.minorUnits()) : std::nullopt)
      .bind(2, closing ? std::optional<std::int64_t>(closing->minorUnits()) : std::nullopt)
      .bind(3, m_lines)
      .bind(4, m_info.messageId)
      .bind(5, *m_statementId);
  BOOST_OUTCOME_TRYV(update.run());
  auto& count = m_prepared->countAccountDay;
  for (const auto& [dayKey, added] : m_scratch->newOnDay) {
    count.bind(1, *m_accountId).bind(2, dayKey >> 32).bind(3, added);
    BOOST_OUTCOME_TRYV(count.run());
  }
  m_scratch->newOnDay.clear();
  if (closing && closingDate) {
    auto& balance = m_prepared->recordBalance;
    balance.bind(1, *m_accountId)
        .bind(2, banking::toIsoString(*closingDate))
        .bind(3, closing->minorUnits())
        .bind(4, closing->currency().code())
        .bind(5, *m_statementId)
        .bind(6, detail::nowUtc());
    BOOST_OUTCOME_TRYV(balance.run());
  }
  ++m_report.statements;
  m_open = false;
  return boost::outcome_v2::success();
}

Result<ImportReport> StatementImport::commit(std::string_view source) {
  if (m_committed) {
    throw std::logic_error("StatementImport committed twice");
  }
  if (m_open) {
    return fail(Errc::MalformedFile, "the file ended inside a statement; nothing was imported",
                std::string(source));
  }
  if (!m_transaction) {
    m_committed = true;
    return m_report;  // the file held no statement
  }
  BOOST_OUTCOME_TRYV(flushSearchRows());
  BOOST_OUTCOME_TRYV(
      AuditLog(*m_connection)
          .append("import", source,
                  fmt::format("{} statements, {} new entries, {} already present, {} accounts added",
                              m_report.statements, m_report.entriesNew, m_report.entriesAlreadyPresent,
                              m_report.accountsCreated)));
  m_prepared.reset();
  BOOST_OUTCOME_TRYV(m_transaction->commit());
  m_transaction.reset();
  m_foreignKeysBack.reset();
  m_committed = true;
  return m_report;
}

}  // namespace platnik::storage
