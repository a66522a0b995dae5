#pragma once

#include "XmlReader.h"
#include "banking/Error.h"

#include <optional>
#include <string>
#include <string_view>

namespace platnik::banking::formats::detail {

// ISO 20022 message names and the SWIFT (CBPR+) envelope around a Document, shared by the
// format detection and the ISO 20022 readers.

/// "pain.001.001.09" found in a namespace URI ("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09",
/// "http://www.six-interbank-clearing.com/de/pain.001.001.03.ch.02.xsd"): the views point into
/// the URI.
struct IsoMessageName {
  std::string_view full;     ///< "pain.001.001.09"
  std::string_view area;     ///< "pain"
  std::string_view message;  ///< "001"
  std::string_view version;  ///< "09"
};

/// The first ISO 20022 message name in a namespace URI, if any.
std::optional<IsoMessageName> findIsoMessageName(std::string_view uri);

/// What a SWIFT envelope's business application header (AppHdr, head.001.001.0x) says about
/// the Document it carries.
struct IsoEnvelope {
  bool present = false;           ///< the root was an <Envelope>
  bool hasHeader = false;         ///< it held an <AppHdr> before the Document
  std::string messageDefinition;  ///< AppHdr/MsgDefIdr ("pain.001.001.09")
  std::string headerWhere;        ///< where MsgDefIdr (or the AppHdr lacking it) was written
};

/// Call right after XmlReader::openRoot(). When the root is a SWIFT <Envelope>, moves to the
/// <Document> inside it, reading the <AppHdr> met on the way; a bare root is left as it is.
/// Fails when the envelope holds no Document.
Result<IsoEnvelope> enterIsoEnvelope(XmlReader& reader);

/// With the reader at the Document: the envelope's header must name the Document's message
/// (AppHdr/MsgDefIdr equal to the message of the Document's namespace; CBPR+ rule
/// pain.001-R3 and its twins for the other messages). A bare Document, or an envelope without
/// a header, has nothing to contradict. `rule` names the business rule in the message.
Result<void> checkEnvelopeNamesDocument(const XmlReader& reader, const IsoEnvelope& envelope,
                                        std::string_view rule);

}  // namespace platnik::banking::formats::detail
