#include "CliRunner.h"

#include <boost/test/unit_test.hpp>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace platnik::testsupport {
namespace {

/// A file descriptor, closed once.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : m_fd(fd) {}
  Fd(Fd&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    reset(std::exchange(other.m_fd, -1));
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }

  [[nodiscard]] int get() const { return m_fd; }
  void reset(int fd = -1) {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
    m_fd = fd;
  }

 private:
  int m_fd = -1;
};

struct Pipe {
  Fd read;
  Fd write;
};

Pipe makePipe() {
  std::array<int, 2> fds{};
  if (::pipe2(fds.data(), O_CLOEXEC) != 0) {
    throw std::runtime_error(std::string("pipe2: ") + std::strerror(errno));
  }
  return Pipe{Fd(fds[0]), Fd(fds[1])};
}

}  // namespace

services::Json CliRun::json() const {
  try {
    return services::Json::parse(out);
  } catch (const services::Json::parse_error& error) {
    BOOST_FAIL("platnik-cli's stdout is not JSON (" << error.what() << "):\n" << out << "\nstderr:\n" << err);
  }
  return {};
}

CliRun runCli(const std::vector<std::string>& args, std::string_view input) {
  // A child that exits before reading all its input must not kill the test with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);

  Pipe in = makePipe();
  Pipe out = makePipe();
  Pipe err = makePipe();

  std::vector<std::string> argvStrings{PLATNIK_CLI_PATH};
  argvStrings.insert(argvStrings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argvStrings) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);

  const pid_t pid = ::fork();
  if (pid < 0) {
    throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  }
  if (pid == 0) {
    // The child: only async-signal-safe calls until execv.
    if (::dup2(in.read.get(), STDIN_FILENO) < 0 || ::dup2(out.write.get(), STDOUT_FILENO) < 0 ||
        ::dup2(err.write.get(), STDERR_FILENO) < 0) {
      ::_exit(126);
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  in.read.reset();
  out.write.reset();
  err.write.reset();
  if (input.empty()) {
    in.write.reset();
  }

  CliRun run;
  std::size_t written = 0;
  std::array<char, 4096> buffer{};
  while (out.read.get() >= 0 || err.read.get() >= 0) {
    std::array<pollfd, 3> fds{
        {{out.read.get(), POLLIN, 0}, {err.read.get(), POLLIN, 0}, {in.write.get(), POLLOUT, 0}}};
    if (::poll(fds.data(), fds.size(), 30000) <= 0) {
      ::kill(pid, SIGKILL);
      throw std::runtime_error("platnik-cli did not finish within 30 seconds");
    }
    const auto drain = [&](pollfd& p, Fd& fd, std::string& target) {
      if (fd.get() >= 0 && (p.revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
        const ssize_t n = ::read(fd.get(), buffer.data(), buffer.size());
        if (n > 0) {
          target.append(buffer.data(), static_cast<std::size_t>(n));
        } else if (n == 0 || errno != EINTR) {
          fd.reset();
        }
      }
    };
    drain(fds[0], out.read, run.out);
    drain(fds[1], err.read, run.err);
    if (in.write.get() >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP)) != 0) {
      const ssize_t n = ::write(in.write.get(), input.data() + written, input.size() - written);
      if (n > 0) {
        written += static_cast<std::size_t>(n);
      }
      if ((n < 0 && errno != EINTR) || written == input.size()) {
        in.write.reset();
      }
    }
  }
  in.write.reset();

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      throw std::runtime_error(std::string("waitpid: ") + std::strerror(errno));
    }
  }
  run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

services::Json exampleOrderJson() {
  return services::Json{
      {"payer_name", "Knjigovodstvo Marković d.o.o."},
      {"payer_place", "Beograd"},
      {"payer_account", "160-182039-69"},
      {"recipient_name", "JP EPS Beograd"},
      {"recipient_place", "Beograd"},
      {"recipient_account", "115-0381693386976-97"},
      {"amount", "12500.00"},
      {"payment_code", "221"},
      {"purpose", "Račun za struju 03/2024"},
      {"credit_model", "97"},
      {"credit_reference", "921234567890"},
  };
}

}  // namespace platnik::testsupport
