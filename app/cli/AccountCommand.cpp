#include "Commands.h"
#include "Output.h"
#include "services/AccountCheck.h"

#include <memory>
#include <string>

namespace platnik::cli {
namespace {

struct AccountCheckOptions {
  std::string account;
  bool json = false;
};

int runAccountCheck(const AccountCheckOptions& options) {
  return reportCheck(services::AccountCheck::run(options.account), options.json);
}

}  // namespace

void registerAccount(CLI::App& app, RunState& state) {
  auto* group = app.add_subcommand("account", "Domestic account numbers");
  group->require_subcommand(1);

  auto options = std::make_shared<AccountCheckOptions>();
  auto* check = group->add_subcommand(
      "check",
      "Check a domestic account number (18 digits, short form 160-182039-69, or RS IBAN) and show its "
      "forms and bank. Exit 0 valid, 1 invalid.");
  check->add_option("ACCOUNT", options->account, "The account number")->required();
  check->add_flag("--json", options->json, "Print one JSON object (also when invalid)");
  check->callback([options, &state] { state.exitCode = runAccountCheck(*options); });
}

}  // namespace platnik::cli
