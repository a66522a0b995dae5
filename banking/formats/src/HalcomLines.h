#pragma once

#include "banking/Date.h"
#include "banking/Error.h"
#include "banking/Money.h"
#include "banking/formats/Encoding.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace platnik::banking::formats::detail {

// Building blocks shared by the Halcom TXT readers and writers.

/// What readBounded() found.
enum class BoundedRead { Piece, End, TooLong };
/// Reads up to `delimiter` (dropped) as std::getline does, but stops at `limit` bytes so that a
/// file without delimiters cannot make memory grow with it.
BoundedRead readBounded(std::istream& in, std::string& out, char delimiter, std::size_t limit);
/// The longest line a Halcom or CSV reader accepts.
inline constexpr std::size_t kMaxLineBytes = 1 << 20;

/// Converts the pieces of one file to UTF-8. The encoding is decided at the first piece with a
/// non-ASCII byte (detectEncoding) and kept for the rest of the file; ASCII needs no
/// conversion. A single-byte encoding converts through a table of its 128 upper characters,
/// made once with toUtf8.
class TextDecoder {
 public:
  /// The text as UTF-8; fails (MalformedFile, no position) on a byte the encoding lacks.
  Result<std::string> decode(std::string_view bytes);

 private:
  std::optional<Encoding> m_encoding;
  std::array<std::string, 128> m_upper;  ///< UTF-8 of bytes 0x80..0xFF; empty if not a character
};

/// Reads a Halcom text file one line at a time as UTF-8: drops the CR of CRLF, stops at the
/// 0x1A end-of-file mark, skips blank lines; decodes with a TextDecoder. Memory holds one line.
class HalcomLineReader {
 public:
  HalcomLineReader(std::istream& in, std::string_view formatLabel);

  /// Moves to the next non-blank line; false at the end of the file.
  Result<bool> next();
  [[nodiscard]] const std::string& line() const { return m_line; }
  [[nodiscard]] std::size_t number() const { return m_number; }
  /// A MalformedFile error at this line ("line N" or "line N, column C").
  [[nodiscard]] Error error(std::string reason, std::size_t column = 0) const;

 private:
  std::istream& m_in;
  std::string m_label;
  std::string m_raw;
  std::string m_line;
  std::size_t m_number = 0;
  TextDecoder m_decoder;
  bool m_finished = false;
};

/// A fixed-width line in UTF-8, addressed by the spec's 1-based character positions.
class FixedLine {
 public:
  FixedLine(std::string_view utf8, const HalcomLineReader& reader);

  [[nodiscard]] std::size_t length() const { return m_length; }
  /// The field as written (blanks kept).
  [[nodiscard]] std::string_view raw(std::size_t position, std::size_t width) const;
  /// The field without leading and trailing blanks.
  [[nodiscard]] std::string text(std::size_t position, std::size_t width) const;
  [[nodiscard]] Error error(std::string reason, std::size_t position) const {
    return m_reader.error(std::move(reason), position);
  }

  /// DD.MM.YY (a two-digit year is 1970..2069).
  [[nodiscard]] Result<Date> dottedShortDate(std::size_t position, std::string_view what) const;
  /// DDMMYY (width 6) or DDMMYYYY (width 8); blank or all zeros is no date.
  [[nodiscard]] Result<std::optional<Date>> compactDate(std::size_t position, std::size_t width,
                                                        std::string_view what) const;
  /// Digits with two implied decimals, right-aligned; a leading '-' is accepted.
  [[nodiscard]] Result<Money> amount(std::size_t position, std::size_t width, Currency currency,
                                     std::string_view what) const;
  /// A count: digits only.
  [[nodiscard]] Result<std::uint64_t> count(std::size_t position, std::size_t width,
                                            std::string_view what) const;

 private:
  std::string_view m_text;
  std::size_t m_length;                ///< in characters
  std::vector<std::size_t> m_offsets;  ///< byte offset of every character and the end; empty for ASCII
  const HalcomLineReader& m_reader;
};

/// What a writer does with text longer than its field.
enum class Overflow { Cut, Fail };

/// Builds one fixed-width line of a Halcom file in cp1250: blanks, fields at the spec's
/// 1-based positions, then CRLF.
class FixedLineBuilder {
 public:
  FixedLineBuilder(std::size_t width, std::string context);

  /// Text, left-aligned (converted to cp1250 with the fallbacks of fromUtf8).
  Result<void> text(std::size_t position, std::size_t width, std::string_view utf8, Overflow overflow,
                    std::string_view field);
  /// A number right-aligned and padded with zeros.
  Result<void> digits(std::size_t position, std::size_t width, std::uint64_t value, std::string_view field);
  /// An amount's absolute value in minor units with two implied decimals, zero-padded.
  Result<void> amount(std::size_t position, std::size_t width, const Money& money, std::string_view field);
  /// A signed balance: as amount(), with '-' in the first place when negative.
  Result<void> signedAmount(std::size_t position, std::size_t width, const Money& money,
                            std::string_view field);
  /// DD.MM.YY, DDMMYY or DDMMYYYY (by `pattern`: "DD.MM.YY", "DDMMYY", "DDMMYYYY").
  Result<void> date(std::size_t position, std::string_view pattern, std::optional<Date> date,
                    std::string_view field);

  /// The line with CRLF.
  [[nodiscard]] std::string finish() const { return m_line + "\r\n"; }

 private:
  Result<void> place(std::size_t position, std::size_t width, std::string_view bytes, std::string_view field);
  Error overflow(std::string_view field, std::string_view value, std::size_t width) const;

  std::string m_line;
  std::string m_context;
};

/// The 18 digits of a domestic account written in any of the forms banks use ("205-…-45",
/// "170-000030045758065", 18 digits), or empty when the text is not one.
std::string accountDigits(std::string_view text);
/// An account for a writer's 18-digit field: empty stays empty; anything that is not an
/// account number fails with InvalidAccount naming the field and `context` (the record).
Result<std::string> accountField(std::string_view account, std::string_view field,
                                 const std::string& context);
/// "RS35…" for a valid domestic account, else empty.
std::string ibanOf(std::string_view account);
/// Text without leading and trailing blanks.
std::string_view trimBlanks(std::string_view text);

}  // namespace platnik::banking::formats::detail
