#pragma once

#include "banking/Error.h"

#include <string>
#include <vector>

namespace platnik::services {

/// A PKCS#11 module the settings can offer: p11-kit's name, its library, and the tokens it
/// sees now (or why it could not be asked).
struct ModuleOffer {
  std::string name;
  std::string path;
  std::vector<std::string> tokenLabels;  ///< present tokens only
  std::string problem;                   ///< empty when the module loaded and answered
};

/// Every module p11-kit has registered ("Detect" in the settings), each loaded in turn to
/// list its tokens; a module that fails to load is still offered, with its problem.
banking::Result<std::vector<ModuleOffer>> detectModules();

}  // namespace platnik::services
