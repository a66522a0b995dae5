#include "XmlReader.h"

#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <mutex>

namespace platnik::banking::formats::detail {
namespace {

struct TextReaderFree {
  void operator()(xmlTextReaderPtr reader) const { xmlFreeTextReader(reader); }
};
using TextReaderPtr = std::unique_ptr<xmlTextReader, TextReaderFree>;

// Defence in depth: the options never ask for external entities or DTDs, and nothing a
// bank file names outside itself is ever opened.
xmlParserInputPtr denyExternalEntity(const char* /*url*/, const char* /*id*/, xmlParserCtxtPtr /*context*/) {
  return nullptr;
}

}  // namespace

/// Installs the deny-all entity loader and initialises libxml2, once per process.
void initXml() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSetExternalEntityLoader(denyExternalEntity);
  });
}

struct XmlReader::Impl {
  std::istream* in = nullptr;
  std::string label;
  XmlLimits limits;
  TextReaderPtr reader;
  std::size_t bytesRead = 0;
  std::string ioError;
  std::string parseError;
  int parseErrorLine = 0;
  /// The names (interned, see XmlReader) of the current element and its ancestors: the
  /// first pathSize of a vector sized once to the depth limit, so that keeping it costs the
  /// hot loop one store per element.
  std::vector<const char*> path;
  std::size_t pathSize = 0;
  bool failed = false;             ///< ioError or parseError is set: one test per node in the hot loop
  std::optional<Error> stepError;  ///< why step() returned Failed
  /// step(): by depth, whether the End of the element started there is to be reported
  std::vector<char> endWanted;
  /// step(): by depth, where the text of the element started there goes (nullptr: reported)
  std::vector<std::string*> textInto;
  int openDepth = 0;  ///< step(): the depth of the innermost element open, holding any text
  bool atEmptyElement = false;
  bool pendingEnd = false;  ///< step() met an empty element and owes its End
  int type = 0;

  [[nodiscard]] std::string joinedPath() const {
    std::string joined;
    for (std::size_t i = 0; i < pathSize; ++i) {
      if (!joined.empty()) {
        joined += '/';
      }
      joined += path[i];
    }
    return joined;
  }

  static int readCallback(void* context, char* buffer, int length) {
    auto* self = static_cast<Impl*>(context);
    try {
      if (self->in->bad()) {
        self->ioError = "the file cannot be read";
        self->failed = true;
        return -1;
      }
      self->in->read(buffer, length);
      const auto got = static_cast<std::size_t>(self->in->gcount());
      self->bytesRead += got;
      if (self->bytesRead > self->limits.maxInputBytes) {
        self->ioError =
            fmt::format("the file is larger than the limit of {} bytes", self->limits.maxInputBytes);
        self->failed = true;
        return -1;
      }
      return static_cast<int>(got);
    } catch (...) {  // no exception may cross into libxml2
      self->ioError = "the file cannot be read";
      self->failed = true;
      return -1;
    }
  }
  static int closeCallback(void* /*context*/) { return 0; }

  static void errorCallback(void* context, xmlErrorPtr error) {
    auto* self = static_cast<Impl*>(context);
    if (error == nullptr || error->level < XML_ERR_ERROR || !self->parseError.empty()) {
      return;
    }
    std::string message = error->message != nullptr ? error->message : "malformed XML";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    self->parseError = std::move(message);
    self->parseErrorLine = error->line;
    self->failed = true;
  }
};

std::string_view trimXml(std::string_view text) {
  // A plain loop: find_first_not_of(" \t\r\n") searches the set once per character, and
  // every slot of every entry is trimmed.
  const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  std::size_t first = 0;
  std::size_t last = text.size();
  while (first < last && isSpace(text[first])) {
    ++first;
  }
  while (last > first && isSpace(text[last - 1])) {
    --last;
  }
  return text.substr(first, last - first);
}

const XmlElement* XmlElement::child(std::string_view childName) const {
  for (const auto& c : children) {
    if (c.name == childName) {
      return &c;
    }
  }
  return nullptr;
}

const XmlElement* XmlElement::find(std::string_view path) const {
  const XmlElement* at = this;
  while (at != nullptr && !path.empty()) {
    const auto slash = path.find('/');
    at = at->child(path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
  }
  return at;
}

std::string_view XmlElement::textAt(std::string_view path) const {
  const XmlElement* at = find(path);
  return at == nullptr ? std::string_view{} : at->value();
}

std::string_view XmlElement::value() const {
  return trimXml(text);
}

std::vector<const XmlElement*> XmlElement::childrenNamed(std::string_view childName) const {
  std::vector<const XmlElement*> found;
  for (const auto& c : children) {
    if (c.name == childName) {
      found.push_back(&c);
    }
  }
  return found;
}

std::optional<std::string_view> XmlElement::attribute(std::string_view attributeName) const {
  for (const auto& [n, v] : attributes) {
    if (n == attributeName) {
      return std::string_view(v);
    }
  }
  return std::nullopt;
}

XmlReader::XmlReader(std::istream& in, std::string formatLabel, XmlLimits limits)
    : m_impl(std::make_unique<Impl>()) {
  initXml();
  m_impl->in = &in;
  m_impl->label = std::move(formatLabel);
  m_impl->limits = limits;
  m_impl->path.resize(limits.maxDepth + 1);
  m_impl->endWanted.resize(limits.maxDepth + 1);
  m_impl->textInto.resize(limits.maxDepth + 1);
  m_impl->reader.reset(xmlReaderForIO(&Impl::readCallback, &Impl::closeCallback, m_impl.get(), nullptr,
                                      nullptr, XML_PARSE_NONET));
  if (m_impl->reader) {
    xmlTextReaderSetStructuredErrorHandler(m_impl->reader.get(), &Impl::errorCallback, m_impl.get());
  }
}

XmlReader::~XmlReader() = default;

int XmlReader::line() const {
  if (!m_impl->reader) {
    return 0;
  }
  // The line of the node the reader is at; the parser's own line runs ahead of it (it reads
  // small elements whole before the reader reports them).
  if (const xmlNodePtr node = xmlTextReaderCurrentNode(m_impl->reader.get()); node != nullptr) {
    if (const long nodeLine = xmlGetLineNo(node); nodeLine > 0) {
      return static_cast<int>(nodeLine);
    }
  }
  return xmlTextReaderGetParserLineNumber(m_impl->reader.get());
}

std::string_view XmlReader::namespaceUri() const {
  const xmlChar* uri = xmlTextReaderConstNamespaceUri(m_impl->reader.get());
  return uri == nullptr ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(uri));
}

std::optional<std::string> XmlReader::attribute(const char* attributeName) const {
  xmlChar* value =
      xmlTextReaderGetAttribute(m_impl->reader.get(), reinterpret_cast<const xmlChar*>(attributeName));
  if (value == nullptr) {
    return std::nullopt;
  }
  std::string result(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return result;
}

std::string XmlReader::where() const {
  const std::string path = m_impl->joinedPath();
  const int at = line();
  if (path.empty()) {
    return at > 0 ? fmt::format("{} line {}", m_impl->label, at) : m_impl->label;
  }
  return at > 0 ? fmt::format("{} {}, line {}", m_impl->label, path, at)
                : fmt::format("{} {}", m_impl->label, path);
}

Error XmlReader::error(std::string reason) const {
  return {Errc::MalformedFile, std::move(reason), where()};
}

Error XmlReader::errorAt(const XmlElement& element, std::string reason) const {
  // After readTree() the path still ends with the element read; name a child below it.
  std::string path = m_impl->joinedPath();
  if (m_impl->pathSize == 0 || m_impl->path[m_impl->pathSize - 1] != element.name) {
    path += path.empty() ? element.name : "/" + element.name;
  }
  return {Errc::MalformedFile, std::move(reason),
          fmt::format("{} {}, line {}", m_impl->label, path, element.line)};
}

Error XmlReader::errorBelow(std::string_view relativePath, int atLine, std::string reason) const {
  std::string path = m_impl->joinedPath();
  if (!relativePath.empty()) {
    if (!path.empty()) {
      path += '/';
    }
    path += relativePath;
  }
  return {Errc::MalformedFile, std::move(reason), fmt::format("{} {}, line {}", m_impl->label, path, atLine)};
}

Error XmlReader::readFailure() const {
  const Impl& impl = *m_impl;
  if (!impl.ioError.empty()) {
    return {Errc::MalformedFile, impl.ioError, where()};
  }
  std::string reason = impl.parseError.empty() ? "the XML is not well-formed" : impl.parseError;
  const std::string position = impl.parseErrorLine > 0 ? fmt::format(", line {}", impl.parseErrorLine) : "";
  const std::string path = impl.joinedPath();
  return {Errc::MalformedFile, "not well-formed XML: " + reason,
          fmt::format("{}{}{}{}", impl.label, path.empty() ? "" : " ", path, position)};
}

Result<void> XmlReader::note(int type) {
  Impl& impl = *m_impl;
  impl.type = type;
  switch (type) {
    case XML_READER_TYPE_DOCUMENT_TYPE:
      return error("a document type declaration (DTD) is not allowed in a bank file");
    case XML_READER_TYPE_ENTITY_REFERENCE:
    case XML_READER_TYPE_ENTITY:
      return error("entity references are not allowed in a bank file");
    case XML_READER_TYPE_ELEMENT: {
      m_depth = xmlTextReaderDepth(impl.reader.get());
      if (static_cast<std::size_t>(m_depth) >= impl.limits.maxDepth) {
        return error(fmt::format("elements are nested deeper than {} levels", impl.limits.maxDepth));
      }
      // Element names come from the parser's dictionary (the reader sets dictNames), so the
      // view outlives the node.
      const xmlChar* local = xmlTextReaderConstLocalName(impl.reader.get());
      m_name = local == nullptr ? "" : reinterpret_cast<const char*>(local);
      impl.path[static_cast<std::size_t>(m_depth)] = m_name;
      impl.pathSize = static_cast<std::size_t>(m_depth) + 1;
      impl.atEmptyElement = xmlTextReaderIsEmptyElement(impl.reader.get()) == 1;
      impl.openDepth = m_depth;
      impl.textInto[static_cast<std::size_t>(m_depth)] = nullptr;
      break;
    }
    case XML_READER_TYPE_END_ELEMENT: {
      m_depth = xmlTextReaderDepth(impl.reader.get());
      impl.pathSize = static_cast<std::size_t>(m_depth) + 1;
      impl.atEmptyElement = false;
      impl.openDepth = m_depth - 1;
      break;
    }
    default:
      break;
  }
  return boost::outcome_v2::success();
}

Result<bool> XmlReader::read() {
  Impl& impl = *m_impl;
  if (!impl.reader) {
    return fail(Errc::MalformedFile, "the XML parser could not be started", impl.label);
  }
  const int rc = xmlTextReaderRead(impl.reader.get());
  if (rc < 0 || impl.failed) {
    return readFailure();
  }
  if (rc == 0) {
    m_depth = -1;
    impl.type = 0;
    if (impl.pathSize == 0 && *m_name == '\0') {
      return fail(Errc::MalformedFile, "the file holds no XML element", impl.label);
    }
    return false;
  }
  BOOST_OUTCOME_TRYV(note(xmlTextReaderNodeType(impl.reader.get())));
  return true;
}

Result<void> XmlReader::openRoot() {
  while (true) {
    BOOST_OUTCOME_TRY(more, read());
    if (!more) {
      return fail(Errc::MalformedFile, "the file holds no XML element", m_impl->label);
    }
    if (m_impl->type == XML_READER_TYPE_ELEMENT) {
      return boost::outcome_v2::success();
    }
  }
}

Result<bool> XmlReader::nextChild(int parentDepth) {
  Impl& impl = *m_impl;
  if (impl.type == XML_READER_TYPE_ELEMENT && m_depth == parentDepth && impl.atEmptyElement) {
    impl.atEmptyElement = false;
    impl.type = XML_READER_TYPE_END_ELEMENT;  // an empty element has no children
    return false;
  }
  while (true) {
    BOOST_OUTCOME_TRY(more, read());
    if (!more) {
      return false;
    }
    if (impl.type == XML_READER_TYPE_END_ELEMENT && m_depth <= parentDepth) {
      return false;
    }
    if (impl.type == XML_READER_TYPE_ELEMENT && m_depth == parentDepth + 1) {
      return true;
    }
    if (impl.type == XML_READER_TYPE_ELEMENT && m_depth <= parentDepth) {
      return false;  // cannot happen in well-formed XML; stop rather than loop
    }
  }
}

Result<XmlElement> XmlReader::readTree() {
  Impl& impl = *m_impl;
  const int base = m_depth;
  XmlElement root;
  root.name = m_name;
  root.line = line();
  if (xmlTextReaderHasAttributes(impl.reader.get()) == 1) {
    while (xmlTextReaderMoveToNextAttribute(impl.reader.get()) == 1) {
      const xmlChar* n = xmlTextReaderConstLocalName(impl.reader.get());
      const xmlChar* v = xmlTextReaderConstValue(impl.reader.get());
      root.attributes.emplace_back(n == nullptr ? "" : reinterpret_cast<const char*>(n),
                                   v == nullptr ? "" : reinterpret_cast<const char*>(v));
    }
    xmlTextReaderMoveToElement(impl.reader.get());
  }
  if (impl.atEmptyElement) {
    return root;
  }
  std::vector<XmlElement*> open{&root};
  std::size_t elements = 1;
  while (true) {
    BOOST_OUTCOME_TRY(more, read());
    if (!more) {
      return error("the file ends inside an element");
    }
    switch (impl.type) {
      case XML_READER_TYPE_ELEMENT: {
        if (++elements > impl.limits.maxTreeElements) {
          return error(
              fmt::format("more than {} elements in one {}", impl.limits.maxTreeElements, root.name));
        }
        XmlElement& parent = *open.back();
        parent.children.emplace_back();
        XmlElement& child = parent.children.back();
        child.name = m_name;
        child.line = line();
        if (xmlTextReaderHasAttributes(impl.reader.get()) == 1) {
          while (xmlTextReaderMoveToNextAttribute(impl.reader.get()) == 1) {
            const xmlChar* n = xmlTextReaderConstLocalName(impl.reader.get());
            const xmlChar* v = xmlTextReaderConstValue(impl.reader.get());
            child.attributes.emplace_back(n == nullptr ? "" : reinterpret_cast<const char*>(n),
                                          v == nullptr ? "" : reinterpret_cast<const char*>(v));
          }
          xmlTextReaderMoveToElement(impl.reader.get());
        }
        if (!impl.atEmptyElement) {
          open.push_back(&child);
        }
        break;
      }
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA: {
        const xmlChar* v = xmlTextReaderConstValue(impl.reader.get());
        if (v != nullptr) {
          XmlElement& current = *open.back();
          current.text += reinterpret_cast<const char*>(v);
          if (current.text.size() > impl.limits.maxTextBytes) {
            return error(fmt::format("the text of {} is longer than {} bytes", current.name,
                                     impl.limits.maxTextBytes));
          }
        }
        break;
      }
      case XML_READER_TYPE_END_ELEMENT: {
        open.pop_back();
        if (m_depth <= base || open.empty()) {
          return root;
        }
        break;
      }
      default:
        break;
    }
  }
}

XmlReader::Step XmlReader::step(int depth) {
  Impl& impl = *m_impl;
  if (impl.pendingEnd) {  // the element just started is empty
    impl.pendingEnd = false;
    impl.atEmptyElement = false;
    impl.type = XML_READER_TYPE_END_ELEMENT;
    impl.openDepth = m_depth - 1;
    if (m_depth <= depth) {
      return Step::Done;
    }
    if (impl.endWanted[static_cast<std::size_t>(m_depth)] != 0) {
      impl.endWanted[static_cast<std::size_t>(m_depth)] = 0;
      return Step::End;
    }
  } else if (impl.type == XML_READER_TYPE_ELEMENT && m_depth == depth && impl.atEmptyElement) {
    impl.atEmptyElement = false;
    impl.type = XML_READER_TYPE_END_ELEMENT;
    return Step::Done;
  }
  // The hot loop of streaming readers: one xmlTextReaderRead and one node-type query per
  // node, the depth, name and emptiness of elements, and nothing else: no Result wrapping,
  // no call that is not needed, no return to the caller for an End it did not ask for.
  xmlTextReaderPtr reader = impl.reader.get();
  if (reader == nullptr) {
    impl.stepError = Error{Errc::MalformedFile, "the XML parser could not be started", impl.label};
    return Step::Failed;
  }
  while (true) {
    const int rc = xmlTextReaderRead(reader);
    if (rc != 1 || impl.failed) [[unlikely]] {
      impl.stepError = rc == 0 && !impl.failed ? error("the file ends inside an element") : readFailure();
      return Step::Failed;
    }
    const int type = xmlTextReaderNodeType(reader);
    switch (type) {
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA: {
        impl.type = type;
        m_depth = impl.openDepth;
        impl.pathSize = static_cast<std::size_t>(m_depth) + 1;
        std::string* into = impl.textInto[static_cast<std::size_t>(m_depth)];
        if (into == nullptr) {
          return Step::Text;
        }
        if (const xmlChar* value = xmlTextReaderConstValue(reader)) {
          into->append(reinterpret_cast<const char*>(value));
          if (into->size() > impl.limits.maxTextBytes) [[unlikely]] {
            impl.stepError =
                error(fmt::format("the text of {} is longer than {} bytes",
                                  impl.path[static_cast<std::size_t>(m_depth)], impl.limits.maxTextBytes));
            return Step::Failed;
          }
        }
        break;
      }
      case XML_READER_TYPE_ELEMENT: {
        // Elements nest: an element starts inside the innermost one open, and an end closes
        // that one. The depth is known without asking the reader.
        impl.type = type;
        m_depth = impl.openDepth + 1;
        if (static_cast<std::size_t>(m_depth) >= impl.limits.maxDepth) [[unlikely]] {
          impl.stepError =
              error(fmt::format("elements are nested deeper than {} levels", impl.limits.maxDepth));
          return Step::Failed;
        }
        const xmlChar* local = xmlTextReaderConstLocalName(reader);
        m_name = local == nullptr ? "" : reinterpret_cast<const char*>(local);
        impl.path[static_cast<std::size_t>(m_depth)] = m_name;
        impl.pathSize = static_cast<std::size_t>(m_depth) + 1;
        impl.endWanted[static_cast<std::size_t>(m_depth)] = 0;
        impl.textInto[static_cast<std::size_t>(m_depth)] = nullptr;
        impl.atEmptyElement = xmlTextReaderIsEmptyElement(reader) == 1;
        impl.pendingEnd = impl.atEmptyElement;
        impl.openDepth = m_depth;
        return Step::Start;
      }
      case XML_READER_TYPE_END_ELEMENT:
        impl.type = type;
        m_depth = impl.openDepth;
        impl.pathSize = static_cast<std::size_t>(m_depth) + 1;
        impl.atEmptyElement = false;
        impl.openDepth = m_depth - 1;
        if (m_depth <= depth) {
          return Step::Done;
        }
        if (impl.endWanted[static_cast<std::size_t>(m_depth)] != 0) {
          impl.endWanted[static_cast<std::size_t>(m_depth)] = 0;
          return Step::End;
        }
        break;
      case XML_READER_TYPE_DOCUMENT_TYPE:
      case XML_READER_TYPE_ENTITY_REFERENCE:
      case XML_READER_TYPE_ENTITY:
        if (auto refused = note(type); !refused) {
          impl.stepError = std::move(refused).error();
          return Step::Failed;
        }
        break;
      default:
        impl.type = type;
        break;
    }
  }
}

void XmlReader::wantEnd() {
  if (m_depth >= 0) {
    m_impl->endWanted[static_cast<std::size_t>(m_depth)] = 1;
  }
}

void XmlReader::collectText(std::string& into) {
  if (m_depth >= 0) {
    m_impl->textInto[static_cast<std::size_t>(m_depth)] = &into;
  }
}

Error XmlReader::failure() const {
  return m_impl->stepError ? *m_impl->stepError
                           : Error{Errc::MalformedFile, "the XML could not be read", where()};
}

const char* XmlReader::intern(const std::string& elementName) const {
  const xmlChar* interned =
      xmlTextReaderConstString(m_impl->reader.get(), reinterpret_cast<const xmlChar*>(elementName.c_str()));
  return reinterpret_cast<const char*>(interned);
}

std::string_view XmlReader::text() const {
  const xmlChar* value = xmlTextReaderConstValue(m_impl->reader.get());
  return value == nullptr ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(value));
}

std::optional<std::string_view> XmlReader::attributeView(const char* attributeName) const {
  xmlTextReaderPtr reader = m_impl->reader.get();
  if (xmlTextReaderMoveToAttribute(reader, reinterpret_cast<const xmlChar*>(attributeName)) != 1) {
    return std::nullopt;
  }
  const xmlChar* value = xmlTextReaderConstValue(reader);
  std::optional<std::string_view> result;
  if (value != nullptr) {
    result = std::string_view(reinterpret_cast<const char*>(value));
  }
  xmlTextReaderMoveToElement(reader);
  return result;
}

Result<std::string> XmlReader::readText() {
  BOOST_OUTCOME_TRY(tree, readTree());
  if (!tree.children.empty()) {
    return errorAt(tree.children.front(), fmt::format("{} must hold text only", tree.name));
  }
  return std::string(tree.value());
}

}  // namespace platnik::banking::formats::detail
