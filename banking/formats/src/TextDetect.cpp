// Tells the text formats apart from the head of a file: SWIFT MT940/MT942 by their tags,
// Halcom's forms by their first line or their fixed line widths, Platnik's CSV by its header.

#include "Detect.h"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace platnik::banking::formats::detail {
namespace {

/// The complete lines of the head (a last line cut off by the head's end is left out unless
/// it is the only one), without their CR/LF, and without a trailing 0x1A.
std::vector<std::string_view> headLines(std::string_view head, bool& lastCut) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  lastCut = false;
  while (pos < head.size()) {
    const auto end = head.find('\n', pos);
    if (end == std::string_view::npos) {
      auto rest = head.substr(pos);
      while (!rest.empty() && (rest.back() == '\x1A' || rest.back() == '\r')) {
        rest.remove_suffix(1);
      }
      if (!rest.empty()) {
        lines.push_back(rest);
        lastCut = true;
      }
      break;
    }
    auto line = head.substr(pos, end - pos);
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    }
    lines.push_back(line);
    pos = end + 1;
  }
  return lines;
}

/// A line starts with the tag (":20:") — not merely contains it.
bool hasTagLine(const std::vector<std::string_view>& lines, std::string_view tag) {
  for (auto line : lines) {
    // The envelope may share a line with the first tag: "{4::20:…" or "{4:\n:20:…".
    if (const auto block = line.find("{4:"); block != std::string_view::npos) {
      line.remove_prefix(block + 3);
    }
    if (line.starts_with(tag)) {
      return true;
    }
  }
  return false;
}

/// Counts characters, not bytes: a cp1250 file has one byte per character, a UTF-8 one may
/// have two for č, ć, š, đ, ž.
std::size_t characters(std::string_view line) {
  std::size_t count = 0;
  for (unsigned char c : line) {
    if ((c & 0xC0) != 0x80) {
      ++count;
    }
  }
  return count;
}

/// Whether every complete non-empty line has one of the `widths` (bytes or UTF-8 characters)
/// and passes `check(line, width)`.
template <class Check>
bool fixedWidths(const std::vector<std::string_view>& lines, bool lastCut,
                 std::initializer_list<std::size_t> widths, Check check) {
  std::size_t longest = 0;
  for (auto w : widths) {
    longest = std::max(longest, w);
  }
  std::size_t seen = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto line = lines[i];
    if (line.empty()) {
      continue;
    }
    if (lastCut && i + 1 == lines.size()) {
      if (line.size() > longest * 2) {
        return false;
      }
      continue;  // cut off by the head's end: its width is unknown
    }
    bool matched = false;
    for (auto w : widths) {
      if ((line.size() == w || characters(line) == w) && check(line, w)) {
        matched = true;
        break;
      }
    }
    if (!matched) {
      return false;
    }
    ++seen;
  }
  return seen > 0;
}

template <class Check>
bool fixedWidth(const std::vector<std::string_view>& lines, bool lastCut, std::size_t width, Check check) {
  return fixedWidths(lines, lastCut, {width},
                     [&](std::string_view line, std::size_t) { return check(line); });
}

bool isPlatnikCsvHeader(std::string_view line) {
  // Platnik's CSV export starts with its documented header, whose first column is
  // booking_date in both styles (docs/formats.md).
  return line.starts_with("booking_date;") || line.starts_with("booking_date,");
}

}  // namespace

Result<Format> detectTextFormat(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) {
    head.remove_prefix(3);
  }
  bool lastCut = false;
  const auto lines = headLines(head, lastCut);
  std::string_view first;
  for (auto line : lines) {
    if (line.find_first_not_of(" \t") != std::string_view::npos) {
      first = line;
      break;
    }
  }
  if (first.starts_with("ST_RACUNA#")) {
    return Format::HalcomExtended;
  }
  if (first.starts_with("<CLIENTPROFILE")) {
    return Format::HalcomForeign;
  }
  if (isPlatnikCsvHeader(first)) {
    return Format::Csv;
  }

  if (hasTagLine(lines, ":20:") && hasTagLine(lines, ":25:")) {
    if (hasTagLine(lines, ":60F:") || hasTagLine(lines, ":60M:")) {
      return Format::Mt940;
    }
    if (hasTagLine(lines, ":34F:") || hasTagLine(lines, ":13D:") || hasTagLine(lines, ":90D:") ||
        hasTagLine(lines, ":90C:")) {
      return Format::Mt942;
    }
  }

  if (fixedWidth(lines, lastCut, 280, [](std::string_view) { return true; })) {
    return Format::HalcomStatement;
  }
  if (fixedWidth(lines, lastCut, 147, [](std::string_view line) { return line.starts_with("01"); })) {
    return Format::HalcomRecap;
  }
  // Orders: the address (type 0) and sum (type 9) records are 180 characters, the order
  // records (type 1) 182.
  if (fixedWidths(lines, lastCut, {180, 182}, [](std::string_view line, std::size_t width) {
        const char type = line.back();
        return width == 182 ? type == '1' : (type == '0' || type == '9');
      })) {
    return Format::HalcomOrders;
  }

  if (hasTagLine(lines, ":20:")) {
    return fail(Errc::UnsupportedFormat,
                "the file has SWIFT tags but neither an MT940 statement (:20:, :25:, :60F:) nor an MT942 "
                "report (:20:, :25:, :34F:)");
  }
  return fail(Errc::UnsupportedFormat,
              "the content is not a format Platnik reads (MT940/MT942, Hal E-Bank TXT, camt, Asseco or ROL "
              "XML, Platnik CSV)");
}

}  // namespace platnik::banking::formats::detail
