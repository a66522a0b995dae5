#define BOOST_TEST_MODULE po
#include <boost/test/unit_test.hpp>
