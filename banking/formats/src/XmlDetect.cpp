#include "Detect.h"

#include <fmt/format.h>

#include <regex>
#include <string>

namespace platnik::banking::formats::detail {
namespace {

/// The local name of the first element of the document (after the XML declaration,
/// comments and processing instructions).
std::string rootName(std::string_view head) {
  std::size_t at = 0;
  while (true) {
    at = head.find('<', at);
    if (at == std::string_view::npos || at + 1 >= head.size()) {
      return {};
    }
    const char next = head[at + 1];
    if (next == '?' || next == '!') {
      ++at;
      continue;
    }
    std::size_t end = at + 1;
    while (end < head.size() && head[end] != ' ' && head[end] != '>' && head[end] != '/' &&
           head[end] != '\t' && head[end] != '\r' && head[end] != '\n') {
      ++end;
    }
    std::string name(head.substr(at + 1, end - at - 1));
    if (const auto colon = name.find(':'); colon != std::string::npos) {
      name.erase(0, colon + 1);
    }
    return name;
  }
}

}  // namespace

Result<Format> detectXmlFormat(std::string_view head) {
  // ISO 20022: the message is named by its namespace (on Document, or declared on a SWIFT
  // envelope around it): urn:iso:std:iso:20022:tech:xsd:camt.053.001.02, the Swiss
  // http://www.six-interbank-clearing.com/de/pain.001.001.03.ch.02.xsd, urn:sepade:xsd:…
  static const std::regex kNamespace(R"re(xmlns(?::[A-Za-z0-9_.-]+)?\s*=\s*["']([^"']*)["'])re");
  static const std::regex kMessage(R"re((?:^|[:/])([a-z]{3,5})\.(\d{3})\.(\d{3})\.(\d{2})(?:$|[.]))re");
  const std::string text(head);
  std::string isoNamespace;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kNamespace); it != std::sregex_iterator();
       ++it) {
    const std::string uri = (*it)[1].str();
    std::smatch m;
    if (!std::regex_search(uri, m, kMessage)) {
      continue;
    }
    const std::string area = m[1].str();
    const std::string message = m[2].str();
    if (area == "head") {
      continue;  // the business application header of an envelope
    }
    const int version = std::stoi(m[4].str());
    if (area == "camt" && (message == "052" || message == "053" || message == "054")) {
      if (version < 2 || version > 8) {
        return fail(Errc::UnsupportedFormat,
                    fmt::format("camt.{}.001.{} is not supported (versions .001.02 to .001.08 are)", message,
                                m[4].str()));
      }
      return message == "052" ? Format::Camt052 : message == "053" ? Format::Camt053 : Format::Camt054;
    }
    if (area == "pain" && message == "001") {
      return Format::Pain001;
    }
    if (area == "pain" && message == "002") {
      return Format::Pain002;
    }
    isoNamespace = uri;
  }
  const std::string root = rootName(head);
  if (root == "stmtrs" || root == "stmtrslist" || root == "pmtnotification") {
    return Format::AssecoXml;
  }
  if (root == "TransakcioniRacunPrivredaIzvod" || root == "RacunPrivredaIzvod") {
    return Format::RolXml;
  }
  if (!isoNamespace.empty()) {
    return fail(Errc::UnsupportedFormat,
                fmt::format("the XML message {} is not a format Platnik reads", isoNamespace));
  }
  if (root == "Document") {
    return fail(
        Errc::UnsupportedFormat,
        "an XML <Document> whose namespace names no ISO 20022 message Platnik reads (camt.052/053/054 "
        ".001.02 to .001.08, pain.001, pain.002)");
  }
  if (root.empty()) {
    return fail(Errc::UnsupportedFormat, "the file starts like XML but holds no element");
  }
  return fail(Errc::UnsupportedFormat,
              fmt::format("XML with the root element <{}> is not a format Platnik reads (camt.052/053/054, "
                          "pain.001/002, Asseco OfficeBanking, Raiffeisen OnLine)",
                          root));
}

}  // namespace platnik::banking::formats::detail
