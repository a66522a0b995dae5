#include "XmlReader.h"
#include "banking/formats/Iso20022.h"

#include <climits>
#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <memory>
#include <string>

namespace platnik::banking::formats {
namespace detail {
extern const std::string_view kPain00100103;
extern const std::string_view kPain00100109;
}  // namespace detail

namespace {

struct DocFree {
  void operator()(xmlDocPtr doc) const { xmlFreeDoc(doc); }
};
struct SchemaParserFree {
  void operator()(xmlSchemaParserCtxtPtr ctxt) const { xmlSchemaFreeParserCtxt(ctxt); }
};
struct SchemaFree {
  void operator()(xmlSchemaPtr schema) const { xmlSchemaFree(schema); }
};
struct ValidFree {
  void operator()(xmlSchemaValidCtxtPtr ctxt) const { xmlSchemaFreeValidCtxt(ctxt); }
};

struct Problems {
  std::string text;
  int count = 0;
};

void collect(void* context, xmlErrorPtr error) {
  auto* problems = static_cast<Problems*>(context);
  if (error == nullptr || error->level < XML_ERR_ERROR || ++problems->count > 20) {
    return;
  }
  std::string message = error->message != nullptr ? error->message : "invalid";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
    message.pop_back();
  }
  if (!problems->text.empty()) {
    problems->text += "; ";
  }
  problems->text += error->line > 0 ? fmt::format("line {}: {}", error->line, message) : message;
}

}  // namespace

std::string_view namespaceOf(Pain001Version version) {
  return version == Pain001Version::V03 ? "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"
                                        : "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
}

std::string_view pain001Schema(Pain001Version version) {
  return version == Pain001Version::V03 ? detail::kPain00100103 : detail::kPain00100109;
}

Result<void> validateAgainstSchema(std::string_view document, std::string_view xsd, std::string_view label) {
  detail::initXml();
  if (document.size() > INT_MAX || xsd.size() > INT_MAX) {
    return fail(Errc::MalformedFile, "the document is too large to validate", std::string(label));
  }
  Problems problems;
  std::unique_ptr<xmlSchemaParserCtxt, SchemaParserFree> parser(
      xmlSchemaNewMemParserCtxt(xsd.data(), static_cast<int>(xsd.size())));
  if (!parser) {
    return fail(Errc::InvalidArgument, "the schema cannot be read", std::string(label));
  }
  xmlSchemaSetParserStructuredErrors(parser.get(), collect, &problems);
  std::unique_ptr<xmlSchema, SchemaFree> schema(xmlSchemaParse(parser.get()));
  if (!schema) {
    return fail(Errc::InvalidArgument, "the schema is not a valid XSD: " + problems.text, std::string(label));
  }
  problems = {};
  std::unique_ptr<xmlDoc, DocFree> doc(
      xmlReadMemory(document.data(), static_cast<int>(document.size()), nullptr, nullptr, XML_PARSE_NONET));
  if (!doc) {
    return fail(Errc::MalformedFile, "the document is not well-formed XML", std::string(label));
  }
  std::unique_ptr<xmlSchemaValidCtxt, ValidFree> valid(xmlSchemaNewValidCtxt(schema.get()));
  if (!valid) {
    return fail(Errc::InvalidArgument, "the schema validator cannot be started", std::string(label));
  }
  xmlSchemaSetValidStructuredErrors(valid.get(), collect, &problems);
  const int rc = xmlSchemaValidateDoc(valid.get(), doc.get());
  if (rc != 0) {
    if (problems.count > 20) {
      problems.text += fmt::format("; and {} more", problems.count - 20);
    }
    return fail(Errc::MalformedFile, "not valid against the schema: " + problems.text, std::string(label));
  }
  return boost::outcome_v2::success();
}

}  // namespace platnik::banking::formats
