// token list, pin change, pin unblock.
#include "CliInteraction.h"
#include "Commands.h"
#include "Output.h"
#include "services/TokenAccess.h"
#include "services/TokenWork.h"

#include <fmt/format.h>

#include <memory>

namespace platnik::cli {
namespace {

int runTokenList(const RunState& state, bool json) {
  auto modules = services::loadModules(state.module);
  if (!modules) {
    printProblem(fmt::format("platnik-cli: {}\n", modules.error().describe()));
    return exitCodeFor(modules.error());
  }
  auto tokens = services::listTokens(modules.value());
  if (!tokens) {
    printProblem(fmt::format("platnik-cli: {}\n", tokens.error().describe()));
    return exitCodeFor(tokens.error());
  }
  if (json) {
    printJson(services::tokensJson(tokens.value()));
  } else {
    printResult(services::describeTokens(tokens.value()));
  }
  return kExitOk;
}

int runPin(const RunState& state, const TokenOptions& options, bool unblock) {
  auto token = services::openToken(state.module, options.token);
  if (!token) {
    printProblem(fmt::format("platnik-cli: {}\n", token.error().describe()));
    return exitCodeFor(token.error());
  }
  crypto::TokenSession& session = token.value().session;
  CliInteraction ui{options};
  banking::Result<void> done = boost::outcome_v2::success();
  if (unblock) {
    done = services::unblockWithPuk(session, ui);
  } else {
    done = session.changePin(ui);
  }
  if (!done) {
    printProblem(fmt::format("platnik-cli: {}\n", done.error().describe()));
    return exitCodeFor(done.error());
  }
  printResult(
      fmt::format("{}: the PIN of token '{}' is changed\n", unblock ? "unblocked" : "done", session.label()));
  return kExitOk;
}

}  // namespace

void registerToken(CLI::App& app, RunState& state) {
  auto* group = app.add_subcommand("token", "Security tokens (smart cards, USB tokens) and their readers");
  group->require_subcommand(1);
  auto json = std::make_shared<bool>(false);
  auto* list =
      group->add_subcommand("list", "List every reader (slot) and the token in it, with the PIN state");
  list->add_flag("--json", *json, "Print one JSON object {tokens: [...]}");
  list->callback([json, &state] { state.exitCode = runTokenList(state, *json); });
}

void registerPin(CLI::App& app, RunState& state) {
  auto* group = app.add_subcommand("pin", "The token's PIN");
  group->require_subcommand(1);

  auto change = std::make_shared<TokenOptions>();
  auto* changeCommand = group->add_subcommand(
      "change",
      "Change the PIN: asks the current PIN and the new one twice (or reads them from descriptors)");
  addTokenOptions(*changeCommand, *change, true, true);
  changeCommand->callback([change, &state] { state.exitCode = runPin(state, *change, false); });

  auto unblock = std::make_shared<TokenOptions>();
  auto* unblockCommand =
      group->add_subcommand("unblock", "Unblock a locked PIN with the PUK and set a new PIN");
  addTokenOptions(*unblockCommand, *unblock, false, true, true);
  unblockCommand->callback([unblock, &state] { state.exitCode = runPin(state, *unblock, true); });
}

}  // namespace platnik::cli
