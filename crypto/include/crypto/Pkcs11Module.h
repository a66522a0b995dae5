#pragma once

#include "banking/Error.h"
#include "crypto/TokenInfo.h"
#include "crypto/TokenSession.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace platnik::crypto {

/// A PKCS#11 module registered with p11-kit (a card vendor's middleware, OpenSC, SoftHSM).
struct ModuleInfo {
  std::string name;  ///< p11-kit's name for it ("softhsm2", "opensc")
  std::string path;  ///< the shared library
};

namespace detail {
struct ModuleState;
}

/// One loaded PKCS#11 module (through libp11). Sessions and keys opened from it keep it
/// loaded; it is unloaded (C_Finalize) when the last of them is gone.
class Pkcs11Module {
 public:
  /// The modules p11-kit knows about (its config in /usr/share/p11-kit/modules and the
  /// user's ~/.config/pkcs11/modules), in p11-kit's order. Loads no module.
  static banking::Result<std::vector<ModuleInfo>> registeredModules();
  /// Loads the module at `path` (the path the user set, or one of registeredModules()).
  static banking::Result<Pkcs11Module> load(const std::string& path);

  [[nodiscard]] const std::string& path() const;
  /// Every slot (reader), read afresh so that inserted and removed tokens show.
  banking::Result<std::vector<TokenInfo>> tokens();
  /// The token with this label (labels, not slot ids, identify tokens: slot ids change).
  /// Fails when no present token has the label or when two have it.
  banking::Result<TokenSession> open(std::string_view label);

 private:
  explicit Pkcs11Module(std::shared_ptr<detail::ModuleState> state) : m_state(std::move(state)) {}
  std::shared_ptr<detail::ModuleState> m_state;
};

}  // namespace platnik::crypto
