#include "CliInteraction.h"

#include "Commands.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <termios.h>
#include <unistd.h>

namespace platnik::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onInterrupt(int /*signal*/) {
  g_interrupted = 1;
}

/// Closes a descriptor this file opened.
struct FdCloser {
  void operator()(const int* fd) const {
    ::close(*fd);
    delete fd;
  }
};
using OwnedFd = std::unique_ptr<int, FdCloser>;

/// One line from `fd`, read byte by byte so that the next secret on the same descriptor
/// stays there. Nothing on EOF before any byte, or on a read error.
std::optional<crypto::SecureString> readLine(int fd) {
  crypto::SecureString line;
  bool any = false;
  for (;;) {
    char c = 0;
    const ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      break;
    }
    any = true;
    if (c == '\n') {
      break;
    }
    if (c != '\r') {
      line.push(c);
    }
    c = 0;
  }
  if (!any) {
    return std::nullopt;
  }
  return line;
}

/// Asks on the terminal with echo off.
std::optional<crypto::SecureString> promptSecret(const std::string& prompt) {
  const int raw = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
  if (raw < 0) {
    fmt::print(stderr,
               "platnik-cli: no terminal to ask for the PIN on; give it with --pin-fd N (or --new-pin-fd, "
               "--puk-fd)\n");
    return std::nullopt;
  }
  const OwnedFd tty{new int(raw)};
  termios saved{};
  const bool haveTermios = ::tcgetattr(*tty, &saved) == 0;
  if (haveTermios) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    ::tcsetattr(*tty, TCSAFLUSH, &quiet);
  }
  const ssize_t written = ::write(*tty, prompt.data(), prompt.size());
  static_cast<void>(written);
  auto secret = readLine(*tty);
  if (haveTermios) {
    ::tcsetattr(*tty, TCSAFLUSH, &saved);
  }
  return secret;
}

std::string stateNote(const crypto::PinState& state) {
  if (state.finalTry) {
    return " — FINAL TRY: one more wrong entry locks it";
  }
  if (state.countLow) {
    return " — a wrong PIN was entered before";
  }
  return {};
}

std::string_view secretName(crypto::PinPurpose purpose) {
  return purpose == crypto::PinPurpose::Unblock ? "PUK" : "PIN";
}

}  // namespace

void addTokenOptions(CLI::App& command, TokenOptions& options, bool pin, bool newPin, bool puk) {
  command.add_option("--token", options.token, "The token's label (default: the only token present)");
  if (pin) {
    command.add_option("--pin-fd", options.pinFd,
                       "Read the PIN (one line) from this file descriptor instead of asking on the terminal");
  }
  if (newPin) {
    command.add_option("--new-pin-fd", options.newPinFd,
                       "Read the new PIN (one line) from this file descriptor");
  }
  if (puk) {
    command.add_option("--puk-fd", options.pukFd, "Read the PUK (one line) from this file descriptor");
  }
}

int exitCodeFor(const banking::Error& error) {
  switch (error.code) {
    case banking::Errc::Io:
    case banking::Errc::MalformedFile:
    case banking::Errc::UnsupportedFormat:
    case banking::Errc::Database:
      return kExitUsage;
    default:
      return kExitInvalid;
  }
}

CliInteraction::CliInteraction(const TokenOptions& options) : m_options(options) {
  g_interrupted = 0;
  struct sigaction action {};
  action.sa_handler = onInterrupt;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, &m_previousSigint);
}

CliInteraction::~CliInteraction() {
  ::sigaction(SIGINT, &m_previousSigint, nullptr);
}

std::optional<crypto::SecureString> CliInteraction::askPin(const crypto::PinRequest& request) {
  const bool puk = request.purpose == crypto::PinPurpose::Unblock;
  const int fd = puk ? m_options.pukFd : m_options.pinFd;
  if (fd >= 0) {
    auto secret = readLine(fd);
    if (!secret) {
      fmt::print(stderr, "platnik-cli: nothing to read from file descriptor {} for the {}\n", fd,
                 secretName(request.purpose));
    }
    return secret;
  }
  std::string what = "PIN";
  if (puk) {
    what = "PUK";
  } else if (request.purpose == crypto::PinPurpose::ChangePin) {
    what = "current PIN";
  } else if (request.purpose == crypto::PinPurpose::Activation) {
    what = "PIN from the issuer's envelope";
  }
  return promptSecret(
      fmt::format("{} for token '{}'{}: ", what, request.tokenLabel, stateNote(request.state)));
}

std::optional<crypto::SecureString> CliInteraction::askNewPin(const crypto::PinRequest& request) {
  if (m_options.newPinFd >= 0) {
    auto secret = readLine(m_options.newPinFd);
    if (!secret) {
      fmt::print(stderr, "platnik-cli: nothing to read from file descriptor {} for the new PIN\n",
                 m_options.newPinFd);
    }
    return secret;
  }
  auto first = promptSecret(fmt::format("new PIN for token '{}': ", request.tokenLabel));
  if (!first) {
    return std::nullopt;
  }
  auto second = promptSecret("the new PIN again: ");
  if (!second) {
    return std::nullopt;
  }
  if (first->view() != second->view()) {
    fmt::print(stderr, "platnik-cli: the two new PINs differ; nothing was changed\n");
    return std::nullopt;
  }
  return first;
}

bool CliInteraction::confirm(crypto::Question /*question*/, std::string_view detail) {
  // The CLI never starts activation on its own; a script gets "no".
  const int raw = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
  if (raw < 0) {
    return false;
  }
  const OwnedFd tty{new int(raw)};
  const std::string question = fmt::format("{} [y/N] ", detail);
  const ssize_t written = ::write(*tty, question.data(), question.size());
  static_cast<void>(written);
  auto answer = readLine(*tty);
  return answer && (answer->view() == "y" || answer->view() == "Y" || answer->view() == "yes");
}

void CliInteraction::progress(std::size_t done, std::size_t total) {
  if (total == 0) {
    return;
  }
  // Only on a terminal: a script's stderr stays for problems (docs/cli.md, Conventions).
  if (::isatty(STDERR_FILENO) == 1) {
    fmt::print(stderr, "\rsigning: {}/{}", done, total);
    m_progressShown = true;
    if (done == total) {
      fmt::print(stderr, "\n");
    }
  }
}

bool CliInteraction::cancelled() const {
  if (g_interrupted != 0 && m_progressShown) {
    fmt::print(stderr, "\n");
  }
  return g_interrupted != 0;
}

}  // namespace platnik::cli
