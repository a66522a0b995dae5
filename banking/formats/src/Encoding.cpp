#include "banking/formats/Encoding.h"

#include "banking/Text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <iconv.h>
#include <memory>

namespace platnik::banking::formats {
namespace {

struct IconvCloser {
  void operator()(iconv_t cd) const { iconv_close(cd); }
};

const char* iconvName(Encoding encoding) {
  switch (encoding) {
    case Encoding::Utf8:
      return "UTF-8";
    case Encoding::Cp1250:
      return "CP1250";
    case Encoding::Cp1251:
      return "CP1251";
    case Encoding::Latin1:
      return "ISO-8859-1";
  }
  return "UTF-8";
}

}  // namespace

std::string_view encodingName(Encoding encoding) {
  return iconvName(encoding);
}

Encoding detectEncoding(std::string_view sample) {
  if (isValidUtf8(sample)) {
    return Encoding::Utf8;
  }
  // In cp1251 the Cyrillic letters fill 0xC0..0xFF and make up most of the non-ASCII bytes
  // (and usually most letters). Serbian Latin in cp1250 has only a few accented letters.
  std::size_t letters = 0;
  std::size_t cyrillicRange = 0;
  for (unsigned char c : sample) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      ++letters;
    } else if (c >= 0xC0) {
      ++letters;
      ++cyrillicRange;
    }
  }
  return letters > 0 && cyrillicRange * 3 > letters ? Encoding::Cp1251 : Encoding::Cp1250;
}

Result<std::string> toUtf8(std::string_view bytes, Encoding from) {
  if (from == Encoding::Utf8) {
    if (bytes.starts_with("\xEF\xBB\xBF")) {
      bytes.remove_prefix(3);
    }
    if (!isValidUtf8(bytes)) {
      return fail(Errc::MalformedFile, "the text is not valid UTF-8");
    }
    return std::string(bytes);
  }
  iconv_t raw = iconv_open("UTF-8", iconvName(from));
  if (raw == reinterpret_cast<iconv_t>(-1)) {
    return fail(Errc::UnsupportedFormat, fmt::format("the encoding {} is not available", iconvName(from)));
  }
  const std::unique_ptr<std::remove_pointer_t<iconv_t>, IconvCloser> cd(raw);
  std::string out(bytes.size() * 3 + 4, '\0');    // every single-byte character fits in 3 UTF-8 bytes
  char* inPtr = const_cast<char*>(bytes.data());  // iconv's signature; the input is not modified
  std::size_t inLeft = bytes.size();
  char* outPtr = out.data();
  std::size_t outLeft = out.size();
  if (iconv(cd.get(), &inPtr, &inLeft, &outPtr, &outLeft) == static_cast<std::size_t>(-1)) {
    return fail(Errc::MalformedFile,
                fmt::format("byte 0x{:02X} at offset {} is not valid {}", static_cast<unsigned char>(*inPtr),
                            bytes.size() - inLeft, iconvName(from)));
  }
  out.resize(out.size() - outLeft);
  return out;
}

namespace {

/// Length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
std::size_t sequenceLength(unsigned char lead) {
  if (lead >= 0xF0) {
    return 4;
  }
  if (lead >= 0xE0) {
    return 3;
  }
  if (lead >= 0xC0) {
    return 2;
  }
  return 1;
}

/// Converts with iconv; a character the target lacks is replaced by `fallback(character)`,
/// which must be representable (or is replaced again, at most once, by its ASCII form).
Result<std::string> convertWithFallback(iconv_t cd, std::string_view text, bool allowFallback) {
  std::string out;
  out.reserve(text.size());
  std::string buffer(text.size() * 4 + 16, '\0');
  char* inPtr = const_cast<char*>(text.data());  // iconv's signature; the input is not modified
  std::size_t inLeft = text.size();
  while (inLeft > 0) {
    char* outPtr = buffer.data();
    std::size_t outLeft = buffer.size();
    const std::size_t rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
    out.append(buffer.data(), buffer.size() - outLeft);
    if (rc != static_cast<std::size_t>(-1)) {
      break;
    }
    if (errno != EILSEQ || !allowFallback) {
      return fail(Errc::InvalidArgument, "the text cannot be converted");
    }
    const std::size_t length = std::min(sequenceLength(static_cast<unsigned char>(*inPtr)), inLeft);
    const std::string character(inPtr, length);
    inPtr += length;
    inLeft -= length;
    std::string latin = cyrillicToLatin(character);
    if (latin != character) {
      auto converted = convertWithFallback(cd, latin, false);
      if (converted) {
        out += converted.value();
        continue;
      }
    }
    out += toAsciiFallback(character);
  }
  return out;
}

}  // namespace

Result<std::string> fromUtf8(std::string_view text, Encoding to) {
  if (!isValidUtf8(text)) {
    return fail(Errc::InvalidArgument, "the text is not valid UTF-8");
  }
  if (to == Encoding::Utf8) {
    return std::string(text);
  }
  iconv_t raw = iconv_open(iconvName(to), "UTF-8");
  if (raw == reinterpret_cast<iconv_t>(-1)) {
    return fail(Errc::UnsupportedFormat, fmt::format("the encoding {} is not available", iconvName(to)));
  }
  const std::unique_ptr<std::remove_pointer_t<iconv_t>, IconvCloser> cd(raw);
  return convertWithFallback(cd.get(), text, true);
}

}  // namespace platnik::banking::formats
