#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace platnik::banking {

// All text is UTF-8.

/// Serbian Cyrillic to Latin (ђ→đ, ћ→ć, џ→dž, љ→lj, њ→nj, …); other characters unchanged.
std::string cyrillicToLatin(std::string_view text);
/// Serbian Latin to Cyrillic (dž→џ, lj→љ, nj→њ, đ→ђ, …); other characters unchanged.
std::string latinToCyrillic(std::string_view text);
/// For channels that take ASCII only: Cyrillic first to Latin, then č/ć→c, đ→dj, š→s, ž→z,
/// dž→dz (case kept); any other non-ASCII character becomes '?'.
std::string toAsciiFallback(std::string_view text);
/// For search: Latin script, diacritics folded as in toAsciiFallback, lower case.
/// "Čačak", "ЧАЧАК" and "cacak" fold to the same text.
std::string foldForSearch(std::string_view text);
/// The number of characters (code points) in UTF-8 text; field limits count characters.
std::size_t characterCount(std::string_view text);
/// Whether the bytes are well-formed UTF-8.
bool isValidUtf8(std::string_view text);

}  // namespace platnik::banking
