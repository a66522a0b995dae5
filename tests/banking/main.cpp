#define BOOST_TEST_MODULE banking
#include <boost/test/unit_test.hpp>
