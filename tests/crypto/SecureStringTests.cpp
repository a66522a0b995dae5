#include "crypto/SecureString.h"

#include <boost/test/unit_test.hpp>

#include <type_traits>
#include <utility>

using platnik::crypto::SecureString;

BOOST_AUTO_TEST_SUITE(SecureStringTests)

BOOST_AUTO_TEST_CASE(keeps_the_secret_through_growth_copies_and_moves) {
  SecureString pin;
  for (char c : std::string("1234567890123456789012345678901234567890")) {
    pin.push(c);
  }
  BOOST_TEST(pin.view() == "1234567890123456789012345678901234567890");
  BOOST_TEST(std::string(pin.c_str()) == pin.view());
  SecureString copy = pin;
  SecureString moved = std::move(pin);
  BOOST_TEST(moved.view() == copy.view());
  BOOST_TEST(pin.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty by design
  copy.clear();
  BOOST_TEST(copy.empty());
  BOOST_TEST(copy.size() == 0u);
}

BOOST_AUTO_TEST_CASE(cannot_silently_become_a_std_string) {
  static_assert(!std::is_convertible_v<SecureString, std::string>);
  static_assert(!std::is_convertible_v<std::string, SecureString>);  // explicit only
  SecureString puk{"12345678"};
  BOOST_TEST(puk.size() == 8u);
}

BOOST_AUTO_TEST_SUITE_END()
