#include "IsoEnvelope.h"

#include <fmt/format.h>

#include <cctype>

namespace platnik::banking::formats::detail {

std::optional<IsoMessageName> findIsoMessageName(std::string_view uri) {
  const auto digits = [&](std::size_t at, std::size_t count) {
    if (at + count > uri.size()) {
      return false;
    }
    for (std::size_t i = at; i < at + count; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(uri[i]))) {
        return false;
      }
    }
    return true;
  };
  for (std::size_t start = 0; start < uri.size(); ++start) {
    if (start > 0 && uri[start - 1] != ':' && uri[start - 1] != '/') {
      continue;
    }
    std::size_t p = start;
    while (p < uri.size() && uri[p] >= 'a' && uri[p] <= 'z') {
      ++p;
    }
    const std::size_t letters = p - start;
    // area "." 3 digits "." 3 digits "." 2 digits, then the end or a '.'
    if (letters < 3 || letters > 5 || p + 11 > uri.size() || uri[p] != '.' || !digits(p + 1, 3) ||
        uri[p + 4] != '.' || !digits(p + 5, 3) || uri[p + 8] != '.' || !digits(p + 9, 2) ||
        (p + 11 < uri.size() && uri[p + 11] != '.')) {
      continue;
    }
    return IsoMessageName{uri.substr(start, p + 11 - start), uri.substr(start, letters), uri.substr(p + 1, 3),
                          uri.substr(p + 9, 2)};
  }
  return std::nullopt;
}

Result<IsoEnvelope> enterIsoEnvelope(XmlReader& reader) {
  IsoEnvelope envelope;
  if (reader.name() != "Envelope") {
    return envelope;
  }
  envelope.present = true;
  const int depth = reader.depth();
  while (true) {
    BOOST_OUTCOME_TRY(more, reader.nextChild(depth));
    if (!more) {
      return reader.error("the envelope holds no Document");
    }
    if (reader.name() == "Document") {
      return envelope;
    }
    if (reader.name() == "AppHdr" && !envelope.hasHeader) {
      BOOST_OUTCOME_TRY(header, reader.readTree());
      envelope.hasHeader = true;
      const XmlElement* definition = header.child("MsgDefIdr");
      envelope.messageDefinition = definition == nullptr ? "" : std::string(definition->value());
      envelope.headerWhere = reader.errorAt(definition == nullptr ? header : *definition, {}).where;
    }
  }
}

Result<void> checkEnvelopeNamesDocument(const XmlReader& reader, const IsoEnvelope& envelope,
                                        std::string_view rule) {
  if (!envelope.hasHeader) {
    return boost::outcome_v2::success();
  }
  const auto document = findIsoMessageName(reader.namespaceUri());
  const std::string documentName =
      document ? std::string(document->full) : fmt::format("in namespace '{}'", reader.namespaceUri());
  if (envelope.messageDefinition.empty()) {
    return fail(Errc::MalformedFile,
                fmt::format("the envelope's application header (AppHdr) names no message (MsgDefIdr); the "
                            "Document is {} ({})",
                            documentName, rule),
                envelope.headerWhere);
  }
  if (!document || envelope.messageDefinition != document->full) {
    return fail(
        Errc::MalformedFile,
        fmt::format("the envelope's application header names the message '{}' (AppHdr/MsgDefIdr), but "
                    "the Document it carries is {} ({})",
                    envelope.messageDefinition, documentName, rule),
        envelope.headerWhere);
  }
  return boost::outcome_v2::success();
}

}  // namespace platnik::banking::formats::detail
