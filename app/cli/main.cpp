// platnik-cli: the command-line face of Platnik, for people who script and for the tests.
#include "Commands.h"

#include <CLI/App.hpp>
#include <CLI/Config.hpp>
#include <CLI/Formatter.hpp>
#include <fmt/core.h>

#include <cstdio>
#include <exception>
#include <iostream>

int main(int argc, char** argv) {
  using namespace platnik::cli;
  try {
    CLI::App app{"platnik-cli " PLATNIK_VERSION
                 " — check accounts, references, IPS QR strings and payment orders"};
    app.set_version_flag("--version", PLATNIK_VERSION);
    app.require_subcommand(1);
    app.footer(
        "Exit codes: 0 ok/valid, 1 invalid input data, 2 usage error or unreadable file, 3 internal error.\n"
        "Run 'platnik-cli COMMAND --help' for a command's options.");

    RunState state;
    app.add_option("--db", state.database,
                   "the company database (default: $XDG_DATA_HOME/platnik/company.platnik)");
    app.add_option("--module", state.module, "a PKCS#11 module (a card's middleware) to use for tokens");
    registerAccount(app, state);
    registerReference(app, state);
    registerQr(app, state);
    registerOrder(app, state);
    registerOrderFiles(app, state);  // adds to the order group: after registerOrder
    registerStatement(app, state);
    registerToken(app, state);
    registerPin(app, state);
    registerCert(app, state);
    registerDoc(app, state);
    registerOrderSigning(app, state);  // adds to the order group: after registerOrder
    registerDatabase(app, state);      // adds to the account group: after registerAccount
    registerRecords(app, state);       // adds to the order group: after registerOrder
    registerDemo(app, state);

    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
      // --help and --version end parsing with exit code 0 and print to stdout.
      const int code = app.exit(error, std::cout, std::cerr);
      return code == 0 ? kExitOk : kExitUsage;
    }
    return state.exitCode;
  } catch (const std::exception& error) {
    fmt::print(stderr, "platnik-cli: internal error: {}\n", error.what());
    return kExitInternal;
  } catch (...) {
    fmt::print(stderr, "platnik-cli: internal error: unknown exception\n");
    return kExitInternal;
  }
}
