// The PIN asked on the terminal: platnik-cli run on a pseudo-terminal (forkpty), as a person
// runs it, with no --pin-fd. The PIN typed there must sign, and must never be echoed.

#include "CliPki.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <poll.h>
#include <pty.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace platnik;
using platnik::clitest::cliPki;
using platnik::clitest::withModule;

namespace {

/// platnik-cli on its own pseudo-terminal (its controlling terminal: /dev/tty is the pty).
class TerminalRun {
 public:
  explicit TerminalRun(const std::vector<std::string>& args) {
    std::vector<std::string> argvStrings{PLATNIK_CLI_PATH};
    argvStrings.insert(argvStrings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& argument : argvStrings) {
      argv.push_back(argument.data());
    }
    argv.push_back(nullptr);
    m_child = forkpty(&m_master, nullptr, nullptr, nullptr);
    BOOST_TEST_REQUIRE(m_child >= 0, "forkpty failed: errno " << errno);
    if (m_child == 0) {
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
  ~TerminalRun() {
    if (m_master >= 0) {
      close(m_master);
    }
    if (m_child > 0 && !m_exitCode) {
      kill(m_child, SIGKILL);
      waitpid(m_child, nullptr, 0);
    }
  }
  TerminalRun(const TerminalRun&) = delete;
  TerminalRun& operator=(const TerminalRun&) = delete;

  /// Reads what the program writes on the terminal until `text` has appeared (or the
  /// terminal closes, or 20 s pass); true when it appeared.
  bool waitFor(const std::string& text) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (m_screen.find(text) == std::string::npos) {
      if (std::chrono::steady_clock::now() > deadline || !readSome(200)) {
        return m_screen.find(text) != std::string::npos;
      }
    }
    return true;
  }

  /// Types a line, as a person at the keyboard does.
  void type(const std::string& line) {
    const std::string keys = line + "\r";
    BOOST_TEST_REQUIRE(write(m_master, keys.data(), keys.size()) == static_cast<ssize_t>(keys.size()));
  }

  /// Reads to the end and waits for the exit status.
  int finish() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline && readSome(200)) {
    }
    int status = 0;
    BOOST_TEST_REQUIRE(waitpid(m_child, &status, 0) == m_child);
    m_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return *m_exitCode;
  }

  [[nodiscard]] const std::string& screen() const { return m_screen; }

 private:
  /// False once the terminal is closed (EIO: the program and its children are gone).
  bool readSome(int waitMs) {
    pollfd ready{m_master, POLLIN, 0};
    if (poll(&ready, 1, waitMs) <= 0) {
      return waitpid(m_child, nullptr, WNOHANG) == 0;  // nothing yet: go on while it runs
    }
    char buffer[4096];
    const ssize_t got = read(m_master, buffer, sizeof buffer);
    if (got <= 0) {
      return false;
    }
    m_screen.append(buffer, static_cast<std::size_t>(got));
    return true;
  }

  int m_master = -1;
  pid_t m_child = -1;
  std::string m_screen;
  std::optional<int> m_exitCode;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(TerminalPinTests)

BOOST_AUTO_TEST_CASE(the_pin_typed_on_the_terminal_signs_and_is_not_echoed) {
  cliPki();
  testsupport::TempDir dir;
  const std::string file = (dir / "ugovor.pdf").string();
  std::ofstream(file, std::ios::binary) << "%PDF-1.4 ugovor o zakupu\n";

  TerminalRun run(withModule({"doc", "sign", file, "--token", "OSOBA"}));
  BOOST_TEST_REQUIRE(run.waitFor("PIN for token 'OSOBA'"), run.screen());
  const std::size_t beforeTyping = run.screen().size();
  run.type(cryptotest::kPin);
  BOOST_TEST(run.finish() == 0, run.screen());
  BOOST_TEST(std::filesystem::exists(file + ".p7s"));
  // Echo was off: what the terminal showed after the prompt holds no digit of the PIN.
  BOOST_TEST(run.screen().substr(beforeTyping).find(cryptotest::kPin) == std::string::npos, run.screen());
  BOOST_TEST(run.screen().find(cryptotest::kPin) == std::string::npos, run.screen());
}

BOOST_AUTO_TEST_CASE(a_wrong_pin_typed_on_the_terminal_signs_nothing_and_says_so) {
  cliPki();
  testsupport::TempDir dir;
  const std::string file = (dir / "izjava.pdf").string();
  std::ofstream(file, std::ios::binary) << "%PDF-1.4 izjava\n";

  TerminalRun run(withModule({"doc", "sign", file, "--token", "OSOBA"}));
  BOOST_TEST_REQUIRE(run.waitFor("PIN for token 'OSOBA'"), run.screen());
  run.type("999999");
  BOOST_TEST(run.finish() != 0, run.screen());
  BOOST_TEST(!std::filesystem::exists(file + ".p7s"));
  BOOST_TEST(run.screen().find("999999") == std::string::npos, run.screen());
  BOOST_TEST(run.screen().find("wrong PIN") != std::string::npos, run.screen());

  // The right PIN afterwards still signs (SoftHSM keeps no retry counter; a card would
  // count this try).
  TerminalRun again(withModule({"doc", "sign", file, "--token", "OSOBA"}));
  BOOST_TEST_REQUIRE(again.waitFor("PIN for token 'OSOBA'"), again.screen());
  again.type(cryptotest::kPin);
  BOOST_TEST(again.finish() == 0, again.screen());
  BOOST_TEST(std::filesystem::exists(file + ".p7s"));
}

BOOST_AUTO_TEST_CASE(without_a_terminal_or_pin_fd_it_says_how_to_give_the_pin) {
  cliPki();
  testsupport::TempDir dir;
  const std::string file = (dir / "ugovor.pdf").string();
  std::ofstream(file, std::ios::binary) << "%PDF-1.4\n";
  std::vector<std::string> argvStrings{PLATNIK_CLI_PATH};
  for (auto& argument : withModule({"doc", "sign", file, "--token", "OSOBA"})) {
    argvStrings.push_back(argument);
  }
  std::vector<char*> argv;
  for (auto& argument : argvStrings) {
    argv.push_back(argument.data());
  }
  argv.push_back(nullptr);
  int errors[2];
  BOOST_TEST_REQUIRE(pipe(errors) == 0);
  const pid_t child = fork();
  BOOST_TEST_REQUIRE(child >= 0);
  if (child == 0) {
    setsid();  // a new session: no controlling terminal, whoever runs the tests
    dup2(errors[1], STDERR_FILENO);
    close(errors[0]);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(errors[1]);
  std::string err;
  char buffer[1024];
  for (ssize_t got = 0; (got = read(errors[0], buffer, sizeof buffer)) > 0;) {
    err.append(buffer, static_cast<std::size_t>(got));
  }
  close(errors[0]);
  int status = 0;
  BOOST_TEST_REQUIRE(waitpid(child, &status, 0) == child);
  BOOST_TEST(WIFEXITED(status));
  BOOST_TEST(WEXITSTATUS(status) != 0);
  BOOST_TEST(err.find("no terminal to ask for the PIN on; give it with --pin-fd N") != std::string::npos,
             err);
  BOOST_TEST(!std::filesystem::exists(file + ".p7s"));
}

BOOST_AUTO_TEST_SUITE_END()
