#include "gui/Language.h"

#include "gui/Display.h"

#include <wx/config.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>

#include <algorithm>
#include <clocale>
#include <langinfo.h>
#include <set>

namespace platnik::gui {
namespace {

constexpr std::string_view kDomain = "platnik";
constexpr std::string_view kConfigKey = "/Language";

std::string& current() {
  static std::string code = "en";
  return code;
}

/// wxFileTranslationsLoader keeps its prefixes for the whole process: add each one once.
void addLookupFolders() {
  static std::set<std::filesystem::path> added;
  for (const auto& folder : catalogFolders()) {
    if (added.insert(folder).second) {
      wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString::FromUTF8(folder.string()));
    }
  }
}

}  // namespace

const std::vector<Language>& languages() {
  static const std::vector<Language> all{
      {"en", "English"},
      {"sr@latin", "Srpski (latinica)"},
      {"sr", "Српски (ћирилица)"},
  };
  return all;
}

std::optional<Language> findLanguage(std::string_view code) {
  const auto& all = languages();
  const auto it = std::find_if(all.begin(), all.end(), [code](const Language& l) { return l.code == code; });
  return it == all.end() ? std::nullopt : std::optional<Language>(*it);
}

std::vector<std::filesystem::path> catalogFolders() {
  const std::filesystem::path exeDir =
      std::filesystem::path(wxStandardPaths::Get().GetExecutablePath().utf8_string()).parent_path();
  std::vector<std::filesystem::path> folders;
  for (const auto& candidate : {exeDir / ".." / ".." / "locale", exeDir / ".." / "share" / "locale"}) {
    std::error_code error;
    if (std::filesystem::is_directory(candidate, error)) {
      folders.push_back(std::filesystem::weakly_canonical(candidate, error));
    }
  }
  return folders;
}

bool applyLanguage(std::string_view code) {
  if (!findLanguage(code)) {
    return false;
  }
  addLookupFolders();
  auto translations = std::make_unique<wxTranslations>();
  translations->SetLanguage(fromUtf8(code));
  if (code != "en") {
    // English is the source language: it needs no catalog. Any other needs ours.
    if (!translations->AddCatalog(fromUtf8(kDomain), wxLANGUAGE_ENGLISH_US)) {
      return false;
    }
    translations->AddStdCatalog();  // wxWidgets' own dialogs, when the system has them
  }
  wxTranslations::Set(translations.release());
  current() = std::string(code);
  return true;
}

std::string currentLanguage() {
  return current();
}

std::string preferredLanguage() {
  wxString saved;
  if (wxConfigBase::Get()->Read(fromUtf8(kConfigKey), &saved) && findLanguage(saved.utf8_string())) {
    return saved.utf8_string();
  }
  const wxString system = wxLocale::GetLanguageCanonicalName(wxLocale::GetSystemLanguage());
  if (system.StartsWith("sr")) {
    return system.Contains("latin") ? "sr@latin" : "sr";
  }
  return "en";
}

void ensureUtf8Text() {
  const char* codeset = nl_langinfo(CODESET);
  if (codeset != nullptr && std::string_view(codeset) == "UTF-8") {
    return;
  }
  // C.UTF-8 is always there in glibc 2.35+ (Debian 12); en_US.UTF-8 only where generated.
  for (const char* name : {"C.UTF-8", "en_US.UTF-8"}) {
    if (std::setlocale(LC_CTYPE, name) != nullptr) {
      return;
    }
  }
}

void rememberLanguage(std::string_view code) {
  wxConfigBase::Get()->Write(fromUtf8(kConfigKey), fromUtf8(code));
  wxConfigBase::Get()->Flush();
}

}  // namespace platnik::gui
