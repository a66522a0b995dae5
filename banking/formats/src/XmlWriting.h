#pragma once

// Helpers of the XML writers (pain.001, camt.053): the documents are written as text, then
// validated against the shipped XSD.

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace platnik::banking::formats::detail {

/// Text with &, <, > and " escaped, for element content and attribute values.
inline std::string xmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

/// Appends <name>text</name> when the text is not empty.
inline void xmlElement(std::string& out, std::string_view indent, std::string_view name,
                       std::string_view text) {
  if (!text.empty()) {
    out += fmt::format("{}<{}>{}</{}>\n", indent, name, xmlEscape(text), name);
  }
}

}  // namespace platnik::banking::formats::detail
