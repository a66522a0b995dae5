#include "CliPki.h"

#include <cstdlib>

namespace platnik::clitest {

cryptotest::TestPki& cliPki() {
  static cryptotest::TestPki pki{{{"FIRMA", cryptotest::Profile::LegalQualified},
                                  {"OSOBA", cryptotest::Profile::NaturalPerson},
                                  {"PINCHG", cryptotest::Profile::LegalPlain},
                                  {"WRONGPIN", cryptotest::Profile::LegalQualified},
                                  {"UNBLOCK", cryptotest::Profile::LegalPlain},
                                  {"RENEW", cryptotest::Profile::LegalQualified}}};
  static const bool dataHomeSet = [] {
    return ::setenv("XDG_DATA_HOME", (pki.dir() / "data").c_str(), 1) == 0;
  }();
  static_cast<void>(dataHomeSet);
  return pki;
}

std::vector<std::string> withModule(std::vector<std::string> args) {
  args.insert(args.begin(), {"--module", cryptotest::kSoftHsmModule});
  return args;
}

}  // namespace platnik::clitest
