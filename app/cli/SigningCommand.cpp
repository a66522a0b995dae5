// order sign, order verify, doc sign, doc verify.
#include "CliInteraction.h"
#include "Commands.h"
#include "DatabaseAccess.h"
#include "Output.h"
#include "crypto/CmsSignature.h"
#include "services/OrderSigning.h"
#include "services/TokenAccess.h"

#include <fmt/format.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace platnik::cli {
namespace {

struct OrderSignOptions {
  TokenOptions token;
  std::vector<std::int64_t> ids;
  bool allReady = false;
  bool json = false;
};

struct VerifyOptions {
  std::vector<std::int64_t> ids;
  std::vector<std::string> trust;
  std::string signature;  ///< doc verify FILE.p7s
  std::string file;       ///< doc verify [FILE]
  bool json = false;
};

struct DocSignOptions {
  TokenOptions token;
  std::string file;
  std::string out;
};

int reportFailure(const banking::Error& error) {
  printProblem(fmt::format("platnik-cli: {}\n", error.describe()));
  return exitCodeFor(error);
}

int runOrderSign(RunState& state, const OrderSignOptions& options) {
  if (options.ids.empty() && !options.allReady) {
    printProblem("platnik-cli: order sign: name the orders (ID...) or give --all-ready\n");
    return kExitUsage;
  }
  auto database = openDatabase(state);
  if (!database) {
    return state.exitCode;
  }
  auto token = services::openToken(state.module, options.token.token);
  if (!token) {
    return reportFailure(token.error());
  }
  CliInteraction ui{options.token};
  auto report = services::signStoredOrders(*database, options.ids, options.allReady, token.value().session,
                                           ui, crypto::systemNow());
  if (!report) {
    return reportFailure(report.error());
  }
  if (options.json) {
    printJson(report.value().toJson());
  } else if (report.value().orders.empty()) {
    printResult("no ready orders to sign\n");
  } else if (report.value().allSigned()) {
    printResult(report.value().describe());
  } else {
    printProblem(report.value().describe());
  }
  return report.value().allSigned() ? kExitOk : kExitInvalid;
}

/// The trust store from --trust and, when a database is at hand, its setting.
std::optional<crypto::TrustStore> trustFor(RunState& state, const VerifyOptions& options,
                                           storage::Database* database, int& exitCode) {
  std::optional<storage::Database> opened;
  if (database == nullptr && options.trust.empty()) {
    opened = openDatabase(state);  // the setting is the only other place trusted CAs can come from
    if (!opened) {
      exitCode = state.exitCode;
      return std::nullopt;
    }
    database = &*opened;
  }
  auto trust = services::loadTrust(options.trust, database);
  if (!trust) {
    exitCode = trust.error().code == banking::Errc::InvalidArgument ? kExitUsage : exitCodeFor(trust.error());
    printProblem(fmt::format("platnik-cli: {}\n", trust.error().describe()));
    return std::nullopt;
  }
  return std::move(trust).value();
}

int runOrderVerify(RunState& state, const VerifyOptions& options) {
  auto database = openDatabase(state);
  if (!database) {
    return state.exitCode;
  }
  int exitCode = kExitOk;
  auto trust = trustFor(state, options, &*database, exitCode);
  if (!trust) {
    return exitCode;
  }
  auto report = services::verifyStoredOrders(*database, options.ids, *trust, crypto::systemNow());
  if (!report) {
    return reportFailure(report.error());
  }
  if (options.json) {
    printJson(report.value().toJson());
  } else if (report.value().allValid()) {
    printResult(report.value().describe());
  } else {
    printProblem(report.value().describe());
  }
  return report.value().allValid() ? kExitOk : kExitInvalid;
}

int runDocSign(const RunState& state, const DocSignOptions& options) {
  const std::string out = options.out.empty() ? options.file + ".p7s" : options.out;
  std::error_code error;
  if (!std::filesystem::is_regular_file(options.file, error)) {
    printProblem(fmt::format("platnik-cli: {}: no such file\n", options.file));
    return kExitUsage;
  }
  auto token = services::openToken(state.module, options.token.token);
  if (!token) {
    return reportFailure(token.error());
  }
  crypto::TokenSession& session = token.value().session;
  auto certificate = services::documentSigningCertificate(session, crypto::systemNow());
  if (!certificate) {
    return reportFailure(certificate.error());
  }
  CliInteraction ui{options.token};
  if (auto login = session.login(ui); !login) {
    return reportFailure(login.error());
  }
  auto key = session.signingKey(certificate.value());
  if (!key) {
    return reportFailure(key.error());
  }
  if (auto done = crypto::signFile(key.value(), options.file, out); !done) {
    return reportFailure(done.error());
  }
  printResult(
      fmt::format("signed {} by {}\nsignature: {}\n", options.file, certificate.value().subject, out));
  return kExitOk;
}

int runDocVerify(RunState& state, const VerifyOptions& options) {
  std::string file = options.file;
  if (file.empty()) {
    const std::filesystem::path signature{options.signature};
    if (signature.extension() != ".p7s") {
      printProblem(fmt::format("platnik-cli: {}: name the signed file too (doc verify FILE.p7s FILE)\n",
                               options.signature));
      return kExitUsage;
    }
    file = (signature.parent_path() / signature.stem()).string();
  }
  int exitCode = kExitOk;
  auto trust = trustFor(state, options, nullptr, exitCode);
  if (!trust) {
    return exitCode;
  }
  auto report = crypto::verifyFile(options.signature, file, *trust, crypto::systemNow());
  if (!report) {
    return reportFailure(report.error());
  }
  if (options.json) {
    printJson(services::signatureJson(report.value()));
  } else if (report.value().valid()) {
    printResult(fmt::format("file:      {}\n{}", file, services::describeSignature(report.value())));
  } else {
    printProblem(fmt::format("file:      {}\n{}", file, services::describeSignature(report.value())));
  }
  return report.value().valid() ? kExitOk : kExitInvalid;
}

void addTrustOption(CLI::App& command, VerifyOptions& options) {
  command.add_option("--trust", options.trust,
                     "A PEM file of trusted CA certificates (repeatable); adds to the database setting "
                     "'signing.trust_files'");
}

}  // namespace

void registerOrderSigning(CLI::App& app, RunState& state) {
  auto* group = app.get_subcommand("order");

  auto sign = std::make_shared<OrderSignOptions>();
  auto* signCommand = group->add_subcommand(
      "sign",
      "Sign ready orders of the database (--db) with one PIN entry; each signed order moves to 'signed'. "
      "Exit 0 all signed, 1 some refused or a wrong PIN.");
  signCommand->add_option("ID", sign->ids, "The orders' ids");
  signCommand->add_flag("--all-ready", sign->allReady, "Sign every order in state ready");
  signCommand->add_flag("--json", sign->json,
                        "Print one JSON object {signed, refused, signer, error, orders}");
  addTokenOptions(*signCommand, sign->token, true);
  signCommand->callback([sign, &state] { state.exitCode = runOrderSign(state, *sign); });

  auto verify = std::make_shared<VerifyOptions>();
  auto* verifyCommand = group->add_subcommand(
      "verify",
      "Verify the stored signatures of orders against the trusted CAs. Exit 0 all valid, 1 otherwise.");
  verifyCommand->add_option("ID", verify->ids, "The orders' ids")->required();
  addTrustOption(*verifyCommand, *verify);
  verifyCommand->add_flag("--json", verify->json, "Print one JSON object {valid, orders}");
  verifyCommand->callback([verify, &state] { state.exitCode = runOrderVerify(state, *verify); });
}

void registerDoc(CLI::App& app, RunState& state) {
  auto* group = app.add_subcommand("doc", "Signed documents (detached CAdES signatures, FILE.p7s)");
  group->require_subcommand(1);

  auto sign = std::make_shared<DocSignOptions>();
  auto* signCommand = group->add_subcommand("sign", "Sign a file with the token: writes FILE.p7s");
  signCommand->add_option("FILE", sign->file, "The file to sign")->required();
  signCommand->add_option("--out", sign->out, "The signature file (default: FILE.p7s)");
  addTokenOptions(*signCommand, sign->token, true);
  signCommand->callback([sign, &state] { state.exitCode = runDocSign(state, *sign); });

  auto verify = std::make_shared<VerifyOptions>();
  auto* verifyCommand = group->add_subcommand(
      "verify", "Verify FILE.p7s over FILE (default: the name without .p7s). Exit 0 valid, 1 not valid.");
  verifyCommand->add_option("SIGNATURE", verify->signature, "The signature file (FILE.p7s)")->required();
  verifyCommand->add_option("FILE", verify->file, "The signed file");
  addTrustOption(*verifyCommand, *verify);
  verifyCommand->add_flag("--json", verify->json,
                          "Print one JSON object {valid, signature_valid, chain_valid, signer, issuer, "
                          "signing_time, problem}");
  verifyCommand->callback([verify, &state] { state.exitCode = runDocVerify(state, *verify); });
}

}  // namespace platnik::cli
