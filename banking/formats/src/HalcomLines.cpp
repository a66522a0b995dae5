#include "HalcomLines.h"

#include "banking/Account.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

namespace platnik::banking::formats::detail {
namespace {

bool isAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool allDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

unsigned twoDigits(std::string_view text) {
  return static_cast<unsigned>((text[0] - '0') * 10 + (text[1] - '0'));
}

int fullYear(unsigned twoDigitYear) {
  return twoDigitYear < 70 ? 2000 + static_cast<int>(twoDigitYear) : 1900 + static_cast<int>(twoDigitYear);
}

}  // namespace

BoundedRead readBounded(std::istream& in, std::string& out, char delimiter, std::size_t limit) {
  out.clear();
  std::streambuf* buffer = in.rdbuf();
  if (buffer == nullptr || !in.good()) {
    return BoundedRead::End;
  }
  bool any = false;
  while (true) {
    const auto c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      return any ? BoundedRead::Piece : BoundedRead::End;
    }
    any = true;
    if (static_cast<char>(c) == delimiter) {
      return BoundedRead::Piece;
    }
    if (out.size() >= limit) {
      return BoundedRead::TooLong;
    }
    out.push_back(static_cast<char>(c));
  }
}

Result<std::string> TextDecoder::decode(std::string_view bytes) {
  if (isAscii(bytes)) {
    return std::string(bytes);
  }
  if (!m_encoding) {
    m_encoding = detectEncoding(bytes);
    if (*m_encoding != Encoding::Utf8) {
      for (std::size_t b = 0; b < m_upper.size(); ++b) {
        auto character = toUtf8(std::string(1, static_cast<char>(0x80 + b)), *m_encoding);
        m_upper[b] = character ? std::move(character).value() : std::string{};
      }
    }
  }
  if (*m_encoding == Encoding::Utf8) {
    return toUtf8(bytes, Encoding::Utf8);
  }
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const std::size_t run = i;
    while (i < bytes.size() && static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
    }
    out.append(bytes.data() + run, i - run);  // ASCII is the same in every encoding here
    if (i == bytes.size()) {
      break;
    }
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (const std::string& character = m_upper[c - 0x80]; !character.empty()) {
      out += character;
    } else {
      return fail(Errc::MalformedFile,
                  fmt::format("byte 0x{:02X} at offset {} is not valid {}", c, i, encodingName(*m_encoding)));
    }
  }
  return out;
}

HalcomLineReader::HalcomLineReader(std::istream& in, std::string_view formatLabel)
    : m_in(in), m_label(formatLabel) {}

Result<bool> HalcomLineReader::next() {
  while (!m_finished) {
    const BoundedRead read = readBounded(m_in, m_raw, '\n', kMaxLineBytes);
    if (read == BoundedRead::End) {
      m_finished = true;
      break;
    }
    ++m_number;
    if (read == BoundedRead::TooLong) {
      return error("the line is longer than a megabyte");
    }
    const auto eof = m_raw.find('\x1A');
    if (eof != std::string::npos) {
      m_raw.resize(eof);
      m_finished = true;  // whatever follows the end-of-file mark is not part of the file
    }
    if (!m_raw.empty() && m_raw.back() == '\r') {
      m_raw.pop_back();
    }
    if (m_raw.find_first_not_of(' ') == std::string::npos) {
      continue;
    }
    if (isAscii(m_raw)) {
      m_line.swap(m_raw);
      return true;
    }
    auto converted = m_decoder.decode(m_raw);
    if (!converted) {
      return error(converted.error().message);
    }
    m_line = std::move(converted).value();
    return true;
  }
  if (m_in.bad()) {
    return fail(Errc::Io, fmt::format("{}: the file cannot be read", m_label));
  }
  return false;
}

Error HalcomLineReader::error(std::string reason, std::size_t column) const {
  std::string where =
      column == 0 ? fmt::format("line {}", m_number) : fmt::format("line {}, column {}", m_number, column);
  return Error(Errc::MalformedFile, fmt::format("{}: {}", m_label, reason), std::move(where));
}

FixedLine::FixedLine(std::string_view utf8, const HalcomLineReader& reader)
    : m_text(utf8), m_length(utf8.size()), m_reader(reader) {
  if (isAscii(utf8)) {
    return;  // one byte per character: positions are offsets
  }
  m_offsets.reserve(utf8.size() + 1);
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80) {
      m_offsets.push_back(i);
    }
  }
  m_offsets.push_back(utf8.size());
  m_length = m_offsets.size() - 1;
}

std::string_view FixedLine::raw(std::size_t position, std::size_t width) const {
  const std::size_t first = std::min(position - 1, m_length);
  const std::size_t last = std::min(position - 1 + width, m_length);
  if (m_offsets.empty()) {
    return m_text.substr(first, last - first);
  }
  return m_text.substr(m_offsets[first], m_offsets[last] - m_offsets[first]);
}

std::string FixedLine::text(std::size_t position, std::size_t width) const {
  return std::string(trimBlanks(raw(position, width)));
}

Result<Date> FixedLine::dottedShortDate(std::size_t position, std::string_view what) const {
  const std::string_view t = raw(position, 8);
  if (t.size() != 8 || t[2] != '.' || t[5] != '.' || !allDigits(t.substr(0, 2)) ||
      !allDigits(t.substr(3, 2)) || !allDigits(t.substr(6, 2))) {
    return error(fmt::format("the {} '{}' is not a date of the form DD.MM.YY", what, t), position);
  }
  auto date = makeDate(fullYear(twoDigits(t.substr(6))), twoDigits(t.substr(3)), twoDigits(t));
  if (!date) {
    return error(fmt::format("the {} '{}' is not a valid date", what, t), position);
  }
  return date.value();
}

Result<std::optional<Date>> FixedLine::compactDate(std::size_t position, std::size_t width,
                                                   std::string_view what) const {
  const std::string_view t = raw(position, width);
  if (trimBlanks(t).empty() || t.find_first_not_of('0') == std::string_view::npos) {
    return std::optional<Date>{};
  }
  const char* form = width == 6 ? "DDMMYY" : "DDMMYYYY";
  if (t.size() != width || !allDigits(t)) {
    return error(fmt::format("the {} '{}' is not a date of the form {}", what, t, form), position);
  }
  const int year = width == 6 ? fullYear(twoDigits(t.substr(4))) : std::stoi(std::string(t.substr(4, 4)));
  auto date = makeDate(year, twoDigits(t.substr(2)), twoDigits(t));
  if (!date) {
    return error(fmt::format("the {} '{}' is not a valid date", what, t), position);
  }
  return std::optional<Date>(date.value());
}

Result<Money> FixedLine::amount(std::size_t position, std::size_t width, Currency currency,
                                std::string_view what) const {
  const std::string_view t = trimBlanks(raw(position, width));
  const std::string_view unsigned_ = !t.empty() && t.front() == '-' ? t.substr(1) : t;
  if (!allDigits(unsigned_)) {
    return error(fmt::format("the {} '{}' is not an amount (digits with two implied decimals)", what, t),
                 position);
  }
  auto money = Money::parseImplied(t, 2, currency);
  if (!money) {
    return error(fmt::format("the {} '{}': {}", what, t, money.error().message), position);
  }
  return money.value();
}

Result<std::uint64_t> FixedLine::count(std::size_t position, std::size_t width, std::string_view what) const {
  const std::string_view t = trimBlanks(raw(position, width));
  if (!allDigits(t)) {
    return error(fmt::format("the {} '{}' is not a number", what, t), position);
  }
  return std::stoull(std::string(t));
}

FixedLineBuilder::FixedLineBuilder(std::size_t width, std::string context)
    : m_line(width, ' '), m_context(std::move(context)) {}

Error FixedLineBuilder::overflow(std::string_view field, std::string_view value, std::size_t width) const {
  return Error(Errc::Overflow, fmt::format("the {} '{}' does not fit in {} characters", field, value, width),
               m_context);
}

Result<void> FixedLineBuilder::place(std::size_t position, std::size_t width, std::string_view bytes,
                                     std::string_view field) {
  if (bytes.size() > width) {
    return overflow(field, bytes, width);
  }
  m_line.replace(position - 1, bytes.size(), bytes);
  return boost::outcome_v2::success();
}

Result<void> FixedLineBuilder::text(std::size_t position, std::size_t width, std::string_view utf8,
                                    Overflow overflowPolicy, std::string_view field) {
  std::string bytes;
  if (isAscii(utf8)) {
    bytes = utf8;
  } else {
    auto converted = fromUtf8(utf8, Encoding::Cp1250);
    if (!converted) {
      return Error(converted.error().code, fmt::format("the {}: {}", field, converted.error().message),
                   m_context);
    }
    bytes = std::move(converted).value();
  }
  std::replace_if(
      bytes.begin(), bytes.end(), [](char c) { return c == '\r' || c == '\n' || c == '\t'; }, ' ');
  if (bytes.size() > width) {
    if (overflowPolicy == Overflow::Fail) {
      return overflow(field, utf8, width);
    }
    bytes.resize(width);
  }
  return place(position, width, bytes, field);
}

Result<void> FixedLineBuilder::digits(std::size_t position, std::size_t width, std::uint64_t value,
                                      std::string_view field) {
  const std::string text = fmt::format("{:0{}}", value, width);
  if (text.size() > width) {
    return overflow(field, text, width);
  }
  return place(position, width, text, field);
}

Result<void> FixedLineBuilder::amount(std::size_t position, std::size_t width, const Money& money,
                                      std::string_view field) {
  if (money.currency().exponent() != 2) {
    return Error(
        Errc::InvalidArgument,
        fmt::format("the {} is in {}, which does not have two decimals", field, money.currency().code()),
        m_context);
  }
  return digits(position, width, static_cast<std::uint64_t>(money.abs().minorUnits()), field);
}

Result<void> FixedLineBuilder::signedAmount(std::size_t position, std::size_t width, const Money& money,
                                            std::string_view field) {
  if (!money.isNegative()) {
    return amount(position, width, money, field);
  }
  BOOST_OUTCOME_TRYV(amount(position + 1, width - 1, money, field));
  m_line[position - 1] = '-';
  return boost::outcome_v2::success();
}

Result<void> FixedLineBuilder::date(std::size_t position, std::string_view pattern, std::optional<Date> date,
                                    std::string_view field) {
  if (!date) {
    return boost::outcome_v2::success();  // the field stays blank
  }
  const int year = static_cast<int>(date->year());
  const auto month = static_cast<unsigned>(date->month());
  const auto day = static_cast<unsigned>(date->day());
  std::string text;
  if (pattern == "DDMMYYYY") {
    text = fmt::format("{:02}{:02}{:04}", day, month, year);
  } else {
    if (year < 1970 || year > 2069) {
      return Error(
          Errc::Overflow,
          fmt::format("the {} {} cannot be written with a two-digit year", field, toIsoString(*date)),
          m_context);
    }
    text = pattern == "DD.MM.YY" ? fmt::format("{:02}.{:02}.{:02}", day, month, year % 100)
                                 : fmt::format("{:02}{:02}{:02}", day, month, year % 100);
  }
  return place(position, text.size(), text, field);
}

Result<std::string> accountField(std::string_view account, std::string_view field,
                                 const std::string& context) {
  if (account.empty()) {
    return std::string{};
  }
  std::string digits = accountDigits(account);
  if (digits.empty()) {
    return Error(Errc::InvalidAccount,
                 fmt::format("the {} '{}' is not an 18-digit account number", field, account), context);
  }
  return digits;
}

std::string accountDigits(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c != '-' && c != ' ') {
      digits += c;
    }
  }
  if (digits.size() == 18 && allDigits(digits)) {
    return digits;
  }
  auto account = Account::parse(text);
  return account ? account.value().digits() : std::string{};
}

std::string ibanOf(std::string_view account) {
  const std::string digits = accountDigits(account);
  if (digits.empty()) {
    return {};
  }
  auto parsed = Account::parse(digits);
  return parsed ? parsed.value().iban() : std::string{};
}

std::string_view trimBlanks(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(' ');
  return text.substr(first, last - first + 1);
}

}  // namespace platnik::banking::formats::detail
