#pragma once

#include "banking/Error.h"

#include <string>
#include <string_view>

namespace platnik::banking::formats {

/// Character encodings bank files arrive in.
enum class Encoding {
  Utf8,
  Cp1250,  ///< Windows Central European: Serbian Latin (Halcom TXT in practice)
  Cp1251,  ///< Windows Cyrillic
  Latin1,  ///< ISO-8859-1 (SWIFT files from western banks)
};

std::string_view encodingName(Encoding encoding);  ///< "UTF-8", "CP1250", …

/// Guesses the encoding of a sample of text: well-formed UTF-8 is UTF-8; otherwise the
/// share of bytes in the Cyrillic range tells cp1251 from cp1250.
Encoding detectEncoding(std::string_view sample);

/// Converts to UTF-8. A UTF-8 byte order mark is dropped; bytes that are not valid in the
/// encoding make it fail (MalformedFile) rather than be guessed.
Result<std::string> toUtf8(std::string_view bytes, Encoding from);

/// Converts UTF-8 text to a file encoding. A character the encoding lacks is written as its
/// Latin transliteration (Cyrillic) or, failing that, as banking::toAsciiFallback has it
/// ("đ" stays in cp1250, "ђ" becomes "đ", "€" in Latin1 becomes "?"), so the result may be
/// longer in characters than the input. Fails (InvalidArgument) only on invalid UTF-8.
Result<std::string> fromUtf8(std::string_view text, Encoding to);

}  // namespace platnik::banking::formats
