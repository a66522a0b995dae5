// `order import|export`: payment-order files (Halcom TXT, pain.001) into and out of the
// company database. Added to the `order` group made by OrderCommand.cpp.
#include "Commands.h"
#include "DatabaseAccess.h"
#include "Output.h"
#include "banking/Date.h"
#include "banking/OrderState.h"
#include "services/OrderFiles.h"
#include "services/Today.h"

#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace platnik::cli {
namespace {

struct ImportOptions {
  std::string file;
  std::string today;
  bool json = false;
};

struct ExportOptions {
  std::string format;
  std::string state;
  std::vector<std::int64_t> ids;
  std::string out;
  std::string today;
};

std::optional<banking::Date> todayOption(const std::string& text) {
  if (text.empty()) {
    return services::today();
  }
  auto date = banking::parseIsoDate(text);
  if (!date) {
    printProblem(fmt::format("platnik-cli: --today: {}\n", date.error().message));
    return std::nullopt;
  }
  return date.value();
}

int runImport(const ImportOptions& options, RunState& state) {
  const auto today = todayOption(options.today);
  if (!today) {
    return kExitUsage;
  }
  auto database = openDatabase(state, true);
  if (!database) {
    return state.exitCode;
  }
  auto report = services::importOrderFile(*database, options.file, *today);
  if (!report) {
    printProblem(fmt::format("platnik-cli: {}: not imported (nothing of it was kept): {}\n", options.file,
                             report.error().describe()));
    return report.error().code == banking::Errc::Io ? kExitUsage : kExitInvalid;
  }
  const auto& done = report.value();
  if (options.json) {
    printJson(done.toJson());
    return kExitOk;
  }
  std::string text;
  std::string problems;
  for (const auto& order : done.orders) {
    text +=
        fmt::format("order {} ({}): draft, {}\n", order.id, order.source,
                    order.problems.empty() ? "valid" : fmt::format("{} problem(s)", order.problems.size()));
    for (const auto& problem : order.problems) {
      problems += fmt::format("order {} ({}): {}\n", order.id, order.source, problem.describe());
    }
  }
  text += fmt::format("{} order(s) imported as drafts from {}, {} with problems\n", done.orders.size(),
                      banking::formats::formatName(done.format), done.withProblems());
  printResult(text);
  if (!problems.empty()) {
    printProblem(problems);
  }
  return kExitOk;
}

int runExport(const ExportOptions& options, RunState& runState) {
  services::OrderExportRequest request;
  const auto format = services::orderExportFormatFromName(options.format);
  if (!format) {
    printProblem(fmt::format(
        "platnik-cli: --format: unknown order format '{}' (pain.001.001.03, pain.001.001.09, halcom-txt)\n",
        options.format));
    return kExitUsage;
  }
  request.format = *format;
  if (!options.state.empty()) {
    const auto state = banking::orderStateFromString(options.state);
    if (!state || (*state != banking::OrderState::Signed && *state != banking::OrderState::Ready)) {
      printProblem(fmt::format("platnik-cli: --state: '{}' is not signed or ready\n", options.state));
      return kExitUsage;
    }
    request.state = state;
  }
  request.ids = options.ids;
  const auto today = todayOption(options.today);
  if (!today) {
    return kExitUsage;
  }
  request.today = *today;
  request.now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());

  auto database = openDatabase(runState, false);
  if (!database) {
    return runState.exitCode;
  }
  auto exported = services::exportOrders(*database, request);
  if (!exported) {
    printProblem(fmt::format("platnik-cli: cannot export: {}\n", exported.error().describe()));
    return kExitInvalid;
  }
  const auto& result = exported.value();
  if (!result.refused.empty()) {
    std::string text;
    for (const auto& refused : result.refused) {
      for (const auto& problem : refused.problems) {
        text += fmt::format("order {}: {}\n", refused.id, problem.describe());
      }
    }
    text += fmt::format("{} order(s) not valid; nothing was written\n", result.refused.size());
    printProblem(text);
    return kExitInvalid;
  }
  if (options.out.empty()) {
    std::cout << result.content << std::flush;
    return kExitOk;
  }
  std::ofstream out(options.out, std::ios::binary | std::ios::trunc);
  out << result.content;
  out.close();
  if (!out) {
    printProblem(fmt::format("platnik-cli: {}: cannot write the file\n", options.out));
    return kExitUsage;
  }
  printResult(fmt::format("{} order(s) written to {}\n", result.written.size(), options.out));
  return kExitOk;
}

}  // namespace

void registerOrderFiles(CLI::App& app, RunState& state) {
  auto* group = app.get_subcommand("order");

  auto importOptions = std::make_shared<ImportOptions>();
  auto* importCommand = group->add_subcommand(
      "import",
      "Import a payment-order file (Halcom TXT orders or pain.001) into the database (--db): every order "
      "becomes a draft and its problems are listed; the whole file or nothing. "
      "Exit 0 imported, 1 malformed file, 2 file or database cannot be opened.");
  importCommand->add_option("FILE", importOptions->file, "The order file")->required();
  importCommand->add_option("--today", importOptions->today,
                            "Judge execution dates as if today were this date");
  importCommand->add_flag("--json", importOptions->json,
                          "Print one JSON object with every order and its problems");
  importCommand->callback([importOptions, &state] { state.exitCode = runImport(*importOptions, state); });

  auto exportOptions = std::make_shared<ExportOptions>();
  auto* exportCommand = group->add_subcommand(
      "export",
      "Write orders from the database (default: every signed order) as pain.001 or a Halcom TXT order "
      "file. Exit 0 written, 1 an order is not valid (nothing written), 2 usage.");
  exportCommand
      ->add_option("--format", exportOptions->format, "pain.001.001.03, pain.001.001.09 or halcom-txt")
      ->required();
  exportCommand->add_option("--state", exportOptions->state, "Only orders in this state: signed or ready");
  exportCommand->add_option("ID", exportOptions->ids, "These orders (by id) instead of every one in --state");
  exportCommand->add_option("--out", exportOptions->out, "The file to write (default: standard output)");
  exportCommand->add_option("--today", exportOptions->today,
                            "Judge execution dates as if today were this date");
  exportCommand->callback([exportOptions, &state] { state.exitCode = runExport(*exportOptions, state); });
}

}  // namespace platnik::cli
