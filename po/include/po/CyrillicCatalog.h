#pragma once

#include <string>
#include <string_view>

namespace platnik::po {

/// One translation (a msgstr's text as written in a PO file, escapes and all) from Serbian
/// Latin to Serbian Cyrillic with banking::latinToCyrillic, leaving alone what is not Serbian
/// text: backslash escapes (\n, \t, \"), printf format specs (%s, %1$d, %%), fmt fields ({}),
/// a menu accelerator after \t ("Ctrl+Q"), values in escaped quotes (\"sr@latin\"), which the
/// user types as they are, and acronyms written in capitals (IPS, QR, RTGS,
/// RSD), which Serbian Cyrillic texts keep in Latin. The '&' of a mnemonic stays before its letter.
std::string cyrillicMessage(std::string_view latin);

/// A whole PO catalog from Serbian Latin to Serbian Cyrillic: every msgstr (and msgstr[n])
/// through cyrillicMessage; msgids, comments and the header (except "Language: sr@latin",
/// which becomes "Language: sr") unchanged. Throws std::runtime_error naming the line when
/// the catalog is malformed (a string line outside an entry, an unterminated string).
std::string cyrillicCatalog(std::string_view latinCatalog);

}  // namespace platnik::po
