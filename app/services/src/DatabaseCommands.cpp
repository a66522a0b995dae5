#include "services/DatabaseCommands.h"

#include "banking/Account.h"
#include "banking/Banks.h"
#include "banking/Currency.h"
#include "banking/Money.h"
#include "banking/OrderState.h"
#include "banking/PaymentCode.h"
#include "banking/Reference.h"
#include "services/ContactBook.h"
#include "services/StatementJson.h"
#include "storage/Accounts.h"
#include "storage/Balances.h"
#include "storage/StatementSummaries.h"

#include <fmt/format.h>

#include <charconv>
#include <map>

namespace platnik::services {
namespace {

using banking::Errc;
using banking::fail;
using banking::Result;

Json nullableText(const std::string& text) {
  return text.empty() ? Json(nullptr) : Json(text);
}

/// The company's account that `text` names, or an error naming `option`.
Result<storage::StoredAccount> findAccount(storage::Database& database, std::string_view text,
                                           std::string_view option) {
  BOOST_OUTCOME_TRY(found, database.accounts().find(text));
  if (!found) {
    return fail(Errc::NotFound, fmt::format("account '{}' is not one of the company's accounts", text),
                std::string(option));
  }
  return std::move(*found);
}

Result<std::optional<banking::Date>> optionalDate(std::string_view text, std::string_view option) {
  if (text.empty()) {
    return std::optional<banking::Date>();
  }
  auto date = banking::parseIsoDate(text);
  if (!date) {
    return fail(Errc::InvalidArgument, date.error().message, std::string(option));
  }
  return std::optional<banking::Date>(date.value());
}

Result<std::optional<std::int64_t>> optionalAmount(std::string_view text, banking::Currency currency,
                                                   std::string_view option) {
  if (text.empty()) {
    return std::optional<std::int64_t>();
  }
  auto money = banking::Money::parseInput(text, currency);
  if (!money) {
    return fail(Errc::InvalidArgument, money.error().message, std::string(option));
  }
  return std::optional<std::int64_t>(money.value().abs().minorUnits());
}

std::string cursorText(const storage::EntryCursor& cursor) {
  return fmt::format("{}.{}", banking::toIsoString(cursor.date), cursor.id);
}

Result<storage::EntryCursor> parseCursor(std::string_view text) {
  const auto dot = text.find('.');
  const auto bad = [&] {
    return fail(
        Errc::InvalidArgument,
        fmt::format(
            "'{}' is not a cursor (it is the \"next\" value of a page, such as 2024-03-05.514481247485953)",
            text),
        "--after");
  };
  if (dot == std::string_view::npos) {
    return bad();
  }
  auto date = banking::parseIsoDate(text.substr(0, dot));
  const auto idText = text.substr(dot + 1);
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(idText.data(), idText.data() + idText.size(), id);
  if (!date || error != std::errc() || end != idText.data() + idText.size() || idText.empty() || id < 0) {
    return bad();
  }
  return storage::EntryCursor{date.value(), id};
}

Json balancePointJson(const storage::BalancePoint& point) {
  Json out = Json::object();
  out["date"] = banking::toIsoString(point.date);
  out["amount"] = point.amount.toString();
  out["source"] = std::string(storage::toString(point.source));
  return out;
}

}  // namespace

Json checkReportToJson(const storage::CheckReport& report) {
  Json out = Json::object();
  out["ok"] = report.ok();
  out["integrity_problems"] = Json::array();
  for (const auto& problem : report.integrityProblems) {
    out["integrity_problems"].push_back(problem);
  }
  out["audit_rows_checked"] = report.audit.rowsChecked;
  out["audit_problems"] = Json::array();
  for (const auto& problem : report.audit.problems) {
    out["audit_problems"].push_back(Json{{"row", problem.rowId}, {"what", problem.what}});
  }
  return out;
}

Result<storage::Bank> addBank(storage::Database& database, std::string_view code, std::string_view name,
                              std::string_view adapter) {
  if (code.size() != 3 || code.find_first_not_of("0123456789") != std::string_view::npos) {
    return fail(Errc::InvalidArgument,
                fmt::format("'{}' is not a bank code (three digits, such as 160)", code), "--code");
  }
  storage::Bank bank;
  bank.code = std::string(code);
  bank.name = std::string(name);
  bank.adapter = std::string(adapter);
  if (bank.name.empty()) {
    const auto known = banking::findBank(code);
    if (!known) {
      return fail(Errc::InvalidArgument,
                  fmt::format("bank code {} is not in the NBS list; give the bank's name with --name", code),
                  "--name");
    }
    bank.name = std::string(known->name);
  }
  BOOST_OUTCOME_TRY(id, database.banks().add(bank));
  bank.id = id;
  return bank;
}

Json bankToJson(const storage::Bank& bank) {
  Json out = Json::object();
  out["id"] = bank.id;
  out["code"] = bank.code;
  out["name"] = bank.name;
  out["adapter"] = bank.adapter;
  return out;
}

Result<Json> listBanks(storage::Database& database) {
  BOOST_OUTCOME_TRY(banks, database.banks().list());
  Json out = Json::object();
  out["banks"] = Json::array();
  for (const auto& bank : banks) {
    out["banks"].push_back(bankToJson(bank));
  }
  return out;
}

Result<std::int64_t> addAccount(storage::Database& database, std::string_view number,
                                std::string_view currency, std::string_view name) {
  auto account = banking::Account::parse(number);
  if (!account) {
    return fail(account.error().code, account.error().message, "account");
  }
  auto code = banking::Currency::fromCode(currency);
  if (!code) {
    return fail(code.error().code, code.error().message, "currency");
  }
  BOOST_OUTCOME_TRY(bank, database.banks().findByCode(account.value().bankCode()));
  if (!bank) {
    return fail(Errc::NotFound,
                fmt::format("bank {0} is not in the bank list; add it first with 'bank add --code {0}'",
                            account.value().bankCode()),
                "account");
  }
  return database.accounts().add(account.value().digits(), code.value(), bank->id, name);
}

Result<Json> listAccounts(storage::Database& database) {
  BOOST_OUTCOME_TRY(accounts, database.accounts().list());
  BOOST_OUTCOME_TRY(banks, database.banks().list());
  std::map<std::int64_t, const storage::Bank*> banksById;
  for (const auto& bank : banks) {
    banksById[bank.id] = &bank;
  }
  Json out = Json::object();
  out["accounts"] = Json::array();
  for (const auto& account : accounts) {
    Json item = Json::object();
    item["id"] = account.id;
    item["number"] = account.number;
    const auto parsed = banking::Account::parse(account.number);
    item["short"] = parsed ? Json(parsed.value().shortForm()) : Json(nullptr);
    item["iban"] = nullableText(account.iban);
    item["currency"] = std::string(account.currency.code());
    const auto bank = account.bankId ? banksById.find(*account.bankId) : banksById.end();
    item["bank_code"] = bank != banksById.end() ? Json(bank->second->code) : Json(nullptr);
    item["bank"] = bank != banksById.end() ? Json(bank->second->name) : Json(nullptr);
    item["name"] = account.displayName;
    out["accounts"].push_back(std::move(item));
  }
  return out;
}

Result<std::int64_t> addContact(storage::Database& database, const ContactInput& input) {
  // The checks live in ContactBook (the address book page shows each beside its field).
  BOOST_OUTCOME_TRY(contact, contactFromInput(input));
  return database.contacts().add(contact);
}

Json contactToJson(const storage::Contact& contact) {
  Json out = Json::object();
  out["id"] = contact.id;
  out["name"] = contact.name;
  out["place"] = contact.place;
  out["accounts"] = contact.accounts;
  out["payment_code"] = contact.paymentCode;
  out["purpose"] = contact.purpose;
  out["credit_model"] = contact.creditReference.model;
  out["credit_reference"] = contact.creditReference.number;
  out["debit_model"] = contact.debitReference.model;
  out["debit_reference"] = contact.debitReference.number;
  return out;
}

Result<Json> listContacts(storage::Database& database) {
  BOOST_OUTCOME_TRY(contacts, database.contacts().list());
  Json out = Json::object();
  out["contacts"] = Json::array();
  for (const auto& contact : contacts) {
    out["contacts"].push_back(contactToJson(contact));
  }
  return out;
}

Json OrderAdd::toJson() const {
  Json out = Json::object();
  out["added"] = id.has_value();
  out["id"] = id ? Json(*id) : Json(nullptr);
  out["valid"] = check.valid();
  out["problems"] = Json::array();
  for (const auto& problem : check.problems) {
    out["problems"].push_back(problem.toJson());
  }
  return out;
}

Result<OrderAdd> addOrder(storage::Database& database, std::string_view jsonText, banking::Date today) {
  OrderAdd result;
  result.check = OrderCheck::run(jsonText, today);
  if (!result.check.reading.problems.empty()) {
    return result;
  }
  BOOST_OUTCOME_TRY(id, database.orders().add(result.check.reading.order));
  result.id = id;
  return result;
}

Json orderToJson(const storage::StoredOrder& order, const std::vector<storage::OrderStateChange>* history) {
  Json out = Json::object();
  out["id"] = order.id;
  out["state"] = std::string(banking::toString(order.state));
  const Json fields = OrderJson::write(order.order);
  for (const auto& item : fields.items()) {
    out[item.key()] = item.value();
  }
  out["signed"] = !order.signature.empty();
  out["signer"] = nullableText(order.signer);
  out["message_id"] = nullableText(order.messageId);
  out["submission_id"] = nullableText(order.submissionId);
  out["bank_status"] = nullableText(order.bankStatus);
  out["created_at"] = order.createdAt;
  out["updated_at"] = order.updatedAt;
  if (history) {
    out["history"] = Json::array();
    for (const auto& change : *history) {
      Json item = Json::object();
      item["from"] = change.from ? Json(std::string(banking::toString(*change.from))) : Json(nullptr);
      item["to"] = std::string(banking::toString(change.to));
      item["at"] = change.at;
      item["note"] = change.note;
      out["history"].push_back(std::move(item));
    }
  }
  return out;
}

Result<Json> listOrders(storage::Database& database, std::string_view state) {
  std::optional<banking::OrderState> filter;
  if (!state.empty()) {
    filter = banking::orderStateFromString(state);
    if (!filter) {
      return fail(Errc::InvalidArgument,
                  fmt::format("'{}' is not an order state (draft, ready, signed, queued, sending, delivered, "
                              "accepted, rejected, executed, cancelled, unknown)",
                              state),
                  "--state");
    }
  }
  BOOST_OUTCOME_TRY(orders, database.orders().list(filter));
  Json out = Json::object();
  out["orders"] = Json::array();
  for (const auto& order : orders) {
    out["orders"].push_back(orderToJson(order, nullptr));
  }
  return out;
}

Result<Json> showOrder(storage::Database& database, std::int64_t id) {
  BOOST_OUTCOME_TRY(order, database.orders().get(id));
  BOOST_OUTCOME_TRY(history, database.orders().history(id));
  return orderToJson(order, &history);
}

Result<Json> listStatements(storage::Database& database, std::string_view account, int limit) {
  std::optional<std::int64_t> accountId;
  if (!account.empty()) {
    BOOST_OUTCOME_TRY(found, findAccount(database, account, "--account"));
    accountId = found.id;
  }
  if (limit < 1 || limit > 10000) {
    return fail(Errc::InvalidArgument, "a list holds 1 to 10000 statements", "--limit");
  }
  BOOST_OUTCOME_TRY(summaries, storage::listStatementSummaries(database, accountId, limit));
  BOOST_OUTCOME_TRY(accounts, database.accounts().list());
  std::map<std::int64_t, std::string> numbers;
  for (const auto& each : accounts) {
    numbers.emplace(each.id, each.number);
  }
  const auto amount = [](const std::optional<banking::Money>& money) {
    return money ? Json(money->toString()) : Json(nullptr);
  };
  Json out = Json::object();
  out["statements"] = Json::array();
  for (const auto& summary : summaries) {
    Json item = Json::object();
    item["id"] = summary.id;
    item["account"] = numbers.at(summary.accountId);  // a foreign key: always there
    item["number"] = summary.number;
    item["date"] = banking::toIsoString(summary.date);
    item["currency"] = std::string(summary.currency.code());
    item["opening"] = amount(summary.opening);
    item["closing"] = amount(summary.closing);
    item["entries"] = summary.entryCount;
    out["statements"].push_back(std::move(item));
  }
  return out;
}

Result<Json> queryEntries(storage::Database& database, const EntryQuery& query,
                          const std::optional<std::string>& searchText) {
  storage::EntryFilter filter;
  banking::Currency currency = banking::Currency::rsd();
  if (!query.account.empty()) {
    BOOST_OUTCOME_TRY(account, findAccount(database, query.account, "--account"));
    filter.accountId = account.id;
    currency = account.currency;
  }
  BOOST_OUTCOME_TRY(from, optionalDate(query.from, "--from"));
  BOOST_OUTCOME_TRY(to, optionalDate(query.to, "--to"));
  filter.from = from;
  filter.to = to;
  if (from && to && *from > *to) {
    return fail(Errc::InvalidArgument, "the date range ends before it starts", "--to");
  }
  BOOST_OUTCOME_TRY(minAmount, optionalAmount(query.minAmount, currency, "--min"));
  BOOST_OUTCOME_TRY(maxAmount, optionalAmount(query.maxAmount, currency, "--max"));
  filter.minAmount = minAmount;
  filter.maxAmount = maxAmount;
  if (query.direction == "in") {
    filter.direction = storage::Direction::Incoming;
  } else if (query.direction == "out") {
    filter.direction = storage::Direction::Outgoing;
  } else if (!query.direction.empty()) {
    return fail(Errc::InvalidArgument, fmt::format("'{}' is not a direction (in or out)", query.direction),
                "--direction");
  }
  if (query.statement < 0) {
    return fail(Errc::InvalidArgument, "a statement id is a positive number (statement list shows it)",
                "--statement");
  }
  if (query.statement > 0) {
    filter.statementId = query.statement;
  }
  storage::PageRequest page;
  if (query.limit < 1 || query.limit > 10000) {
    return fail(Errc::InvalidArgument, "a page holds 1 to 10000 entries", "--limit");
  }
  page.limit = query.limit;
  if (query.page < 0) {
    return fail(Errc::InvalidArgument, "pages are numbered from 1", "--page");
  }
  if (query.page > 0 && !query.after.empty()) {
    return fail(Errc::InvalidArgument, "give either --page or --after, not both", "--page");
  }
  if (query.page > 0) {
    page.offset = static_cast<std::int64_t>(query.page - 1) * query.limit;
  }
  if (!query.after.empty()) {
    BOOST_OUTCOME_TRY(cursor, parseCursor(query.after));
    page.after = cursor;
  }

  storage::EntryPage result;
  std::int64_t total = 0;
  if (searchText) {
    auto found = database.entries().search(*searchText, filter, page);
    if (!found) {
      auto error = found.error();
      if (error.code == Errc::InvalidArgument && error.where.empty()) {
        error.where = "TEXT";
      }
      return error;
    }
    result = std::move(found).value();
    BOOST_OUTCOME_TRY(count, database.entries().countMatches(*searchText, filter));
    total = count;
  } else {
    BOOST_OUTCOME_TRY(listed, database.entries().list(filter, page));
    result = std::move(listed);
    BOOST_OUTCOME_TRY(count, database.entries().count(filter));
    total = count;
  }

  BOOST_OUTCOME_TRY(accounts, database.accounts().list());
  std::map<std::int64_t, std::string> numbers;
  for (const auto& account : accounts) {
    numbers[account.id] = account.number;
  }
  Json out = Json::object();
  out["total"] = total;
  out["entries"] = Json::array();
  for (const auto& stored : result.entries) {
    Json item = Json::object();
    item["id"] = stored.id;
    item["account"] = numbers[stored.accountId];
    item["date"] = banking::toIsoString(stored.date);
    item["statement_id"] = stored.statementId;
    const Json fields = entryToJson(stored.entry);
    for (const auto& field : fields.items()) {
      item[field.key()] = field.value();
    }
    out["entries"].push_back(std::move(item));
  }
  out["next"] = result.next ? Json(cursorText(*result.next)) : Json(nullptr);
  return out;
}

Result<Json> currentBalances(storage::Database& database) {
  BOOST_OUTCOME_TRY(accounts, database.accounts().list());
  Json out = Json::object();
  out["balances"] = Json::array();
  for (const auto& account : accounts) {
    BOOST_OUTCOME_TRY(point, database.balances().current(account.id));
    Json item = Json::object();
    item["account"] = account.number;
    item["name"] = account.displayName;
    item["currency"] = std::string(account.currency.code());
    item["date"] = point ? Json(banking::toIsoString(point->date)) : Json(nullptr);
    item["amount"] = point ? Json(point->amount.toString()) : Json(nullptr);
    item["source"] = point ? Json(std::string(storage::toString(point->source))) : Json(nullptr);
    out["balances"].push_back(std::move(item));
  }
  return out;
}

Result<Json> accountBalance(storage::Database& database, std::string_view account, bool history,
                            std::string_view from, std::string_view to) {
  BOOST_OUTCOME_TRY(stored, findAccount(database, account, "ACCOUNT"));
  BOOST_OUTCOME_TRY(fromDate, optionalDate(from, "--from"));
  BOOST_OUTCOME_TRY(toDate, optionalDate(to, "--to"));
  BOOST_OUTCOME_TRY(point, database.balances().current(stored.id));
  Json out = Json::object();
  out["account"] = stored.number;
  out["name"] = stored.displayName;
  out["currency"] = std::string(stored.currency.code());
  out["balance"] = point ? balancePointJson(*point) : Json(nullptr);
  if (history) {
    BOOST_OUTCOME_TRY(points, database.balances().history(stored.id, fromDate, toDate));
    out["history"] = Json::array();
    for (const auto& item : points) {
      out["history"].push_back(balancePointJson(item));
    }
  }
  return out;
}

}  // namespace platnik::services
