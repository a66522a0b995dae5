#include "crypto/Pkcs11Module.h"
#include "services/TokenModules.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace platnik;

BOOST_AUTO_TEST_SUITE(TokenModulesTests)

BOOST_AUTO_TEST_CASE(offers_every_module_p11_kit_registered_with_its_tokens_or_problem) {
  const auto registered = crypto::Pkcs11Module::registeredModules();
  BOOST_TEST_REQUIRE(registered.has_value());
  const auto offers = services::detectModules();
  BOOST_TEST_REQUIRE(offers.has_value());
  BOOST_TEST_REQUIRE(offers.value().size() == registered.value().size());
  for (std::size_t i = 0; i < offers.value().size(); ++i) {
    const auto& offer = offers.value()[i];
    BOOST_TEST(offer.name == registered.value()[i].name);
    BOOST_TEST(offer.path == registered.value()[i].path);
    // A module either answered (its tokens, maybe none) or says why not: never both.
    BOOST_TEST((offer.problem.empty() || offer.tokenLabels.empty()));
  }
  // SoftHSM (installed with the project's dependencies) loads and answers.
  const bool softHsmAnswers =
      std::any_of(offers.value().begin(), offers.value().end(), [](const auto& offer) {
        return offer.path.find("softhsm2") != std::string::npos && offer.problem.empty();
      });
  BOOST_TEST(softHsmAnswers);
}

BOOST_AUTO_TEST_SUITE_END()
