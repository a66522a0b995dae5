// `statement parse|import|export`: statement files, read with any format Platnik knows, into
// and out of the company database.
#include "Commands.h"
#include "DatabaseAccess.h"
#include "Output.h"
#include "banking/Date.h"
#include "banking/formats/Format.h"
#include "services/DatabaseCommands.h"
#include "services/StatementExport.h"
#include "services/StatementExportJob.h"
#include "services/StatementFiles.h"
#include "services/StatementJson.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace platnik::cli {
namespace {

namespace formats = banking::formats;

struct ParseOptions {
  std::string file;
  std::string format;
  bool json = false;
};

struct ImportOptions {
  std::vector<std::string> files;
  bool json = false;
};

struct ExportOptions {
  std::string format;
  std::string account;
  std::string from;
  std::string to;
  std::string out;
};

/// A failure reading a file: unreadable is a usage problem (2), bad content is bad data (1).
int exitCodeOf(const banking::Error& error) {
  return error.code == banking::Errc::Io ? kExitUsage : kExitInvalid;
}

struct ListOptions {
  std::string account;
  int limit = 100;
  bool json = false;
};

int runList(const ListOptions& options, RunState& state) {
  auto database = openDatabase(state, false);
  if (!database) {
    return state.exitCode;
  }
  auto listed = services::listStatements(*database, options.account, options.limit);
  if (!listed) {
    return reportError(listed.error());
  }
  if (options.json) {
    printJson(listed.value());
    return kExitOk;
  }
  const auto text = [](const services::Json& value) {
    return value.is_string() ? value.get<std::string>() : std::string("—");
  };
  std::string out;
  for (const auto& statement : listed.value()["statements"]) {
    out += fmt::format("{:>8}  {:<18}  {:>6}  {}  {:>15} {:>15} {}  {:>6} lines\n",
                       statement["id"].get<std::int64_t>(), text(statement["account"]),
                       text(statement["number"]), text(statement["date"]), text(statement["opening"]),
                       text(statement["closing"]), text(statement["currency"]),
                       statement["entries"].get<std::int64_t>());
  }
  out += fmt::format("{} statements\n", listed.value()["statements"].size());
  printResult(out);
  return kExitOk;
}

int runParse(const ParseOptions& options) {
  std::optional<formats::Format> format;
  if (!options.format.empty()) {
    format = formats::formatFromName(options.format);
    if (!format) {
      printProblem(fmt::format("platnik-cli: --format: unknown format '{}'\n", options.format));
      return kExitUsage;
    }
  }
  auto parsed = services::parseStatementFile(options.file, format);
  if (!parsed) {
    printProblem(fmt::format("platnik-cli: {}: {}\n", options.file, parsed.error().describe()));
    return exitCodeOf(parsed.error());
  }
  const auto& file = parsed.value();
  if (options.json) {
    printJson(services::statementsToJson(formats::formatName(file.format), file.statements));
    return kExitOk;
  }
  std::string text = fmt::format("{}: {} statement(s), format {}\n", options.file, file.statements.size(),
                                 formats::formatName(file.format));
  for (const auto& statement : file.statements) {
    text += services::describeStatement(statement) + "\n";
  }
  printResult(text);
  return kExitOk;
}

int runImport(const ImportOptions& options, RunState& state) {
  auto database = openDatabase(state, true);
  if (!database) {
    return state.exitCode;
  }
  services::Json files = services::Json::array();
  std::int64_t totalNew = 0;
  std::int64_t totalPresent = 0;
  int failed = 0;
  int unreadable = 0;
  for (const auto& file : options.files) {
    services::Json item = services::Json::object();
    item["file"] = file;
    auto report = services::importStatementFile(*database, file);
    if (!report) {
      ++failed;
      unreadable += report.error().code == banking::Errc::Io ? 1 : 0;
      item["imported"] = false;
      item["error"] = report.error().describe();
      if (!options.json) {
        printProblem(
            fmt::format("{}: not imported (nothing of it was kept): {}\n", file, report.error().describe()));
      }
    } else {
      const auto& done = report.value();
      totalNew += done.entriesNew;
      totalPresent += done.entriesAlreadyPresent;
      item["imported"] = true;
      item["statements"] = done.statements;
      item["entries_new"] = done.entriesNew;
      item["entries_already_present"] = done.entriesAlreadyPresent;
      item["accounts_created"] = done.accountsCreated;
      if (!options.json) {
        printResult(
            fmt::format("{}: {} statement(s), {} new entries, {} already present, {} new account(s)\n", file,
                        done.statements, done.entriesNew, done.entriesAlreadyPresent, done.accountsCreated));
      }
    }
    files.push_back(std::move(item));
  }
  if (options.json) {
    services::Json json = services::Json::object();
    json["ok"] = failed == 0;
    json["entries_new"] = totalNew;
    json["entries_already_present"] = totalPresent;
    json["failed"] = failed;
    json["files"] = std::move(files);
    printJson(json);
  } else if (options.files.size() > 1 && failed > 0) {
    printProblem(fmt::format("{} of {} files failed\n", failed, options.files.size()));
  }
  if (failed == 0) {
    return kExitOk;
  }
  // Only unreadable files: a usage problem; any file with bad content: invalid data.
  return unreadable == failed ? kExitUsage : kExitInvalid;
}

std::optional<banking::Date> dateOption(const std::string& text, std::string_view option, bool& ok) {
  if (text.empty()) {
    return std::nullopt;
  }
  auto date = banking::parseIsoDate(text);
  if (!date) {
    printProblem(fmt::format("platnik-cli: {}: {}\n", option, date.error().message));
    ok = false;
    return std::nullopt;
  }
  return date.value();
}

bool writeFile(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) {
    printProblem(fmt::format("platnik-cli: {}: cannot write the file\n", path.string()));
    return false;
  }
  return true;
}

int runExport(const ExportOptions& options, RunState& state) {
  const auto format = services::statementExportFormatFromName(options.format);
  if (!format) {
    printProblem(fmt::format(
        "platnik-cli: --format: unknown export format '{}' (halcom-txt, csv, camt.053)\n", options.format));
    return kExitUsage;
  }
  if (*format == services::StatementExportFormat::HalcomTxt && options.out.empty()) {
    printProblem(
        "platnik-cli: --out: halcom-txt writes two files (FILE and its FILE_cov recap); name FILE\n");
    return kExitUsage;
  }
  bool ok = true;
  const auto from = dateOption(options.from, "--from", ok);
  const auto to = dateOption(options.to, "--to", ok);
  if (!ok) {
    return kExitUsage;
  }
  auto database = openDatabase(state, false);
  if (!database) {
    return state.exitCode;
  }
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (*format == services::StatementExportFormat::HalcomTxt) {
    // One statement per account in a file pair: the window's export splits them the same way.
    services::StatementExportRequest request;
    request.accounts = {options.account};
    request.from = from;
    request.to = to;
    request.format = *format;
    request.path = options.out;
    auto report = services::exportStatements(*database, request, now);
    if (!report) {
      printProblem(fmt::format("platnik-cli: cannot export: {}\n", report.error().describe()));
      return exitCodeOf(report.error());
    }
    return kExitOk;
  }
  auto statements = services::loadStatements(*database, options.account, from, to);
  if (!statements) {
    printProblem(fmt::format("platnik-cli: {}\n", statements.error().describe()));
    return kExitInvalid;
  }
  std::ostringstream out;
  auto written = services::writeStatements(*format, statements.value(), out, nullptr, now);
  if (!written) {
    printProblem(fmt::format("platnik-cli: cannot export: {}\n", written.error().describe()));
    return kExitInvalid;
  }
  if (options.out.empty()) {
    std::cout << out.str() << std::flush;
    return kExitOk;
  }
  if (!writeFile(options.out, out.str())) {
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

void registerStatement(CLI::App& app, RunState& state) {
  auto* group = app.add_subcommand("statement", "Bank statements: parse files, import them, export them");
  group->require_subcommand(1);

  auto parseOptions = std::make_shared<ParseOptions>();
  auto* parse = group->add_subcommand(
      "parse",
      "Read a statement file (format detected from the content) and print it; no database. "
      "Exit 0 read, 1 malformed file, 2 unreadable file or unknown --format.");
  parse->add_option("FILE", parseOptions->file, "The statement file")->required();
  parse->add_option("--format", parseOptions->format,
                    "Read as this format instead of detecting it (camt.053, mt940, halcom-txt, csv, …)");
  parse->add_flag("--json", parseOptions->json, "Print the statements as JSON (docs/statement-json.md)");
  parse->callback([parseOptions, &state] { state.exitCode = runParse(*parseOptions); });

  auto importOptions = std::make_shared<ImportOptions>();
  auto* importCommand = group->add_subcommand(
      "import",
      "Import statement files into the database (--db), each file whole or not at all. "
      "Exit 0 all imported, 1 a file was malformed, 2 a file or the database cannot be opened.");
  importCommand->add_option("FILE", importOptions->files, "Statement files")->required();
  importCommand->add_flag("--json", importOptions->json, "Print one JSON object with each file's counts");
  importCommand->callback([importOptions, &state] { state.exitCode = runImport(*importOptions, state); });

  auto listOptions = std::make_shared<ListOptions>();
  auto* listCommand = group->add_subcommand(
      "list",
      "The imported statements in the database (--db), newest first: id, account, number, date, "
      "opening and closing balance, lines (entries list --statement ID shows a statement's lines)");
  listCommand->add_option("--account", listOptions->account, "Only this account (any form, or its IBAN)");
  listCommand->add_option("--limit", listOptions->limit, "At most this many statements")
      ->capture_default_str();
  listCommand->add_flag("--json", listOptions->json,
                        "Print one JSON object {statements: [{id, account, number, date, currency, opening, "
                        "closing, entries}]}");
  listCommand->callback([listOptions, &state] { state.exitCode = runList(*listOptions, state); });

  auto exportOptions = std::make_shared<ExportOptions>();
  auto* exportCommand = group->add_subcommand(
      "export", "Write an account's imported statements (whose date is in --from..--to) to a file");
  exportCommand->add_option("--format", exportOptions->format, "halcom-txt, csv or camt.053")->required();
  exportCommand->add_option("--account", exportOptions->account, "The account (any form, or its IBAN)")
      ->required();
  exportCommand->add_option("--from", exportOptions->from, "First statement date (YYYY-MM-DD)");
  exportCommand->add_option("--to", exportOptions->to, "Last statement date (YYYY-MM-DD)");
  exportCommand->add_option("--out", exportOptions->out,
                            "The file to write (default: standard output); halcom-txt also writes FILE_cov");
  exportCommand->callback([exportOptions, &state] { state.exitCode = runExport(*exportOptions, state); });
}

}  // namespace platnik::cli
