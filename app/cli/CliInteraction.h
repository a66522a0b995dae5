#pragma once

#include "banking/Error.h"
#include "crypto/Interaction.h"

#include <CLI/App.hpp>

#include <csignal>
#include <optional>
#include <string>

namespace platnik::cli {

/// The options of commands that use a token: which token, and where secrets come from.
struct TokenOptions {
  std::string token;  ///< --token LABEL; empty: the only token present
  int pinFd = -1;     ///< --pin-fd N
  int newPinFd = -1;  ///< --new-pin-fd N
  int pukFd = -1;     ///< --puk-fd N
};

/// Adds --token and --pin-fd (and, when asked, --new-pin-fd / --puk-fd) to `command`.
void addTokenOptions(CLI::App& command, TokenOptions& options, bool pin, bool newPin = false,
                     bool puk = false);

/// The exit code for a failure: 2 for files that cannot be read or are not what they should
/// be, 1 for everything refused (wrong PIN, locked token, a certificate that may not sign).
int exitCodeFor(const banking::Error& error);

/// crypto::Interaction for the terminal: PINs are read from a file descriptor (one line
/// each; the same descriptor may give several) or asked on /dev/tty with echo off; never
/// taken from an argument. Progress goes to stderr when it is a terminal; Ctrl+C during a batch cancels it
/// between two orders.
class CliInteraction : public crypto::Interaction {
 public:
  explicit CliInteraction(const TokenOptions& options);
  ~CliInteraction() override;
  CliInteraction(const CliInteraction&) = delete;
  CliInteraction& operator=(const CliInteraction&) = delete;

  std::optional<crypto::SecureString> askPin(const crypto::PinRequest& request) override;
  std::optional<crypto::SecureString> askNewPin(const crypto::PinRequest& request) override;
  bool confirm(crypto::Question question, std::string_view detail) override;
  void progress(std::size_t done, std::size_t total) override;
  [[nodiscard]] bool cancelled() const override;

 private:
  TokenOptions m_options;
  bool m_progressShown = false;
  struct sigaction m_previousSigint {};
};

}  // namespace platnik::cli
