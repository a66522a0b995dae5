#include "Detect.h"
#include "IsoEnvelope.h"

#include <fmt/format.h>

#include <cctype>
#include <optional>
#include <string>
#include <vector>

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
      // Skip the whole declaration, instruction or comment: a comment may quote an element.
      const std::string_view close = head.substr(at, 4) == "<!--" ? "-->" : next == '?' ? "?>" : ">";
      at = head.find(close, at + 2);
      if (at == std::string_view::npos) {
        return {};
      }
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

/// The values of every xmlns / xmlns:prefix attribute in the head.
std::vector<std::string_view> namespaceUris(std::string_view head) {
  std::vector<std::string_view> uris;
  for (auto at = head.find("xmlns"); at != std::string_view::npos; at = head.find("xmlns", at + 5)) {
    std::size_t p = at + 5;
    if (p < head.size() && head[p] == ':') {
      while (p < head.size() && (std::isalnum(static_cast<unsigned char>(head[p])) || head[p] == ':' ||
                                 head[p] == '_' || head[p] == '.' || head[p] == '-')) {
        ++p;
      }
    }
    while (p < head.size() && std::isspace(static_cast<unsigned char>(head[p]))) {
      ++p;
    }
    if (p >= head.size() || head[p] != '=') {
      continue;
    }
    ++p;
    while (p < head.size() && std::isspace(static_cast<unsigned char>(head[p]))) {
      ++p;
    }
    if (p >= head.size() || (head[p] != '"' && head[p] != '\'')) {
      continue;
    }
    const char quote = head[p];
    const auto end = head.find(quote, p + 1);
    if (end == std::string_view::npos) {
      break;
    }
    uris.push_back(head.substr(p + 1, end - p - 1));
  }
  return uris;
}

}  // namespace

Result<Format> detectXmlFormat(std::string_view head) {
  // ISO 20022: the message is named by its namespace (on Document, or declared on a SWIFT
  // envelope around it): urn:iso:std:iso:20022:tech:xsd:camt.053.001.02, the Swiss
  // http://www.six-interbank-clearing.com/de/pain.001.001.03.ch.02.xsd, urn:sepade:xsd:…
  std::string isoNamespace;
  for (const auto uri : namespaceUris(head)) {
    const auto name = findIsoMessageName(uri);
    if (!name) {
      continue;
    }
    const std::string_view area = name->area;
    const std::string_view message = name->message;
    const std::string_view versionText = name->version;
    if (area == "head") {
      continue;  // the business application header of an envelope
    }
    const int version = (versionText[0] - '0') * 10 + (versionText[1] - '0');
    if (area == "camt" && (message == "052" || message == "053" || message == "054")) {
      if (version < 2 || version > 8) {
        return fail(Errc::UnsupportedFormat,
                    fmt::format("camt.{}.001.{} is not supported (versions .001.02 to .001.08 are)", message,
                                versionText));
      }
      return message == "052" ? Format::Camt052 : message == "053" ? Format::Camt053 : Format::Camt054;
    }
    if (area == "pain" && message == "001") {
      return Format::Pain001;
    }
    if (area == "pain" && message == "002") {
      return Format::Pain002;
    }
    isoNamespace = std::string(uri);
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
  if (root == "Envelope") {
    return fail(Errc::UnsupportedFormat,
                "a SWIFT envelope whose Document's namespace, at the start of the file, names no ISO 20022 "
                "message Platnik reads (camt.052/053/054 .001.02 to .001.08, pain.001, pain.002)");
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
