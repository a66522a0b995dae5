#include "banking/formats/Encoding.h"

#include "banking/Text.h"

#include <fmt/format.h>
#include <iconv.h>

#include <cerrno>
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

std::string_view encodingName(Encoding encoding) { return iconvName(encoding); }

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
  std::string out(bytes.size() * 3 + 4, '\0');  // every single-byte character fits in 3 UTF-8 bytes
  char* inPtr = const_cast<char*>(bytes.data());  // iconv's signature; the input is not modified
  std::size_t inLeft = bytes.size();
  char* outPtr = out.data();
  std::size_t outLeft = out.size();
  if (iconv(cd.get(), &inPtr, &inLeft, &outPtr, &outLeft) == static_cast<std::size_t>(-1)) {
    return fail(Errc::MalformedFile, fmt::format("byte 0x{:02X} at offset {} is not valid {}",
                                                 static_cast<unsigned char>(*inPtr),
                                                 bytes.size() - inLeft, iconvName(from)));
  }
  out.resize(out.size() - outLeft);
  return out;
}

}  // namespace platnik::banking::formats
