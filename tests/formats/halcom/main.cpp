#define BOOST_TEST_MODULE formats_halcom_tests
#include <boost/test/unit_test.hpp>
