#include "Commands.h"
#include "Output.h"
#include "banking/Date.h"
#include "services/OrderCheck.h"
#include "services/TextFile.h"
#include "services/Today.h"

#include <fmt/format.h>

#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>

namespace platnik::cli {
namespace {

struct OrderValidateOptions {
  std::string file;
  std::string today;
  bool json = false;
};

std::optional<std::string> readInput(const std::string& file) {
  if (file == "-") {
    std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    if (std::cin.bad()) {
      printProblem("platnik-cli: cannot read the order from standard input\n");
      return std::nullopt;
    }
    return text;
  }
  auto text = services::readTextFile(file);
  if (!text) {
    printProblem(fmt::format("platnik-cli: {}\n", text.error().describe()));
    return std::nullopt;
  }
  return std::move(text).value();
}

int runOrderValidate(const OrderValidateOptions& options) {
  banking::Date today = services::today();
  if (!options.today.empty()) {
    auto date = banking::parseIsoDate(options.today);
    if (!date) {
      printProblem(fmt::format("platnik-cli: --today: {}\n", date.error().message));
      return kExitUsage;
    }
    today = date.value();
  }
  const auto text = readInput(options.file);
  if (!text) {
    return kExitUsage;
  }
  const auto check = services::OrderCheck::run(*text, today);
  if (options.json) {
    printJson(check.toJson());
  } else if (check.valid()) {
    printResult(check.describe());
  } else {
    printProblem(check.describeProblems());
  }
  return check.valid() ? kExitOk : kExitInvalid;
}

}  // namespace

void registerOrder(CLI::App& app, RunState& state) {
  auto* group = app.add_subcommand("order", "Payment orders");
  group->require_subcommand(1);

  auto options = std::make_shared<OrderValidateOptions>();
  auto* validate = group->add_subcommand(
      "validate",
      "Validate a payment order given as JSON (docs/order-json.md) and print every problem. "
      "Exit 0 valid, 1 invalid, 2 file cannot be read.");
  validate->add_option("FILE", options->file, "The order's JSON file; - reads standard input")->required();
  validate->add_option("--today", options->today,
                       "Judge execution dates as if today were this date (YYYY-MM-DD)");
  validate->add_flag("--json", options->json,
                     "Print one JSON object {valid, route, problems} (also when invalid)");
  validate->callback([options, &state] { state.exitCode = runOrderValidate(*options); });
}

}  // namespace platnik::cli
