#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace platnik::gui {

/// A language the window can speak. English is the source language of the catalogs.
struct Language {
  std::string_view code;  ///< The catalog's folder name: "en", "sr" (Cyrillic), "sr@latin".
  std::string_view name;  ///< The language's name in itself (never translated), UTF-8.
};

/// English, Serbian Latin, Serbian Cyrillic, in menu order.
const std::vector<Language>& languages();
/// The language with this code, if the window has it.
std::optional<Language> findLanguage(std::string_view code);

/// The folders searched for "<code>/LC_MESSAGES/platnik.mo", relative to the running
/// executable: <exe dir>/../../locale (the build tree) and <exe dir>/../share/locale (installed).
std::vector<std::filesystem::path> catalogFolders();

/// Makes `_()` answer in this language from now on (windows made before keep their text).
/// Returns false, keeping the previous language, when the code is unknown or its catalog is
/// not found in catalogFolders().
bool applyLanguage(std::string_view code);
/// The language last applied ("en" before any).
std::string currentLanguage();

/// The language remembered in the user's settings (wxConfig "/Language"), or, when none is
/// remembered, the system's: Serbian Latin or Cyrillic for a Serbian locale, else English.
std::string preferredLanguage();
/// Remembers the choice for the next start.
void rememberLanguage(std::string_view code);

/// Makes the C library read text as UTF-8 (LC_CTYPE), whatever the environment says: every
/// `_("…")` is UTF-8, and under the plain C locale (LANG unset, as on a CI machine) wxWidgets
/// would turn a string with a non-ASCII character into an empty one. Call after the toolkit
/// has set the locale from the environment (after wxEntryStart / in OnInit).
void ensureUtf8Text();

}  // namespace platnik::gui
