// `order add|list|show`, `entries list`, `search` and `balance`: what the database holds.
#include "Commands.h"
#include "DatabaseAccess.h"
#include "Output.h"
#include "services/DatabaseCommands.h"
#include "services/TextFile.h"
#include "services/Today.h"

#include <fmt/format.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace platnik::cli {
namespace {

using services::Json;

std::string text(const Json& value) {
  return value.is_string() ? value.get<std::string>() : std::string();
}

struct OrderOptions {
  std::string file;
  std::string state;
  std::int64_t id = 0;
  bool json = false;
};

int runOrderAdd(RunState& state, const OrderOptions& options) {
  auto content = services::readTextFile(options.file);
  if (!content) {
    printProblem(fmt::format("platnik-cli: {}\n", content.error().describe()));
    return kExitUsage;
  }
  auto database = openDatabase(state);
  if (!database) {
    return state.exitCode;
  }
  auto added = services::addOrder(*database, content.value(), services::today());
  if (!added) {
    return reportError(added.error());
  }
  const auto& result = added.value();
  if (options.json) {
    printJson(result.toJson());
  } else if (!result.id) {
    printProblem("order not added: the file is not a readable order\n" + result.check.describeProblems());
  } else if (result.check.valid()) {
    printResult(fmt::format("added order {} (draft, ready to be signed)\n", *result.id));
  } else {
    printResult(fmt::format("added order {} (draft, not yet ready to be signed):\n{}", *result.id,
                            result.check.describeProblems()));
  }
  return result.id ? kExitOk : kExitInvalid;
}

std::string orderLine(const Json& order) {
  return fmt::format("{:>5}  {:<9}  {:>15} {}  {:<18}  {}\n", order["id"].get<std::int64_t>(),
                     text(order["state"]), text(order["amount"]), text(order["currency"]),
                     text(order["recipient_account"]), text(order["recipient_name"]));
}

int runOrderList(RunState& state, const OrderOptions& options) {
  auto database = openDatabase(state);
  if (!database) {
    return state.exitCode;
  }
  auto orders = services::listOrders(*database, options.state);
  if (!orders) {
    return reportError(orders.error());
  }
  if (options.json) {
    printJson(orders.value());
    return kExitOk;
  }
  std::string out;
  for (const auto& order : orders.value()["orders"]) {
    out += orderLine(order);
  }
  printResult(out);
  return kExitOk;
}

int runOrderShow(RunState& state, const OrderOptions& options) {
  auto database = openDatabase(state);
  if (!database) {
    return state.exitCode;
  }
  auto order = services::showOrder(*database, options.id);
  if (!order) {
    return reportError(order.error());
  }
  if (options.json) {
    printJson(order.value());
    return kExitOk;
  }
  std::string out;
  for (const auto& item : order.value().items()) {
    if (item.key() == "history") {
      continue;
    }
    const auto& value = item.value();
    out += fmt::format("{:<18} {}\n", item.key() + ":",
                       value.is_string() ? value.get<std::string>()
                       : value.is_null() ? std::string()
                                         : value.dump());
  }
  out += "history:\n";
  for (const auto& change : order.value()["history"]) {
    out += fmt::format("  {}  {} -> {}{}\n", text(change["at"]),
                       change["from"].is_null() ? std::string("(new)") : text(change["from"]),
                       text(change["to"]),
                       text(change["note"]).empty() ? std::string() : "  " + text(change["note"]));
  }
  printResult(out);
  return kExitOk;
}

void registerOrderRecords(CLI::App& app, RunState& state) {
  auto* group = app.get_subcommand("order");
  auto options = std::make_shared<OrderOptions>();

  auto* add = group->add_subcommand(
      "add",
      "Store a payment order given as JSON (docs/order-json.md) in the database (--db) as a draft; list what "
      "still keeps it from being signed. Exit 1 when the file is not a readable order.");
  add->add_option("FILE", options->file, "The order's JSON file")->required();
  add->add_flag("--json", options->json, "Print one JSON object {added, id, valid, problems}");
  add->callback([options, &state] { state.exitCode = runOrderAdd(state, *options); });

  auto* list = group->add_subcommand("list", "List the stored orders, oldest first");
  list->add_option("--state", options->state, "Only orders in this state (draft, ready, signed, …)");
  list->add_flag("--json", options->json, "Print one JSON object {orders: […]}");
  list->callback([options, &state] { state.exitCode = runOrderList(state, *options); });

  auto* show = group->add_subcommand("show", "Show every field of a stored order and its state history");
  show->add_option("ID", options->id, "The order's id (order list shows it)")->required();
  show->add_flag("--json", options->json, "Print one JSON object with every field and history");
  show->callback([options, &state] { state.exitCode = runOrderShow(state, *options); });
}

struct EntryOptions {
  services::EntryQuery query;
  std::string searchText;
  bool json = false;
};

void addEntryFilters(CLI::App& command, EntryOptions& options) {
  auto& query = options.query;
  command.add_option("--account", query.account, "Only this account (any form, or IBAN)");
  command.add_option("--from", query.from, "From this booking date (YYYY-MM-DD, inclusive)");
  command.add_option("--to", query.to, "To this booking date (YYYY-MM-DD, inclusive)");
  command.add_option("--min", query.minAmount,
                     "At least this amount (absolute value, e.g. 1000 or 1.000,00)");
  command.add_option("--max", query.maxAmount, "At most this amount (absolute value)");
  command.add_option("--direction", query.direction, "in (credits) or out (debits)");
  command.add_option("--statement", query.statement,
                     "Only the lines of this statement (statement list shows its id)");
  command.add_option("--limit", query.limit, "Entries per page")->capture_default_str();
  command.add_option("--page", query.page, "Page number, from 1");
  command.add_option("--after", query.after, "Continue after this cursor (the 'next' of the previous page)");
  command.add_flag("--json", options.json, "Print one JSON object {total, entries: […], next}");
}

int runEntries(RunState& state, const EntryOptions& options, bool search) {
  if (search && options.searchText.find_first_not_of(" \t") == std::string::npos) {
    printProblem("platnik-cli: TEXT: give at least one word to search for\n");
    return kExitUsage;
  }
  auto database = openDatabase(state);
  if (!database) {
    return state.exitCode;
  }
  auto page = services::queryEntries(*database, options.query,
                                     search ? std::optional<std::string>(options.searchText) : std::nullopt);
  if (!page) {
    return reportError(page.error());
  }
  if (options.json) {
    printJson(page.value());
    return kExitOk;
  }
  std::string out;
  for (const auto& entry : page.value()["entries"]) {
    const Json counterparty = entry.contains("counterparty") ? entry["counterparty"] : Json::object();
    const std::string name = counterparty.contains("name") ? text(counterparty["name"]) : std::string();
    const std::string purpose = entry.contains("purpose") ? text(entry["purpose"]) : std::string();
    out += fmt::format("{}  {:>15} {}  {}  {:<30}  {}\n", text(entry["date"]), text(entry["amount"]),
                       text(entry["currency"]), text(entry["account"]), name, purpose);
  }
  const auto shown = page.value()["entries"].size();
  out += fmt::format("{} shown, {} in all", shown, page.value()["total"].get<std::int64_t>());
  out += page.value()["next"].is_null()
             ? std::string("\n")
             : fmt::format("; next page: --after {}\n", text(page.value()["next"]));
  printResult(out);
  return kExitOk;
}

void registerEntries(CLI::App& app, RunState& state) {
  auto* group = app.add_subcommand("entries", "Statement entries in the database");
  group->require_subcommand(1);
  auto options = std::make_shared<EntryOptions>();
  auto* list = group->add_subcommand("list", "List entries, newest first, a page at a time");
  addEntryFilters(*list, *options);
  list->callback([options, &state] { state.exitCode = runEntries(state, *options, false); });

  auto searchOptions = std::make_shared<EntryOptions>();
  auto* search = app.add_subcommand(
      "search",
      "Find entries whose counterparty, purpose or references contain every word of TEXT (word starts; "
      "\"cacak\" finds Čačak and Чачак), newest first, a page at a time");
  search->add_option("TEXT", searchOptions->searchText, "The words to look for")->required();
  addEntryFilters(*search, *searchOptions);
  search->callback([searchOptions, &state] { state.exitCode = runEntries(state, *searchOptions, true); });
}

struct BalanceOptions {
  std::string account;
  bool history = false;
  std::string from;
  std::string to;
  bool json = false;
};

std::string pointText(const Json& point) {
  return fmt::format("{}  {:>15}  ({})", text(point["date"]), text(point["amount"]), text(point["source"]));
}

int runBalance(RunState& state, const BalanceOptions& options) {
  auto database = openDatabase(state);
  if (!database) {
    return state.exitCode;
  }
  if (options.account.empty()) {
    if (options.history) {
      printProblem("platnik-cli: --history needs an ACCOUNT\n");
      return kExitUsage;
    }
    auto balances = services::currentBalances(*database);
    if (!balances) {
      return reportError(balances.error());
    }
    if (options.json) {
      printJson(balances.value());
      return kExitOk;
    }
    std::string out;
    for (const auto& item : balances.value()["balances"]) {
      out += fmt::format("{}  {}  {}  {}\n", text(item["account"]), text(item["currency"]),
                         item["amount"].is_null() ? std::string("no balance yet") : pointText(item),
                         text(item["name"]));
    }
    printResult(out);
    return kExitOk;
  }
  auto balance =
      services::accountBalance(*database, options.account, options.history, options.from, options.to);
  if (!balance) {
    return reportError(balance.error());
  }
  if (options.json) {
    printJson(balance.value());
    return kExitOk;
  }
  const auto& value = balance.value();
  std::string out =
      fmt::format("{} {}: {}\n", text(value["account"]), text(value["currency"]),
                  value["balance"].is_null() ? std::string("no balance yet") : pointText(value["balance"]));
  if (value.contains("history")) {
    for (const auto& point : value["history"]) {
      out += "  " + pointText(point) + "\n";
    }
  }
  printResult(out);
  return kExitOk;
}

void registerBalance(CLI::App& app, RunState& state) {
  auto options = std::make_shared<BalanceOptions>();
  auto* balance = app.add_subcommand(
      "balance", "The latest known balance of every account, or of ACCOUNT (with --history, one per day)");
  balance->add_option("ACCOUNT", options->account, "One of the company's accounts (any form, or IBAN)");
  balance->add_flag("--history", options->history,
                    "Also list the balance of every day known (needs ACCOUNT)");
  balance->add_option("--from", options->from, "History from this date (YYYY-MM-DD)");
  balance->add_option("--to", options->to, "History to this date (YYYY-MM-DD)");
  balance->add_flag("--json", options->json, "Print one JSON object");
  balance->callback([options, &state] { state.exitCode = runBalance(state, *options); });
}

}  // namespace

void registerRecords(CLI::App& app, RunState& state) {
  registerOrderRecords(app, state);
  registerEntries(app, state);
  registerBalance(app, state);
}

}  // namespace platnik::cli
