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
  const auto check = services::AccountCheck::run(options.account);
  if (options.json) {
    printJson(check.toJson());
  } else if (check.valid()) {
    printResult(check.describe());
  } else {
    printProblem(check.describeError());
  }
  return check.valid() ? kExitOk : kExitInvalid;
}

}  // namespace

void registerAccount(CLI::App& app, RunState& state) {
  auto* group = app.add_subcommand("account", "Domestic account numbers");
  group->require_subcommand(1);

  auto options = std::make_shared<AccountCheckOptions>();
  auto* check = group->add_subcommand(
      "check",
      "Check a domestic account number (18 digits, short form 160-18203-69, or RS IBAN) and show its "
      "forms and bank. Exit 0 valid, 1 invalid.");
  check->add_option("ACCOUNT", options->account, "The account number")->required();
  check->add_flag("--json", options->json, "Print one JSON object (also when invalid)");
  check->callback([options, &state] { state.exitCode = runAccountCheck(*options); });
}

}  // namespace platnik::cli
