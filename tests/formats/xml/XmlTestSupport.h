#pragma once

#include "banking/Error.h"
#include "banking/Statement.h"
#include "banking/formats/Format.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace platnik::formats_xml_tests {

/// tests/formats/xml/fixtures/<name>.
std::filesystem::path fixture(std::string_view name);

struct Parsed {
  banking::formats::Format format;
  std::vector<banking::Statement> statements;
};

/// Reads every statement of a file (format detected) through the public reader.
banking::Result<Parsed> parseFile(const std::filesystem::path& path);
banking::Result<Parsed> parseText(const std::string& text);

/// "-12.34" style amount as Money in a currency (throws on a typo in a test).
banking::Money money(std::string_view text, std::string_view currency = "RSD");
banking::Date date(std::string_view iso);

}  // namespace platnik::formats_xml_tests

namespace platnik::formats_xml_tests {
/// "2024-03-31", or "-" when absent (Boost.Test prints strings).
std::string iso(const std::optional<banking::Date>& day);
}  // namespace platnik::formats_xml_tests

namespace platnik::formats_xml_tests {
/// The error of a failed result as text, "" for a success (for test messages).
template <class R>
std::string why(const R& result) {
  return result ? std::string() : result.error().describe();
}
}  // namespace platnik::formats_xml_tests
