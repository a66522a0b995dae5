#include "Commands.h"
#include "Output.h"
#include "services/QrCheck.h"
#include "services/QrRequest.h"

#include <fmt/format.h>

#include <memory>
#include <string>

namespace platnik::cli {
namespace {

struct QrParseOptions {
  std::string payload;
  bool json = false;
};

int runQrParse(const QrParseOptions& options) {
  return reportCheck(services::QrCheck::run(options.payload), options.json);
}

int runQrMake(const services::QrRequest& request) {
  auto payload = request.make();
  if (!payload) {
    printProblem(fmt::format("cannot make the IPS QR string: {}\n", payload.error().describe()));
    return kExitInvalid;
  }
  printResult(payload.value() + "\n");
  return kExitOk;
}

}  // namespace

void registerQr(CLI::App& app, RunState& state) {
  auto* group = app.add_subcommand("qr", "NBS IPS QR strings (the text inside the payment QR code)");
  group->require_subcommand(1);

  auto parseOptions = std::make_shared<QrParseOptions>();
  auto* parse =
      group->add_subcommand("parse", "Check an IPS QR string and show every tag. Exit 0 valid, 1 invalid.");
  parse->add_option("STRING", parseOptions->payload, "The QR payload, \"K:PR|V:01|C:1|R:…\"")->required();
  parse->add_flag("--json", parseOptions->json, "Print one JSON object (also when invalid)");
  parse->callback([parseOptions, &state] { state.exitCode = runQrParse(*parseOptions); });

  auto request = std::make_shared<services::QrRequest>();
  auto* make = group->add_subcommand(
      "make",
      "Make the IPS QR string of a printed bill (kind PR) and print it. Exit 0 made, 1 invalid data.");
  make->add_option("--account", request->account, "Payee account: 18 digits, short form or RS IBAN")
      ->required();
  make->add_option("--name", request->name, "Payee name (and address; lines separated by a newline)")
      ->required();
  make->add_option("--amount", request->amount,
                   "Amount in dinars: \"1234.56\", or with a decimal comma \"1.234,56\"")
      ->required();
  make->add_option("--code", request->paymentCode, "Payment code, three digits (e.g. 221)")->required();
  make->add_option("--purpose", request->purpose, "Purpose of payment");
  auto* model = make->add_option("--model", request->model, "Model of the payee's reference (97, 00, …)");
  auto* reference = make->add_option("--reference", request->reference, "The payee's reference");
  model->needs(reference);
  reference->needs(model);
  make->add_option("--payer-account", request->payerAccount, "Payer account");
  make->add_option("--payer-name", request->payerName, "Payer name");
  make->callback([request, &state] { state.exitCode = runQrMake(*request); });
}

}  // namespace platnik::cli
