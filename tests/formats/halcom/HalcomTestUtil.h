#pragma once

#include "banking/Statement.h"
#include "banking/StatementSink.h"
#include "banking/formats/StatementReader.h"
#include "testsupport/TestSupport.h"

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

/// Requires a Result to hold a value, showing its error otherwise.
#define HALCOM_REQUIRE_OK(result)                                                                        \
  do {                                                                                                   \
    const auto& halcomResult = (result);                                                                 \
    BOOST_REQUIRE_MESSAGE(halcomResult.has_value(),                                                      \
                          (halcomResult.has_value() ? std::string() : halcomResult.error().describe())); \
  } while (false)

namespace platnik::halcomtest {

using namespace platnik::banking;

inline std::filesystem::path fixture(const std::string& name) {
  return testsupport::sourceDir() / "tests/formats/halcom/fixtures" / name;
}

inline std::string fixtureBytes(const std::string& name) {
  return testsupport::readFile(fixture(name));
}

/// Reads statements from bytes through the public entry point.
inline Result<std::vector<Statement>> parse(const std::string& bytes, formats::Format format) {
  std::istringstream in(bytes);
  StatementCollector collector;
  BOOST_OUTCOME_TRYV(formats::readStatements(in, collector, format));
  return collector.take();
}

inline Date ymd(int y, unsigned m, unsigned d) {
  return makeDate(y, m, d).value();
}
inline Money rsd(std::int64_t minor) {
  return Money(minor, Currency::rsd());
}

}  // namespace platnik::halcomtest
