// `db`, `bank`, `contact` and `account add|list`: the company database and its lists.
#include "Commands.h"
#include "DatabaseAccess.h"
#include "Output.h"
#include "services/DatabaseCommands.h"

#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

namespace platnik::cli {
namespace {

struct DbOptions {
  std::string path;  ///< DEST or SRC
  bool json = false;
};

int runInit(RunState& state) {
  auto database = openDatabase(state, true);
  if (!database) {
    return state.exitCode;
  }
  printResult(fmt::format("database {} is ready (schema {})\n", database->path().string(),
                          database->schemaVersion()));
  return kExitOk;
}

int runCheck(RunState& state, const DbOptions& options) {
  auto database = openDatabase(state);
  if (!database) {
    return state.exitCode;
  }
  auto report = database->check();
  if (!report) {
    return reportError(report.error());
  }
  if (options.json) {
    printJson(services::checkReportToJson(report.value()));
  } else if (report.value().ok()) {
    printResult(fmt::format("ok: integrity checked, audit log of {} rows intact\n",
                            report.value().audit.rowsChecked));
  } else {
    printProblem(report.value().describe());
  }
  return report.value().ok() ? kExitOk : kExitInvalid;
}

int runBackup(RunState& state, const DbOptions& options) {
  auto database = openDatabase(state);
  if (!database) {
    return state.exitCode;
  }
  if (auto done = database->backup(options.path); !done) {
    return reportError(done.error());
  }
  printResult(fmt::format("backup written to {} and checked\n", options.path));
  return kExitOk;
}

int runRestore(RunState& state, const DbOptions& options) {
  auto database = openDatabase(state);
  if (!database) {
    return state.exitCode;
  }
  if (auto done = database->restore(options.path); !done) {
    return reportError(done.error());
  }
  printResult(fmt::format("database {} restored from {}\n", database->path().string(), options.path));
  return kExitOk;
}

void registerDb(CLI::App& app, RunState& state) {
  auto* group = app.add_subcommand("db", "The company database (--db FILE): create, check, back up, restore");
  group->require_subcommand(1);
  auto options = std::make_shared<DbOptions>();

  group->add_subcommand("init", "Create the database (or open and migrate the one already there)")
      ->callback([&state] { state.exitCode = runInit(state); });

  auto* check = group->add_subcommand(
      "check",
      "Check the file's integrity, foreign keys and the audit log's hash chain; list every problem. "
      "Exit 0 ok, 1 problems found.");
  check->add_flag("--json", options->json,
                  "Print one JSON object {ok, integrity_problems, audit_problems, …}");
  check->callback([options, &state] { state.exitCode = runCheck(state, *options); });

  auto* backup = group->add_subcommand(
      "backup",
      "Copy the database to DEST while it stays usable; the copy is checked before it is put in place");
  backup->add_option("DEST", options->path, "The backup file to write")->required();
  backup->callback([options, &state] { state.exitCode = runBackup(state, *options); });

  auto* restore = group->add_subcommand(
      "restore", "Replace the database's content with the backup SRC, after checking the backup");
  restore->add_option("SRC", options->path, "The backup file to restore")->required();
  restore->callback([options, &state] { state.exitCode = runRestore(state, *options); });
}

struct BankOptions {
  std::string code;
  std::string name;
  std::string adapter = "file";
  bool json = false;
};

int runBankAdd(RunState& state, const BankOptions& options) {
  auto database = openDatabase(state);
  if (!database) {
    return state.exitCode;
  }
  auto bank = services::addBank(*database, options.code, options.name, options.adapter);
  if (!bank) {
    return reportError(bank.error());
  }
  if (options.json) {
    printJson(services::bankToJson(bank.value()));
  } else {
    printResult(fmt::format("added bank {} {} (adapter {}, id {})\n", bank.value().code, bank.value().name,
                            bank.value().adapter, bank.value().id));
  }
  return kExitOk;
}

int runBankList(RunState& state, bool json) {
  auto database = openDatabase(state);
  if (!database) {
    return state.exitCode;
  }
  auto banks = services::listBanks(*database);
  if (!banks) {
    return reportError(banks.error());
  }
  if (json) {
    printJson(banks.value());
    return kExitOk;
  }
  std::string text;
  for (const auto& bank : banks.value()["banks"]) {
    text += fmt::format("{}  {:<30}  {}\n", bank["code"].get<std::string>(), bank["name"].get<std::string>(),
                        bank["adapter"].get<std::string>());
  }
  printResult(text);
  return kExitOk;
}

void registerBank(CLI::App& app, RunState& state) {
  auto* group = app.add_subcommand("bank", "The banks the company works with");
  group->require_subcommand(1);
  auto options = std::make_shared<BankOptions>();

  auto* add = group->add_subcommand("add", "Add a bank by its three-digit code. Exit 1 when refused.");
  add->add_option("--code", options->code, "The bank's code, the first three digits of its accounts (160)")
      ->required();
  add->add_option("--name", options->name, "The bank's name (default: the NBS list's name for the code)");
  add->add_option("--adapter", options->adapter, "How the bank is reached: file, iso20022, halcom, …")
      ->capture_default_str();
  add->add_flag("--json", options->json, "Print the added bank as one JSON object");
  add->callback([options, &state] { state.exitCode = runBankAdd(state, *options); });

  auto* list = group->add_subcommand("list", "List the banks by code");
  list->add_flag("--json", options->json, "Print one JSON object {banks: […]}");
  list->callback([options, &state] { state.exitCode = runBankList(state, options->json); });
}

struct AccountOptions {
  std::string number;
  std::string currency = "RSD";
  std::string name;
  bool json = false;
};

int runAccountAdd(RunState& state, const AccountOptions& options) {
  auto database = openDatabase(state);
  if (!database) {
    return state.exitCode;
  }
  auto id = services::addAccount(*database, options.number, options.currency, options.name);
  if (!id) {
    return reportError(id.error());
  }
  auto accounts = services::listAccounts(*database);
  if (!accounts) {
    return reportError(accounts.error());
  }
  for (const auto& account : accounts.value()["accounts"]) {
    if (account["id"] == id.value()) {
      if (options.json) {
        printJson(account);
      } else {
        printResult(fmt::format("added account {} ({} {}) at {} (id {})\n",
                                account["number"].get<std::string>(), account["short"].get<std::string>(),
                                account["currency"].get<std::string>(), account["bank"].get<std::string>(),
                                id.value()));
      }
    }
  }
  return kExitOk;
}

int runAccountList(RunState& state, bool json) {
  auto database = openDatabase(state);
  if (!database) {
    return state.exitCode;
  }
  auto accounts = services::listAccounts(*database);
  if (!accounts) {
    return reportError(accounts.error());
  }
  if (json) {
    printJson(accounts.value());
    return kExitOk;
  }
  std::string text;
  for (const auto& account : accounts.value()["accounts"]) {
    const auto bank = account["bank"].is_null() ? std::string("-")
                                                : fmt::format("{} ({})", account["bank"].get<std::string>(),
                                                              account["bank_code"].get<std::string>());
    text += fmt::format("{}  {}  {:<28}  {}\n", account["number"].get<std::string>(),
                        account["currency"].get<std::string>(), bank, account["name"].get<std::string>());
  }
  printResult(text);
  return kExitOk;
}

void registerAccountAddList(CLI::App& app, RunState& state) {
  auto* group = app.get_subcommand("account");
  auto options = std::make_shared<AccountOptions>();

  auto* add = group->add_subcommand(
      "add",
      "Add one of the company's accounts (--db). The bank is the one whose code the number starts with; "
      "add it first with 'bank add'. Exit 1 when refused (invalid number, unknown bank, already there).");
  add->add_option("NUMBER", options->number, "The account: 18 digits, short form 160-182039-69, or RS IBAN")
      ->required();
  add->add_option("--currency", options->currency, "The account's currency (ISO 4217)")
      ->capture_default_str();
  add->add_option("--name", options->name, "A name to show for the account");
  add->add_flag("--json", options->json, "Print the added account as one JSON object");
  add->callback([options, &state] { state.exitCode = runAccountAdd(state, *options); });

  auto* list = group->add_subcommand("list", "List the company's accounts (--db)");
  list->add_flag("--json", options->json, "Print one JSON object {accounts: […]}");
  list->callback([options, &state] { state.exitCode = runAccountList(state, options->json); });
}

struct ContactOptions {
  services::ContactInput input;
  bool json = false;
};

int runContactAdd(RunState& state, const ContactOptions& options) {
  auto database = openDatabase(state);
  if (!database) {
    return state.exitCode;
  }
  auto id = services::addContact(*database, options.input);
  if (!id) {
    return reportError(id.error());
  }
  auto contact = database->contacts().get(id.value());
  if (!contact) {
    return reportError(contact.error());
  }
  if (options.json) {
    printJson(services::contactToJson(contact.value()));
  } else {
    printResult(fmt::format("added contact {} (id {})\n", contact.value().name, id.value()));
  }
  return kExitOk;
}

int runContactList(RunState& state, bool json) {
  auto database = openDatabase(state);
  if (!database) {
    return state.exitCode;
  }
  auto contacts = services::listContacts(*database);
  if (!contacts) {
    return reportError(contacts.error());
  }
  if (json) {
    printJson(contacts.value());
    return kExitOk;
  }
  std::string text;
  for (const auto& contact : contacts.value()["contacts"]) {
    std::string accounts;
    for (const auto& account : contact["accounts"]) {
      accounts += (accounts.empty() ? "" : ", ") + account.get<std::string>();
    }
    const auto place = contact["place"].get<std::string>();
    text += fmt::format("{:>4}  {}{}  {}\n", contact["id"].get<std::int64_t>(),
                        contact["name"].get<std::string>(), place.empty() ? "" : ", " + place,
                        accounts.empty() ? "-" : accounts);
  }
  printResult(text);
  return kExitOk;
}

void registerContact(CLI::App& app, RunState& state) {
  auto* group = app.add_subcommand("contact", "The address book of counterparties");
  group->require_subcommand(1);
  auto options = std::make_shared<ContactOptions>();
  auto& input = options->input;

  auto* add =
      group->add_subcommand("add", "Add a contact. Exit 1 when refused (an invalid account or reference).");
  add->add_option("--name", input.name, "The counterparty's name")->required();
  add->add_option("--place", input.place, "Its place");
  add->add_option("--account", input.accounts,
                  "Its domestic account (repeat for more; the first is the default)");
  add->add_option("--payment-code", input.paymentCode, "Default payment code (šifra plaćanja), e.g. 221");
  add->add_option("--purpose", input.purpose, "Default purpose of payment");
  add->add_option("--credit-model", input.creditModel, "Default model of the credit reference (97, 00, …)");
  add->add_option("--credit-reference", input.creditReference, "Default credit reference (poziv na broj)");
  add->add_option("--debit-model", input.debitModel, "Default model of the debit reference");
  add->add_option("--debit-reference", input.debitReference, "Default debit reference");
  add->add_flag("--json", options->json, "Print the added contact as one JSON object");
  add->callback([options, &state] { state.exitCode = runContactAdd(state, *options); });

  auto* list = group->add_subcommand("list", "List the contacts by name");
  list->add_flag("--json", options->json, "Print one JSON object {contacts: […]}");
  list->callback([options, &state] { state.exitCode = runContactList(state, options->json); });
}

}  // namespace

void registerDatabase(CLI::App& app, RunState& state) {
  registerDb(app, state);
  registerBank(app, state);
  registerAccountAddList(app, state);
  registerContact(app, state);
}

}  // namespace platnik::cli
