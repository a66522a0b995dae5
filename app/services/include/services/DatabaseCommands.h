#pragma once

#include "banking/Date.h"
#include "banking/Error.h"
#include "services/Json.h"
#include "services/OrderCheck.h"
#include "storage/Banks.h"
#include "storage/Contacts.h"
#include "storage/Database.h"
#include "storage/Entries.h"
#include "storage/Orders.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace platnik::services {

/// The database use cases both faces share (docs/cli.md, "Database"): each takes an open
/// storage::Database, checks what the user typed with the banking rules, and returns data or
/// the JSON object `platnik-cli --json` prints. Errors name the option ("where") they concern.

/// {"ok", "integrity_problems": [text], "audit_rows_checked", "audit_problems": [{"row", "what"}]}.
Json checkReportToJson(const storage::CheckReport& report);

/// Adds a bank by its three-digit code; an empty name takes the NBS table's name for the code.
banking::Result<storage::Bank> addBank(storage::Database& database, std::string_view code,
                                       std::string_view name, std::string_view adapter);
/// {"id", "code", "name", "adapter"}.
Json bankToJson(const storage::Bank& bank);
/// {"banks": [bank…]}, by code.
banking::Result<Json> listBanks(storage::Database& database);

/// Adds one of the company's accounts. The number must be a valid domestic account (any form
/// banking::Account::parse reads); its bank, found by the number's first three digits, must
/// already be in the bank list.
banking::Result<std::int64_t> addAccount(storage::Database& database, std::string_view number,
                                         std::string_view currency, std::string_view name);
/// {"accounts": [{"id", "number", "short", "iban", "currency", "bank_code", "bank", "name"}]}.
banking::Result<Json> listAccounts(storage::Database& database);

/// A contact as typed: every account must be a valid domestic account, the references valid
/// (banking::Reference::parse) and the payment code valid (banking::PaymentCode::parse) when given.
struct ContactInput {
  std::string name;
  std::string place;
  std::vector<std::string> accounts;
  std::string paymentCode;
  std::string purpose;
  std::string creditModel;
  std::string creditReference;
  std::string debitModel;
  std::string debitReference;
};
banking::Result<std::int64_t> addContact(storage::Database& database, const ContactInput& input);
/// {"id", "name", "place", "accounts", "payment_code", "purpose", "credit_model",
/// "credit_reference", "debit_model", "debit_reference"}.
Json contactToJson(const storage::Contact& contact);
/// {"contacts": [contact…]}.
banking::Result<Json> listContacts(storage::Database& database);

/// What `order add` did: an order whose JSON has shape problems (OrderJson) is refused and
/// `id` is unset; otherwise it is stored as a draft, and `check` says whether it is ready to
/// sign (an incomplete draft is kept, with its problems listed).
struct OrderAdd {
  std::optional<std::int64_t> id;
  OrderCheck check;
  /// {"added", "id" (null when refused), "valid", "problems": [{"field","code","message"}]}.
  [[nodiscard]] Json toJson() const;
};
banking::Result<OrderAdd> addOrder(storage::Database& database, std::string_view jsonText,
                                   banking::Date today);
/// Every field of the order (OrderJson's names) plus "id", "state", "signed", "signer",
/// "message_id", "submission_id", "bank_status", "created_at", "updated_at", and with a
/// history "history": [{"from", "to", "at", "note"}].
Json orderToJson(const storage::StoredOrder& order, const std::vector<storage::OrderStateChange>* history);
/// {"orders": [order…]} (without history), oldest first; `state` is a state name or empty.
banking::Result<Json> listOrders(storage::Database& database, std::string_view state);
/// One order with its history; NotFound when there is no such order.
banking::Result<Json> showOrder(storage::Database& database, std::int64_t id);

/// The filters and page of `entries list` and `search`, as typed.
struct EntryQuery {
  std::string account;    ///< any domestic form or IBAN of one of the company's accounts
  std::string from;       ///< ISO date, inclusive
  std::string to;         ///< ISO date, inclusive
  std::string minAmount;  ///< absolute amount ("1000", "1.000,00")
  std::string maxAmount;
  std::string direction;       ///< "in" or "out"
  std::int64_t statement = 0;  ///< only the lines of this statement (its id, listStatements); 0: all
  int limit = 50;
  int page = 0;       ///< 1-based page number; 0 means the first page or `after`
  std::string after;  ///< the "next" cursor of the previous page ("2024-03-05.514481247485953")
};
/// One page of entries, newest first: {"total", "entries": [{"id", "account", "date",
/// "statement_id", and the fields of services::entryToJson}], "next": cursor or null}.
/// With `searchText`, only entries whose counterparty, purpose or references match every
/// word (prefixes, diacritics and Cyrillic folded). Bad filters are InvalidArgument naming
/// the option.
banking::Result<Json> queryEntries(storage::Database& database, const EntryQuery& query,
                                   const std::optional<std::string>& searchText);

/// The imported statements, newest first, of one account (any form or IBAN; empty: every
/// account), at most `limit` (1 to 10000): {"statements": [{"id", "account", "number", "date",
/// "currency", "opening", "closing", "entries"}]}; opening/closing null when the file gave none.
banking::Result<Json> listStatements(storage::Database& database, std::string_view account, int limit);

/// The latest balance of every account: {"balances": [{"account", "name", "currency", "date",
/// "amount", "source"}]} (date, amount and source null when none is known).
banking::Result<Json> currentBalances(storage::Database& database);
/// One account: {"account", "name", "currency", "balance": {"date","amount","source"} or null}
/// and, with `history`, "history": [{"date","amount","source"}] oldest first within [from, to].
banking::Result<Json> accountBalance(storage::Database& database, std::string_view account, bool history,
                                     std::string_view from, std::string_view to);

}  // namespace platnik::services
