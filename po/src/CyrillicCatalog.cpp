#include "po/CyrillicCatalog.h"

#include "banking/Text.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace platnik::po {
namespace {

bool isAsciiUpper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool isAsciiLetter(char c) {
  return isAsciiUpper(c) || (c >= 'a' && c <= 'z');
}

/// The length of a printf conversion at text[0] == '%': flags, width, precision, length, type.
std::size_t formatSpecLength(std::string_view text) {
  std::size_t i = 1;
  const auto skip = [&](std::string_view set) {
    while (i < text.size() && set.find(text[i]) != std::string_view::npos) {
      ++i;
    }
  };
  skip("0123456789$");  // argument position ("%1$s") or width
  skip("-+ #0'");
  skip("0123456789*");
  if (i < text.size() && text[i] == '.') {
    ++i;
    skip("0123456789*");
  }
  skip("hlLqjzt");
  return i < text.size() ? i + 1 : text.size();
}

/// The length of the protected run starting at text[0], or 0 when text[0] starts Serbian text.
std::size_t protectedLength(std::string_view text) {
  const char c = text.front();
  if (c == '\\') {
    if (text.size() > 1 && text[1] == '"') {
      // A quoted value the user types as it is ("sr@latin"): up to its closing quote.
      const auto close = text.find("\\\"", 2);
      return close == std::string_view::npos ? 2 : close + 2;
    }
    if (text.size() > 1 && text[1] == 't') {
      return text.size();  // "\tCtrl+Q": the accelerator is parsed by wxWidgets, in English
    }
    return std::min<std::size_t>(2, text.size());
  }
  if (c == '%') {
    return formatSpecLength(text);
  }
  if (c == '{') {
    const auto close = text.find('}');
    return close == std::string_view::npos ? 1 : close + 1;
  }
  if (isAsciiLetter(c)) {
    std::size_t end = 0;
    while (end < text.size() && isAsciiLetter(text[end])) {
      ++end;
    }
    if (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80) {
      return 0;  // a Serbian word in capitals ("ŠIFRA" seen from its I), not an acronym
    }
    const std::string_view word = text.substr(0, end);
    const bool acronym = word.size() >= 2 && std::all_of(word.begin(), word.end(), isAsciiUpper);
    return acronym ? end : 0;
  }
  return 0;
}

std::string transliterate(std::string_view text) {
  std::string out;
  std::size_t plainStart = 0;
  std::size_t i = 0;
  const auto flush = [&](std::size_t end) {
    out += banking::latinToCyrillic(text.substr(plainStart, end - plainStart));
  };
  while (i < text.size()) {
    // Only at the start of a word can an acronym begin.
    const bool wordStart =
        i == 0 || (!isAsciiLetter(text[i - 1]) && static_cast<unsigned char>(text[i - 1]) < 0x80);
    const std::size_t length = (wordStart || !isAsciiLetter(text[i])) ? protectedLength(text.substr(i)) : 0;
    if (length == 0) {
      ++i;
      continue;
    }
    flush(i);
    out += text.substr(i, length);
    i += length;
    plainStart = i;
  }
  flush(text.size());
  return out;
}

bool startsWith(std::string_view line, std::string_view prefix) {
  return line.substr(0, prefix.size()) == prefix;
}

/// The text between the quotes of `"…"` (escapes kept), or throws naming the line.
std::string_view quoted(std::string_view line, std::size_t lineNumber) {
  const auto open = line.find('"');
  const auto close = line.find_last_of('"');
  if (open == std::string_view::npos || close == open) {
    throw std::runtime_error(fmt::format("line {}: expected a quoted string", lineNumber));
  }
  return line.substr(open + 1, close - open - 1);
}

}  // namespace

std::string cyrillicMessage(std::string_view latin) {
  return transliterate(latin);
}

std::string cyrillicCatalog(std::string_view latinCatalog) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < latinCatalog.size();) {
    auto end = latinCatalog.find('\n', start);
    if (end == std::string_view::npos) {
      end = latinCatalog.size();
    }
    lines.push_back(latinCatalog.substr(start, end - start));
    start = end + 1;
  }

  std::string out;
  std::string msgid;
  bool inMsgid = false;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const std::string_view line = lines[n];
    const std::size_t lineNumber = n + 1;
    if (startsWith(line, "msgid ")) {
      msgid = quoted(line, lineNumber);
      inMsgid = true;
      out += line;
      out += '\n';
      continue;
    }
    if (startsWith(line, "\"") && inMsgid) {
      msgid += quoted(line, lineNumber);
      out += line;
      out += '\n';
      continue;
    }
    if (startsWith(line, "msgstr")) {
      inMsgid = false;
      const auto keywordEnd = line.find(' ');
      const std::string_view keyword = line.substr(0, keywordEnd);
      std::string text(quoted(line, lineNumber));
      while (n + 1 < lines.size() && startsWith(lines[n + 1], "\"")) {
        ++n;
        text += quoted(lines[n], n + 1);
      }
      if (msgid.empty()) {
        // The header: metadata, not a message.
        const auto language = text.find("Language: sr@latin\\n");
        if (language != std::string::npos) {
          text.replace(language, std::string_view("Language: sr@latin\\n").size(), "Language: sr\\n");
        }
      } else {
        text = cyrillicMessage(text);
      }
      out += fmt::format("{} \"{}\"\n", keyword, text);
      continue;
    }
    if (startsWith(line, "\"")) {
      throw std::runtime_error(fmt::format("line {}: a string outside msgid or msgstr", lineNumber));
    }
    if (!startsWith(line, "msgid_plural") && !startsWith(line, "msgctxt")) {
      inMsgid = false;
    }
    out += line;
    out += '\n';
  }
  return out;
}

}  // namespace platnik::po
