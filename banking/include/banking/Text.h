#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace platnik::banking {

// All text is UTF-8.

/// Serbian Cyrillic to Latin (ђ→đ, ћ→ć, џ→dž, љ→lj, њ→nj, …); other characters unchanged.
/// A capital digraph letter follows its word: "Љуба"→"Ljuba", "ЉУБА"→"LJUBA".
/// Malformed UTF-8 bytes pass through unchanged in this and latinToCyrillic.
std::string cyrillicToLatin(std::string_view text);
/// Serbian Latin to Cyrillic (dž→џ, lj→љ, nj→њ, đ→ђ, …); other characters unchanged.
/// Every lj, nj and dž becomes one letter (the rare words where they are two, "nadživeti",
/// are not recognised); q, w, x, y have no Cyrillic letter and stay.
std::string latinToCyrillic(std::string_view text);
/// For channels that take ASCII only: Cyrillic first to Latin, then č/ć→c, đ→dj, š→s, ž→z,
/// dž→dz (case kept: "Đorđe"→"Djordje", "ĐORĐE"→"DJORDJE"); other Latin letters of Latin-1
/// and Latin Extended-A lose their diacritics too (ü→u, é→e, ß→ss, ł→l), combining marks are
/// dropped; any other non-ASCII character (and any malformed byte) becomes '?'.
std::string toAsciiFallback(std::string_view text);
/// For search: Latin script, diacritics folded as in toAsciiFallback, lower case.
/// "Čačak", "ЧАЧАК" and "cacak" fold to the same text. Characters with no ASCII form are
/// kept (Cyrillic letters outside Serbian are lower-cased), not replaced by '?'.
std::string foldForSearch(std::string_view text);
/// foldForSearch(text) appended to `out` (no string of its own: the import folds millions).
void appendFoldedForSearch(std::string& out, std::string_view text);
/// The number of characters (code points) in UTF-8 text; field limits count characters.
/// A malformed byte counts as one character.
std::size_t characterCount(std::string_view text);
/// Whether the bytes are well-formed UTF-8 (strict: no overlong forms, no surrogates,
/// nothing above U+10FFFF, no truncated sequences).
bool isValidUtf8(std::string_view text);

}  // namespace platnik::banking
