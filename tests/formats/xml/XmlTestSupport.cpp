#include "XmlTestSupport.h"

#include "banking/formats/StatementReader.h"
#include "testsupport/TestSupport.h"

#include <fstream>
#include <sstream>

namespace platnik::formats_xml_tests {

using namespace platnik::banking;

std::filesystem::path fixture(std::string_view name) {
  return testsupport::sourceDir() / "tests" / "formats" / "xml" / "fixtures" / std::string(name);
}

Result<Parsed> parseText(const std::string& text) {
  std::istringstream in(text);
  StatementCollector collector;
  BOOST_OUTCOME_TRY(format, formats::readStatements(in, collector));
  return Parsed{format, collector.take()};
}

Result<Parsed> parseFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail(Errc::Io, "cannot open " + path.string());
  }
  StatementCollector collector;
  BOOST_OUTCOME_TRY(format, formats::readStatements(in, collector));
  return Parsed{format, collector.take()};
}

Money money(std::string_view text, std::string_view currency) {
  return Money::parse(text, Currency::fromCode(currency).value()).value();
}

Date date(std::string_view iso) {
  return parseIsoDate(iso).value();
}

}  // namespace platnik::formats_xml_tests

namespace platnik::formats_xml_tests {
std::string iso(const std::optional<banking::Date>& day) {
  return day ? banking::toIsoString(*day) : "-";
}
}  // namespace platnik::formats_xml_tests
