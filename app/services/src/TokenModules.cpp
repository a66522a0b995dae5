#include "services/TokenModules.h"

#include "crypto/Pkcs11Module.h"
#include "crypto/TokenInfo.h"

namespace platnik::services {

banking::Result<std::vector<ModuleOffer>> detectModules() {
  BOOST_OUTCOME_TRY(registered, crypto::Pkcs11Module::registeredModules());
  std::vector<ModuleOffer> offers;
  for (const auto& module : registered) {
    ModuleOffer offer{module.name, module.path, {}, {}};
    auto loaded = crypto::Pkcs11Module::load(module.path);
    if (!loaded) {
      offer.problem = loaded.error().describe();
    } else if (auto tokens = loaded.value().tokens(); !tokens) {
      offer.problem = tokens.error().describe();
    } else {
      for (const auto& token : tokens.value()) {
        if (token.present) {
          offer.tokenLabels.push_back(token.label);
        }
      }
    }
    offers.push_back(std::move(offer));
  }
  return offers;
}

}  // namespace platnik::services
