#include "Commands.h"
#include "Output.h"
#include "services/ReferenceCheck.h"

#include <memory>
#include <string>

namespace platnik::cli {
namespace {

struct ReferenceCheckOptions {
  std::string model;
  std::string reference;
  bool json = false;
};

int runReferenceCheck(const ReferenceCheckOptions& options) {
  return reportCheck(services::ReferenceCheck::run(options.model, options.reference), options.json);
}

}  // namespace

void registerReference(CLI::App& app, RunState& state) {
  auto* group = app.add_subcommand("reference", "Payment references (model and \"poziv na broj\")");
  group->require_subcommand(1);

  auto options = std::make_shared<ReferenceCheckOptions>();
  auto* check = group->add_subcommand(
      "check",
      "Check a model and reference as strictly as an order's; for model 97 with wrong control digits, "
      "show the right ones. Exit 0 valid, 1 invalid.");
  check->add_option("MODEL", options->model, "The two-digit model (97, 00, …)")->required();
  check->add_option("REFERENCE", options->reference, "The reference, up to 23 characters")->required();
  check->add_flag("--json", options->json, "Print one JSON object (also when invalid)");
  check->callback([options, &state] { state.exitCode = runReferenceCheck(*options); });
}

}  // namespace platnik::cli
