// cert show, cert renew-request, cert import.
#include "CliInteraction.h"
#include "Commands.h"
#include "Output.h"
#include "crypto/TokenRecords.h"
#include "services/TokenAccess.h"

#include <fmt/format.h>

#include <fstream>
#include <memory>

namespace platnik::cli {
namespace {

struct CertOptions {
  TokenOptions token;
  bool json = false;
  std::string out;   ///< renew-request --out
  std::string file;  ///< import FILE
};

/// Prints the failure and returns its exit code.
int reportFailure(const banking::Error& error) {
  printProblem(fmt::format("platnik-cli: {}\n", error.describe()));
  return exitCodeFor(error);
}

int runCertShow(const RunState& state, const CertOptions& options) {
  auto token = services::openToken(state.module, options.token.token);
  if (!token) {
    return reportFailure(token.error());
  }
  auto report =
      services::certificatesReport(token.value().session, services::tokenRecordsDir(), crypto::systemNow());
  if (!report) {
    return reportFailure(report.error());
  }
  if (options.json) {
    printJson(report.value());
  } else {
    printResult(services::describeCertificates(report.value()));
  }
  return kExitOk;
}

int runRenewRequest(const RunState& state, const CertOptions& options) {
  auto token = services::openToken(state.module, options.token.token);
  if (!token) {
    return reportFailure(token.error());
  }
  crypto::TokenSession& session = token.value().session;
  auto current = services::orderSigningCertificate(session, crypto::systemNow());
  if (!current) {
    return reportFailure(current.error());
  }
  CliInteraction ui{options.token};
  if (auto login = session.login(ui); !login) {
    return reportFailure(login.error());
  }
  auto request = session.renewalRequest(current.value());
  if (!request) {
    return reportFailure(request.error());
  }
  if (options.out.empty()) {
    printResult(request.value());
    return kExitOk;
  }
  std::ofstream file(options.out, std::ios::binary | std::ios::trunc);
  file << request.value();
  if (!file.flush()) {
    printProblem(fmt::format("platnik-cli: {}: cannot write the request\n", options.out));
    return kExitUsage;
  }
  printResult(fmt::format("renewal request for {} written to {}\n", current.value().subject, options.out));
  return kExitOk;
}

int runImport(const RunState& state, const CertOptions& options) {
  auto certificate = crypto::Certificate::fromFile(options.file);
  if (!certificate) {
    return reportFailure(certificate.error());
  }
  auto records = crypto::TokenRecords::load(services::tokenRecordsDir());
  if (!records) {
    return reportFailure(records.error());
  }
  auto token = services::openToken(state.module, options.token.token);
  if (!token) {
    return reportFailure(token.error());
  }
  crypto::TokenSession& session = token.value().session;
  CliInteraction ui{options.token};
  if (auto login = session.login(ui); !login) {
    return reportFailure(login.error());
  }
  if (auto imported = session.importCertificate(certificate.value(), &records.value()); !imported) {
    return reportFailure(imported.error());
  }
  printResult(fmt::format("imported {} onto token '{}'\n", certificate.value().subject, session.label()));
  return kExitOk;
}

}  // namespace

void registerCert(CLI::App& app, RunState& state) {
  auto* group = app.add_subcommand("cert", "The certificates on a token");
  group->require_subcommand(1);

  auto show = std::make_shared<CertOptions>();
  auto* showCommand = group->add_subcommand(
      "show", "Show the token's certificates: holder, validity, whether they may sign payment orders");
  addTokenOptions(*showCommand, show->token, false);
  showCommand->add_flag("--json", show->json, "Print one JSON object {certificates: [...]}");
  showCommand->callback([show, &state] { state.exitCode = runCertShow(state, *show); });

  auto renew = std::make_shared<CertOptions>();
  auto* renewCommand = group->add_subcommand(
      "renew-request",
      "Make a new key pair on the token and a PKCS#10 renewal request (PEM) for the issuer's renewal page");
  addTokenOptions(*renewCommand, renew->token, true);
  renewCommand->add_option("--out", renew->out, "Write the request to this file (default: stdout)");
  renewCommand->callback([renew, &state] { state.exitCode = runRenewRequest(state, *renew); });

  auto import = std::make_shared<CertOptions>();
  auto* importCommand = group->add_subcommand(
      "import", "Write the certificate the issuer returned (PEM or DER) onto the token beside its key");
  addTokenOptions(*importCommand, import->token, true);
  importCommand->add_option("FILE", import->file, "The certificate file")->required();
  importCommand->callback([import, &state] { state.exitCode = runImport(state, *import); });
}

}  // namespace platnik::cli
