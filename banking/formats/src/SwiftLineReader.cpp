#include "SwiftLineReader.h"

#include <fmt/format.h>

#include <algorithm>

namespace platnik::banking::formats::detail {
namespace {

bool isAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

bool SwiftLineReader::fill() {
  if (m_eof) {
    return false;
  }
  m_buffer.erase(0, m_pos);
  m_pos = 0;
  const auto old = m_buffer.size();
  m_buffer.resize(old + kChunkSize);
  m_in.read(m_buffer.data() + old, static_cast<std::streamsize>(kChunkSize));
  const auto got = static_cast<std::size_t>(m_in.gcount());
  m_buffer.resize(old + got);
  if (got < kChunkSize) {
    m_eof = true;
  }
  if (!m_started) {
    m_started = true;
    if (std::string_view(m_buffer).starts_with("\xEF\xBB\xBF")) {
      m_buffer.erase(0, 3);
      m_encoding = Encoding::Utf8;
    } else if (!isAscii(m_buffer)) {
      m_encoding = detectEncoding(m_buffer);
    }
  }
  return got > 0;
}

Result<std::optional<std::string>> SwiftLineReader::next() {
  std::size_t end = std::string::npos;
  while (true) {
    end = m_buffer.find_first_of("\r\n", m_pos);
    // A CR at the very end of the buffer may be the first half of a CRLF: read on.
    const bool splitCrlf =
        end != std::string::npos && m_buffer[end] == '\r' && end + 1 == m_buffer.size() && !m_eof;
    if (end != std::string::npos && !splitCrlf) {
      break;
    }
    if (end == std::string::npos && m_buffer.size() - m_pos > kMaxLineLength) {
      break;
    }
    if (!fill()) {
      end = m_buffer.find_first_of("\r\n", m_pos);
      break;
    }
  }
  const auto lineEnd = end == std::string::npos ? m_buffer.size() : end;
  if (lineEnd - m_pos > kMaxLineLength) {
    return fail(Errc::MalformedFile, fmt::format("a line is longer than {} bytes", kMaxLineLength),
                fmt::format("line {}", m_lineNumber + 1));
  }
  if (m_pos >= m_buffer.size()) {
    return std::optional<std::string>{};
  }
  std::string_view raw(m_buffer.data() + m_pos, lineEnd - m_pos);
  m_pos = lineEnd;
  if (m_pos < m_buffer.size()) {
    const bool crlf = m_buffer[m_pos] == '\r' && m_pos + 1 < m_buffer.size() && m_buffer[m_pos + 1] == '\n';
    m_pos += crlf ? 2 : 1;
  }
  ++m_lineNumber;
  // Control characters at the end (0x1A end of file, 0x03 end of text, NUL) are framing.
  while (!raw.empty() && static_cast<unsigned char>(raw.back()) < 0x20 && raw.back() != '\t') {
    raw.remove_suffix(1);
  }
  if (!m_encoding && !isAscii(raw)) {
    m_encoding = detectEncoding(raw);
  }
  auto text = toUtf8(raw, m_encoding.value_or(Encoding::Utf8));
  if (!text) {
    return fail(Errc::MalformedFile, text.error().message, fmt::format("line {}", m_lineNumber));
  }
  return std::optional<std::string>{std::move(text).value()};
}

}  // namespace platnik::banking::formats::detail
