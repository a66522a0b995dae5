#pragma once

#include "banking/Error.h"

#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace platnik::banking::formats::detail {

/// Bounds on what an XML bank file may hold; anything beyond is rejected as malformed.
struct XmlLimits {
  std::size_t maxDepth = 64;                         ///< element nesting
  std::size_t maxInputBytes = std::size_t{4} << 30;  ///< the whole file (4 GiB)
  std::size_t maxTextBytes = std::size_t{1} << 20;   ///< one element's text (1 MiB)
  std::size_t maxTreeElements = 100'000;             ///< one subtree read with readTree()
};

/// A small element subtree (one entry, one balance, a header) read out of the stream and
/// dropped after use, so that memory is bounded by the largest subtree, not the file.
/// Names are local names (namespace prefixes dropped).
struct XmlElement {
  std::string name;
  std::string text;  ///< the element's own character data, as written
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<XmlElement> children;
  int line = 0;

  /// The first child with that name, or nullptr.
  [[nodiscard]] const XmlElement* child(std::string_view childName) const;
  /// Follows a '/'-separated path of child names ("Amt", "AmtDtls/TxAmt/Amt").
  [[nodiscard]] const XmlElement* find(std::string_view path) const;
  /// The trimmed text at a path, or "" when absent.
  [[nodiscard]] std::string_view textAt(std::string_view path) const;
  /// The trimmed text of this element.
  [[nodiscard]] std::string_view value() const;
  /// Every child with that name.
  [[nodiscard]] std::vector<const XmlElement*> childrenNamed(std::string_view childName) const;
  [[nodiscard]] std::optional<std::string_view> attribute(std::string_view attributeName) const;
};

/// Streams an XML document from a std::istream through libxml2's xmlTextReader with safe
/// options only (XML_PARSE_NONET; never NOENT, DTDLOAD or HUGE), a deny-all external entity
/// loader, and the limits above. A document type declaration or an entity reference is
/// rejected outright: no bank format uses them. Failures are Errc::MalformedFile whose
/// `where` is "<format> <element path>, line N".
///
/// Walk with nextChild(depth of the parent): it returns the parent's next child element,
/// skipping whatever the caller did not consume. Consume a child by descending into it
/// (nextChild(its depth)) or by readTree().
class XmlReader {
 public:
  XmlReader(std::istream& in, std::string formatLabel, XmlLimits limits = {});
  ~XmlReader();
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  /// Moves to the document (root) element.
  Result<void> openRoot();
  /// The next child element of the element at `parentDepth`; false at the parent's end.
  Result<bool> nextChild(int parentDepth);
  /// Reads the current element with everything in it; afterwards the reader is at its end.
  Result<XmlElement> readTree();
  /// Reads the trimmed text of the current element (child elements are an error).
  Result<std::string> readText();

  [[nodiscard]] std::string_view name() const { return m_name; }
  [[nodiscard]] std::string_view namespaceUri() const;
  [[nodiscard]] int depth() const { return m_depth; }
  [[nodiscard]] std::optional<std::string> attribute(const char* attributeName) const;
  [[nodiscard]] int line() const;

  /// "Document/BkToCstmrStmt/Stmt, line 12".
  [[nodiscard]] std::string where() const;
  /// A MalformedFile error at the current position.
  [[nodiscard]] Error error(std::string reason) const;
  /// The same, at a given line (for problems found in a subtree read earlier).
  [[nodiscard]] Error errorAt(const XmlElement& element, std::string reason) const;

  struct Impl;

 private:
  Result<bool> read();

  std::unique_ptr<Impl> m_impl;
  std::string m_name;
  int m_depth = -1;
};

/// Initialises libxml2 and installs the deny-all external entity loader (once per process,
/// thread-safe). Every use of libxml2 in Platnik goes through here first.
void initXml();

/// Trims XML white space (space, tab, CR, LF) at both ends.
std::string_view trimXml(std::string_view text);

}  // namespace platnik::banking::formats::detail
