#include "Commands.h"
#include "Output.h"
#include "crypto/Certificate.h"
#include "services/Demo.h"
#include "services/Today.h"

#include <fmt/format.h>

#include <memory>
#include <string>

namespace platnik::cli {
namespace {

int runDemoCreate(const std::filesystem::path& folder) {
  const auto where = folder.empty() ? services::defaultDemoFolder() : folder;
  auto report = services::createDemo(where, services::today(), crypto::systemNow());
  if (!report) {
    printProblem(fmt::format("cannot make the demo: {}\n", report.error().describe()));
    return report.error().code == banking::Errc::InvalidState ? kExitInvalid : kExitUsage;
  }
  printResult(report.value().describe());
  printResult(
      fmt::format("Open it with: platnik --demo   (or: SOFTHSM2_CONF={} platnik-cli --db {} --module {} …)\n",
                  report.value().paths.tokenConfig.string(), report.value().paths.database.string(),
                  report.value().module));
  return kExitOk;
}

}  // namespace

void registerDemo(CLI::App& app, RunState& state) {
  auto* group = app.add_subcommand("demo", "The built-in demo: a demo company with a demo token");
  group->require_subcommand(1);
  auto folder = std::make_shared<std::filesystem::path>();
  auto* create = group->add_subcommand(
      "create",
      "Make the demo in DIR (default $XDG_DATA_HOME/platnik/demo): database, SoftHSM2 token and demo CA. "
      "Exit 0 made, 1 a demo or other files are already there, 2 cannot make it.");
  create->add_option("DIR", *folder, "A new or empty folder");
  create->callback([folder, &state] { state.exitCode = runDemoCreate(*folder); });
}

}  // namespace platnik::cli
