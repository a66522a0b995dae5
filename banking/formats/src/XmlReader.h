#pragma once

#include "banking/Error.h"

#include <cstddef>
#include <cstdint>
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
/// (nextChild(its depth)) or by readTree(), or stream through it node by node with step().
///
/// Element names are interned by libxml2's dictionary and live as long as the reader, so
/// name() views stay valid after the reader moves on and compare without copies.
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

  /// What step() met.
  enum class Step : std::uint8_t { Start, Text, End, Done, Failed };
  /// Streams through the content of the element at `depth` (the one current when the walk
  /// began): Start of each element below it, Text for its character data (text() views it
  /// until the next step), and Done at the element's end. The End of an element is reported
  /// only when asked for with wantEnd() at its Start (an empty element's too): most streaming
  /// readers need no End, and the hot loop is spared a step per element.
  /// name() and depth() describe the element started or ended; at a Text, depth() is that of
  /// the element holding the text. Failed when the file is broken or breaks a limit:
  /// failure() says why. (No Result here: this is the hot loop.)
  Step step(int depth);
  /// Asks step() to report the End of the element it has just reported the Start of.
  void wantEnd();
  /// Has step() append the text of the element it has just reported the Start of to `into`
  /// instead of reporting it as Text steps (up to the limit on one element's text). `into`
  /// must outlive that element.
  void collectText(std::string& into);
  /// Why step() returned Failed.
  [[nodiscard]] Error failure() const;
  /// The character data of the current Text step; valid until the reader moves.
  [[nodiscard]] std::string_view text() const;
  /// The value of an attribute of the current element, without a copy; valid until the
  /// reader moves.
  [[nodiscard]] std::optional<std::string_view> attributeView(const char* attributeName) const;
  /// The reader's own copy of a name: name().data() of an element so named is this pointer,
  /// so a streaming reader can match names by pointer.
  [[nodiscard]] const char* intern(const std::string& elementName) const;

  [[nodiscard]] std::string_view name() const { return m_name; }
  /// name().data(), without measuring it: the interned pointer (see intern()).
  [[nodiscard]] const char* internedName() const { return m_name; }
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
  /// The same for an element found by step() under the current element: `relativePath`
  /// ("NtryDtls/TxDtls/Amt") is appended to the current path.
  [[nodiscard]] Error errorBelow(std::string_view relativePath, int atLine, std::string reason) const;

  struct Impl;

 private:
  Result<bool> read();
  /// Takes note of the node the reader moved to (its type, depth, name, the path).
  Result<void> note(int type);
  /// The error for a failed xmlTextReaderRead.
  [[nodiscard]] Error readFailure() const;

  std::unique_ptr<Impl> m_impl;
  const char* m_name = "";  ///< interned by libxml2's dictionary
  int m_depth = -1;
};

/// Initialises libxml2 and installs the deny-all external entity loader (once per process,
/// thread-safe). Every use of libxml2 in Platnik goes through here first.
void initXml();

/// Trims XML white space (space, tab, CR, LF) at both ends.
std::string_view trimXml(std::string_view text);

}  // namespace platnik::banking::formats::detail
