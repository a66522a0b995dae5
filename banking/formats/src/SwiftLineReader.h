#pragma once

#include "banking/Error.h"
#include "banking/formats/Encoding.h"

#include <cstddef>
#include <istream>
#include <optional>
#include <string>

namespace platnik::banking::formats::detail {

/// Reads a text file line by line in fixed-size chunks (memory does not grow with the file),
/// accepting LF, CRLF and lone CR line ends mixed, and returns each line in UTF-8.
/// The encoding is detected from the first chunk; a first chunk of plain ASCII leaves the
/// choice to the first line that is not. A trailing 0x1A (DOS end of file) is dropped.
class SwiftLineReader {
 public:
  static constexpr std::size_t kChunkSize = 64 * 1024;
  static constexpr std::size_t kMaxLineLength = 64 * 1024;

  explicit SwiftLineReader(std::istream& in) : m_in(in) {}

  /// The next line, std::nullopt at the end of the file; fails on a line too long or
  /// bytes that are not valid in the file's encoding.
  Result<std::optional<std::string>> next();
  /// 1-based number of the line last returned.
  [[nodiscard]] std::size_t lineNumber() const { return m_lineNumber; }

 private:
  bool fill();

  std::istream& m_in;
  std::string m_buffer;
  std::size_t m_pos = 0;
  bool m_eof = false;
  bool m_started = false;
  std::optional<Encoding> m_encoding;
  std::size_t m_lineNumber = 0;
};

}  // namespace platnik::banking::formats::detail
