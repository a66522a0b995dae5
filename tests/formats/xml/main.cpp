#define BOOST_TEST_MODULE formats_xml_tests
#include <boost/test/unit_test.hpp>
