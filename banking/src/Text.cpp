#include "banking/Text.h"

#include <array>
#include <optional>
#include <vector>

namespace platnik::banking {
namespace {

// ---- UTF-8 ----------------------------------------------------------------------------

/// One decoded character: its code point and byte length; nullopt for a malformed sequence
/// (overlong forms, surrogates, code points above U+10FFFF, truncated or stray bytes).
struct Decoded {
  char32_t codePoint;
  std::size_t length;
};

std::optional<Decoded> decodeAt(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    return Decoded{b0, 1};
  }
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  char32_t value = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
    value = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    value = b0 & 0x0F;
    if (b0 == 0xE0) {
      low = 0xA0;  // no overlongs
    } else if (b0 == 0xED) {
      high = 0x9F;  // no surrogates
    }
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    value = b0 & 0x07;
    if (b0 == 0xF0) {
      low = 0x90;  // no overlongs
    } else if (b0 == 0xF4) {
      high = 0x8F;  // nothing above U+10FFFF
    }
  } else {
    return std::nullopt;
  }
  if (i + length > text.size()) {
    return std::nullopt;
  }
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned char b = byte(i + k);
    if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xBF)) {
      return std::nullopt;
    }
    value = (value << 6) | (b & 0x3F);
  }
  return Decoded{value, length};
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

/// A character of the input: a code point, or a byte that is not part of well-formed UTF-8
/// (kept as it is by the transformations, so that nothing is silently lost).
struct Unit {
  char32_t codePoint = 0;
  bool malformed = false;
};

std::vector<Unit> decode(std::string_view text) {
  std::vector<Unit> units;
  for (std::size_t i = 0; i < text.size();) {
    if (const auto decoded = decodeAt(text, i)) {
      units.push_back(Unit{decoded->codePoint, false});
      i += decoded->length;
    } else {
      units.push_back(Unit{static_cast<unsigned char>(text[i]), true});
      ++i;
    }
  }
  return units;
}

void append(std::string& out, const Unit& unit) {
  if (unit.malformed) {
    out.push_back(static_cast<char>(unit.codePoint));
  } else {
    appendUtf8(out, unit.codePoint);
  }
}

// ---- Letters and case -------------------------------------------------------------------

/// Base Latin letters of U+00C0…U+017F with diacritics removed ('?' = no single-letter base:
/// handled by kLigatures, or not a letter at all).
constexpr std::string_view kLatinBase =
    "AAAAAA?CEEEEIIII"   // U+00C0
    "DNOOOOO?OUUUUY??"   // U+00D0
    "aaaaaa?ceeeeiiii"   // U+00E0
    "dnooooo?ouuuuy?y"   // U+00F0
    "AaAaAaCcCcCcCcDd"   // U+0100
    "DdEeEeEeEeEeGgGg"   // U+0110
    "GgGgHhHhIiIiIiIi"   // U+0120
    "Ii??JjKkkLlLlLlL"   // U+0130
    "lLlNnNnNnnNnOoOo"   // U+0140
    "Oo??RrRrRrSsSsSs"   // U+0150
    "SsTtTtTtUuUuUuUu"   // U+0160
    "UuUuWwYyYZzZzZzs";  // U+0170

struct Ligature {
  char32_t codePoint;
  std::string_view ascii;
};
constexpr std::array kLigatures{
    Ligature{0x00C6, "AE"}, Ligature{0x00E6, "ae"}, Ligature{0x00DE, "TH"},
    Ligature{0x00FE, "th"}, Ligature{0x00DF, "ss"}, Ligature{0x0132, "IJ"},
    Ligature{0x0133, "ij"}, Ligature{0x0152, "OE"}, Ligature{0x0153, "oe"},
};

char latinBase(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0x17F) {
    return kLatinBase[cp - 0xC0];
  }
  return '?';
}

/// Combining diacritical marks (text in decomposed form): dropped when folding.
bool isCombiningMark(char32_t cp) {
  return cp >= 0x300 && cp <= 0x36F;
}

bool isCyrillicUpper(char32_t cp) {
  return cp >= 0x400 && cp <= 0x42F;
}
bool isCyrillicLower(char32_t cp) {
  return cp >= 0x430 && cp <= 0x45F;
}

bool isUpperLetter(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') {
    return true;
  }
  const char base = latinBase(cp);
  return (base >= 'A' && base <= 'Z') || isCyrillicUpper(cp) || cp == 0xC6 || cp == 0xDE || cp == 0x132 ||
         cp == 0x152;
}

bool isLowerLetter(char32_t cp) {
  if (cp >= 'a' && cp <= 'z') {
    return true;
  }
  const char base = latinBase(cp);
  return (base >= 'a' && base <= 'z') || isCyrillicLower(cp) || cp == 0xE6 || cp == 0xFE || cp == 0xDF ||
         cp == 0x133 || cp == 0x153;
}

/// Whether a digraph written for the character at `i` should be all upper case ("LJ") rather
/// than title case ("Lj"): the next letter decides; at the end of a word, the previous one.
template <class Units>
bool digraphAllUpper(const Units& units, std::size_t i) {
  const auto at = [&](std::size_t k) { return units[k].malformed ? char32_t{0} : units[k].codePoint; };
  if (i + 1 < units.size() && (isUpperLetter(at(i + 1)) || isLowerLetter(at(i + 1)))) {
    return isUpperLetter(at(i + 1));
  }
  return i > 0 && isUpperLetter(at(i - 1));
}

// ---- Serbian alphabets ------------------------------------------------------------------

/// The Serbian alphabet: a Cyrillic letter (lower case; upper case is a fixed offset) and its
/// Latin spelling, lower case (one letter or a digraph).
struct Letter {
  char32_t cyrillic;
  std::u32string_view latin;
};
constexpr std::array kAlphabet{
    Letter{0x430, U"a"},       Letter{0x431, U"b"},      Letter{0x432, U"v"},      Letter{0x433, U"g"},
    Letter{0x434, U"d"},       Letter{0x452, U"\u0111"}, Letter{0x435, U"e"},      Letter{0x436, U"\u017E"},
    Letter{0x437, U"z"},       Letter{0x438, U"i"},      Letter{0x458, U"j"},      Letter{0x43A, U"k"},
    Letter{0x43B, U"l"},       Letter{0x459, U"lj"},     Letter{0x43C, U"m"},      Letter{0x43D, U"n"},
    Letter{0x45A, U"nj"},      Letter{0x43E, U"o"},      Letter{0x43F, U"p"},      Letter{0x440, U"r"},
    Letter{0x441, U"s"},       Letter{0x442, U"t"},      Letter{0x45B, U"\u0107"}, Letter{0x443, U"u"},
    Letter{0x444, U"f"},       Letter{0x445, U"h"},      Letter{0x446, U"c"},      Letter{0x447, U"\u010D"},
    Letter{0x45F, U"d\u017E"}, Letter{0x448, U"\u0161"},
};

char32_t cyrillicUpper(char32_t lower) {
  return lower >= 0x450 ? lower - 0x50 : lower - 0x20;
}
char32_t cyrillicLower(char32_t upper) {
  return upper < 0x410 ? upper + 0x50 : upper + 0x20;
}

/// Upper case of a Serbian Latin letter (ASCII, or č ć đ š ž, whose capitals precede them).
char32_t latinUpper(char32_t lower) {
  return lower < 0x80 ? lower - 'a' + 'A' : lower - 1;
}
char32_t latinLower(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') {
    return cp - 'A' + 'a';
  }
  if (cp == 0x10C || cp == 0x106 || cp == 0x110 || cp == 0x160 || cp == 0x17D) {
    return cp + 1;
  }
  return cp;
}

const Letter* findCyrillic(char32_t lower) {
  for (const Letter& letter : kAlphabet) {
    if (letter.cyrillic == lower) {
      return &letter;
    }
  }
  return nullptr;
}

/// Cyrillic to Latin on decoded text.
std::vector<Unit> toLatinUnits(const std::vector<Unit>& units) {
  std::vector<Unit> out;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Unit& unit = units[i];
    const bool upper = !unit.malformed && isCyrillicUpper(unit.codePoint);
    const bool lower = !unit.malformed && isCyrillicLower(unit.codePoint);
    const Letter* letter = upper ? findCyrillic(cyrillicLower(unit.codePoint))
                                 : (lower ? findCyrillic(unit.codePoint) : nullptr);
    if (letter == nullptr) {
      out.push_back(unit);
      continue;
    }
    const bool allUpper = upper && digraphAllUpper(units, i);
    for (std::size_t k = 0; k < letter->latin.size(); ++k) {
      const char32_t cp = letter->latin[k];
      out.push_back(Unit{(upper && (k == 0 || allUpper)) ? latinUpper(cp) : cp, false});
    }
  }
  return out;
}

std::string encode(const std::vector<Unit>& units) {
  std::string out;
  for (const Unit& unit : units) {
    append(out, unit);
  }
  return out;
}

/// Writes a character without diacritics: the Serbian rules (đ→dj, with the digraph's case)
/// and the Latin-1/Latin Extended-A letters. Returns false when it has no ASCII form.
bool appendFolded(std::string& out, const std::vector<Unit>& units, std::size_t i) {
  const char32_t cp = units[i].codePoint;
  if (cp == 0x110 || cp == 0x111) {
    out += cp == 0x111 ? "dj" : (digraphAllUpper(units, i) ? "DJ" : "Dj");
    return true;
  }
  for (const Ligature& ligature : kLigatures) {
    if (ligature.codePoint == cp) {
      out += ligature.ascii;
      return true;
    }
  }
  const char base = latinBase(cp);
  if (base == '?') {
    return false;
  }
  out.push_back(base);
  return true;
}

}  // namespace

std::string cyrillicToLatin(std::string_view text) {
  return encode(toLatinUnits(decode(text)));
}

std::string latinToCyrillic(std::string_view text) {
  const std::vector<Unit> units = decode(text);
  std::string out;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Unit& unit = units[i];
    if (unit.malformed) {
      append(out, unit);
      continue;
    }
    const char32_t lower = latinLower(unit.codePoint);
    const bool upper = lower != unit.codePoint;
    const char32_t nextLower =
        i + 1 < units.size() && !units[i + 1].malformed ? latinLower(units[i + 1].codePoint) : char32_t{0};
    const Letter* match = nullptr;
    for (const Letter& letter : kAlphabet) {
      if (letter.latin.size() == 2 && letter.latin[0] == lower && letter.latin[1] == nextLower) {
        match = &letter;  // lj, nj, dž are one Cyrillic letter
        break;
      }
    }
    if (match == nullptr) {
      for (const Letter& letter : kAlphabet) {
        if (letter.latin.size() == 1 && letter.latin[0] == lower) {
          match = &letter;
          break;
        }
      }
    }
    if (match == nullptr) {
      append(out, unit);
      continue;
    }
    appendUtf8(out, upper ? cyrillicUpper(match->cyrillic) : match->cyrillic);
    i += match->latin.size() - 1;
  }
  return out;
}

std::string toAsciiFallback(std::string_view text) {
  const std::vector<Unit> units = toLatinUnits(decode(text));
  std::string out;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (!units[i].malformed && units[i].codePoint < 0x80) {
      out.push_back(static_cast<char>(units[i].codePoint));
    } else if (!units[i].malformed && isCombiningMark(units[i].codePoint)) {
      continue;
    } else if (units[i].malformed || !appendFolded(out, units, i)) {
      out.push_back('?');
    }
  }
  return out;
}

namespace {

char asciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// foldForSearch for one Latin (or other non-Cyrillic-alphabet) code point.
void appendFoldedLatin(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(asciiLower(static_cast<char>(cp)));
    return;
  }
  if (isCombiningMark(cp)) {
    return;
  }
  if (cp == 0x110 || cp == 0x111) {
    out += "dj";
    return;
  }
  for (const Ligature& ligature : kLigatures) {
    if (ligature.codePoint == cp) {
      for (const char c : std::string_view(ligature.ascii)) {
        out.push_back(asciiLower(c));
      }
      return;
    }
  }
  if (const char base = latinBase(cp); base != '?') {
    out.push_back(asciiLower(base));
    return;
  }
  // Letters outside Serbian and Latin-1/Extended-A: at least Cyrillic case folds.
  appendUtf8(out, isCyrillicUpper(cp) ? cyrillicLower(cp) : cp);
}

}  // namespace

// One pass, no intermediate code-point vectors (the import folds every entry's text). The
// result is all lower case, so the case rules of transliteration (Љ → "Lj" or "LJ") need no
// look-around here.
std::string foldForSearch(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  appendFoldedForSearch(out, text);
  return out;
}

void appendFoldedForSearch(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      // A run of ASCII (most of any bank's text) is copied at once and lower-cased in place.
      std::size_t end = i + 1;
      while (end < text.size() && static_cast<unsigned char>(text[end]) < 0x80) {
        ++end;
      }
      const std::size_t at = out.size();
      out.append(text, i, end - i);
      for (auto it = out.begin() + static_cast<std::ptrdiff_t>(at); it != out.end(); ++it) {
        *it = asciiLower(*it);
      }
      i = end;
      continue;
    }
    const auto decoded = decodeAt(text, i);
    if (!decoded) {
      out.push_back(text[i]);  // a malformed byte stays as it is
      ++i;
      continue;
    }
    i += decoded->length;
    const char32_t cp = decoded->codePoint;
    const bool upper = isCyrillicUpper(cp);
    const Letter* letter =
        upper ? findCyrillic(cyrillicLower(cp)) : (isCyrillicLower(cp) ? findCyrillic(cp) : nullptr);
    if (letter == nullptr) {
      appendFoldedLatin(out, cp);
      continue;
    }
    for (const char32_t latin : letter->latin) {
      appendFoldedLatin(out, latin);
    }
  }
}

std::size_t characterCount(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    const auto decoded = decodeAt(text, i);
    i += decoded ? decoded->length : 1;
  }
  return count;
}

bool isValidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto decoded = decodeAt(text, i);
    if (!decoded) {
      return false;
    }
    i += decoded->length;
  }
  return true;
}

}  // namespace platnik::banking
