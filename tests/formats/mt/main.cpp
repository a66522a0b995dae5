#define BOOST_TEST_MODULE formats_mt_tests
#include <boost/test/unit_test.hpp>
