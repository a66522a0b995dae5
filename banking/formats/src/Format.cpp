#include "banking/formats/Format.h"

#include "Detect.h"

#include <array>
#include <utility>

namespace platnik::banking::formats {
namespace {

constexpr std::array<std::pair<Format, std::string_view>, 15> kNames{{
    {Format::Camt052, "camt.052"},
    {Format::Camt053, "camt.053"},
    {Format::Camt054, "camt.054"},
    {Format::Pain001, "pain.001"},
    {Format::Pain002, "pain.002"},
    {Format::Mt940, "mt940"},
    {Format::Mt942, "mt942"},
    {Format::HalcomStatement, "halcom-txt"},
    {Format::HalcomRecap, "halcom-recap"},
    {Format::HalcomExtended, "halcom-extended"},
    {Format::HalcomForeign, "halcom-fx"},
    {Format::HalcomOrders, "halcom-orders"},
    {Format::AssecoXml, "asseco-xml"},
    {Format::RolXml, "rol-xml"},
    {Format::Csv, "csv"},
}};

}  // namespace

std::string_view formatName(Format format) {
  for (const auto& [f, name] : kNames) {
    if (f == format) {
      return name;
    }
  }
  return "unknown";
}

std::optional<Format> formatFromName(std::string_view name) {
  for (const auto& [f, n] : kNames) {
    if (n == name) {
      return f;
    }
  }
  return std::nullopt;
}

Result<Format> detectFormat(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) {  // UTF-8 byte order mark
    head.remove_prefix(3);
  }
  const auto first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return fail(Errc::UnsupportedFormat, "the file is empty");
  }
  const std::string_view content = head.substr(first);
  if (content.front() == '<' && !content.starts_with("<CLIENTPROFILE")) {
    return detail::detectXmlFormat(content);
  }
  // Fixed-width text keeps its leading blanks: they are part of the first field.
  return detail::detectTextFormat(head);
}

}  // namespace platnik::banking::formats
