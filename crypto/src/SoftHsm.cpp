#include "crypto/SoftHsm.h"

#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

namespace platnik::crypto {
namespace {

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

/// Runs a tool; on failure the error carries what it printed.
banking::Result<void> run(const std::string& command, const std::string& what) {
  struct PipeCloser {
    void operator()(FILE* f) const { pclose(f); }
  };
  FILE* raw = popen((command + " 2>&1").c_str(), "r");
  if (raw == nullptr) {
    return banking::fail(banking::Errc::Token, "cannot start " + command, what);
  }
  std::unique_ptr<FILE, PipeCloser> pipe{raw};
  std::string output;
  std::array<char, 512> buffer{};
  while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe.get()) != nullptr) {
    output += buffer.data();
  }
  const int status = pclose(pipe.release());
  if (status != 0) {
    while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) {
      output.pop_back();
    }
    const std::string tool = command.substr(0, command.find(' '));
    return banking::fail(banking::Errc::Token,
                         output.empty() ? fmt::format("{} failed (is it installed?)", tool)
                                        : fmt::format("{} failed: {}", tool, output),
                         what);
  }
  return boost::outcome_v2::success();
}

banking::Result<std::string> tool(const std::string& label) {
  const std::string module = softHsmModulePath();
  if (module.empty()) {
    return banking::fail(banking::Errc::Token, "SoftHSM2 is not installed (package softhsm2)", "SoftHSM");
  }
  return fmt::format("pkcs11-tool --module {} --token-label {}", quoted(module), quoted(label));
}

}  // namespace

banking::Result<std::filesystem::path> useSoftHsmFolder(const std::filesystem::path& folder) {
  const auto absolute = std::filesystem::absolute(folder);
  const auto tokens = absolute / "tokens";
  const auto conf = absolute / "softhsm2.conf";
  std::error_code error;
  std::filesystem::create_directories(tokens, error);
  if (error) {
    return banking::fail(banking::Errc::Io, "cannot make the token folder: " + error.message(),
                         tokens.string());
  }
  if (!std::filesystem::exists(conf)) {
    std::ofstream out(conf);
    out << "# SoftHSM2 tokens of this folder only (made by Platnik; not for real keys)\n"
        << "directories.tokendir = " << tokens.string() << "\nobjectstore.backend = file\n"
        << "log.level = ERROR\nslots.removable = false\n";
    if (!out) {
      return banking::fail(banking::Errc::Io, "cannot write the SoftHSM configuration", conf.string());
    }
  }
  ::setenv("SOFTHSM2_CONF", conf.c_str(), 1);
  return conf;
}

std::string softHsmModulePath() {
  for (const char* path :
       {"/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
        "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so", "/usr/lib64/pkcs11/libsofthsm2.so",
        "/usr/lib/pkcs11/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so"}) {
    std::error_code ignored;
    if (std::filesystem::exists(path, ignored)) {
      return path;
    }
  }
  return {};
}

banking::Result<std::string> createSoftHsmToken(const std::string& label, const std::string& pin,
                                                const std::string& soPin) {
  const std::string where = "token " + label;
  BOOST_OUTCOME_TRY(base, tool(label));
  BOOST_OUTCOME_TRYV(run(fmt::format("softhsm2-util --init-token --free --label {} --pin {} --so-pin {}",
                                     quoted(label), quoted(pin), quoted(soPin)),
                         where));
  BOOST_OUTCOME_TRYV(
      run(fmt::format("{} --login --pin {} --keypairgen --key-type rsa:2048 --id 01 --label signkey", base,
                      quoted(pin)),
          where));
  const char* conf = std::getenv("SOFTHSM2_CONF");
  const std::filesystem::path publicDer =
      (conf != nullptr ? std::filesystem::path(conf).parent_path() : std::filesystem::temp_directory_path()) /
      (label + ".pub.der");
  BOOST_OUTCOME_TRYV(run(
      fmt::format("{} --read-object --type pubkey --id 01 -o {}", base, quoted(publicDer.string())), where));
  std::ifstream in(publicDer, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  in.close();
  std::error_code ignored;
  std::filesystem::remove(publicDer, ignored);
  if (bytes.str().empty()) {
    return banking::fail(banking::Errc::Token, "the token's public key could not be read", where);
  }
  return bytes.str();
}

banking::Result<void> storeCertificateOnToken(const std::string& label, const std::string& pin,
                                              const std::filesystem::path& certificateDer) {
  BOOST_OUTCOME_TRY(base, tool(label));
  return run(fmt::format("{} --login --pin {} --write-object {} --type cert --id 01 --label signkey", base,
                         quoted(pin), quoted(certificateDer.string())),
             "token " + label);
}

}  // namespace platnik::crypto
