#include "po/CyrillicCatalog.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <stdexcept>
#include <string>

using platnik::po::cyrillicCatalog;
using platnik::po::cyrillicMessage;

BOOST_AUTO_TEST_SUITE(CyrillicCatalogTests)

BOOST_AUTO_TEST_CASE(serbian_words_become_cyrillic_and_the_mnemonic_stays_on_its_letter) {
  BOOST_TEST(cyrillicMessage("Nalog za prenos") == "Налог за пренос");
  BOOST_TEST(cyrillicMessage("Po&moć") == "По&моћ");
  BOOST_TEST(cyrillicMessage("Datum izvršenja (dd.mm.gggg)") == "Датум извршења (дд.мм.гггг)");
  BOOST_TEST(cyrillicMessage("Šifra plaćanja, Džep, Ljuba") == "Шифра плаћања, Џеп, Љуба");
}

BOOST_AUTO_TEST_CASE(escapes_format_specs_and_accelerators_are_left_alone) {
  BOOST_TEST(cyrillicMessage("&Izlaz\\tCtrl+Q") == "&Излаз\\tCtrl+Q");
  BOOST_TEST(cyrillicMessage("prvi red\\nnovi red") == "први ред\\nнови ред");
  BOOST_TEST(cyrillicMessage("Uvezeno %zu od %d, %1$s, 100%%") == "Увезено %zu од %d, %1$s, 100%%");
  BOOST_TEST(cyrillicMessage("%-10.2lf dinara") == "%-10.2lf динара");
  BOOST_TEST(cyrillicMessage("Nalog {} od {0}") == "Налог {} од {0}");
  BOOST_TEST(cyrillicMessage("jezik \\\"sr@latin\\\" ili \\\"en\\\"") ==
             "језик \\\"sr@latin\\\" или \\\"en\\\"");
}

BOOST_AUTO_TEST_CASE(acronyms_stay_latin_but_serbian_capitals_do_not) {
  BOOST_TEST(cyrillicMessage("Nalepi IPS QR") == "Налепи IPS QR");
  BOOST_TEST(cyrillicMessage("Iznos (RSD), RTGS") == "Износ (RSD), RTGS");
  BOOST_TEST(cyrillicMessage("ŠIFRA i RAČUN") == "ШИФРА и РАЧУН");
  BOOST_TEST(cyrillicMessage("Nalog A") == "Налог А");  // one capital is a word, not an acronym
  // The price of the rule: a Serbian word in capitals made of ASCII letters only reads as an
  // acronym, so the catalog writes such words in small letters.
  BOOST_TEST(cyrillicMessage("HITNO") == "HITNO");
}

BOOST_AUTO_TEST_CASE(a_catalog_keeps_msgids_comments_and_header_but_the_language) {
  const std::string latin =
      "# Serbian Latin\n"
      "msgid \"\"\n"
      "msgstr \"\"\n"
      "\"Language: sr@latin\\n\"\n"
      "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
      "\n"
      "#: app/gui/src/MainFrame.cpp:30\n"
      "msgid \"Payment order\"\n"
      "msgstr \"Nalog za prenos\"\n"
      "\n"
      "msgid \"\"\n"
      "\"a long \"\n"
      "\"message\"\n"
      "msgstr \"\"\n"
      "\"duga \"\n"
      "\"poruka\"\n"
      "\n"
      "msgid \"one order\"\n"
      "msgid_plural \"%d orders\"\n"
      "msgstr[0] \"%d nalog\"\n"
      "msgstr[1] \"%d naloga\"\n";
  const std::string expected =
      "# Serbian Latin\n"
      "msgid \"\"\n"
      "msgstr \"Language: sr\\nContent-Type: text/plain; charset=UTF-8\\n\"\n"
      "\n"
      "#: app/gui/src/MainFrame.cpp:30\n"
      "msgid \"Payment order\"\n"
      "msgstr \"Налог за пренос\"\n"
      "\n"
      "msgid \"\"\n"
      "\"a long \"\n"
      "\"message\"\n"
      "msgstr \"дуга порука\"\n"
      "\n"
      "msgid \"one order\"\n"
      "msgid_plural \"%d orders\"\n"
      "msgstr[0] \"%d налог\"\n"
      "msgstr[1] \"%d налога\"\n";
  BOOST_TEST(cyrillicCatalog(latin) == expected);
}

BOOST_AUTO_TEST_CASE(a_malformed_catalog_is_refused_naming_the_line) {
  try {
    (void)cyrillicCatalog("msgid \"a\"\nmsgstr \"b\"\n\n\"stray\"\n");
    BOOST_FAIL("a stray string was accepted");
  } catch (const std::runtime_error& e) {
    BOOST_TEST(std::string(e.what()).find("line 4") != std::string::npos);
  }
  BOOST_CHECK_THROW((void)cyrillicCatalog("msgid \"a\"\nmsgstr b\n"), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(the_built_cyrillic_catalog_is_the_latin_one_transliterated) {
  const char* built = std::getenv("PLATNIK_CYRILLIC_PO");
  BOOST_REQUIRE_MESSAGE(built != nullptr, "PLATNIK_CYRILLIC_PO names the build's sr.po (set by CTest)");
  const auto latin = platnik::testsupport::readFile(platnik::testsupport::sourceDir() / "po" / "sr@latin.po");
  const auto cyrillic = platnik::testsupport::readFile(built);
  BOOST_TEST(cyrillic == cyrillicCatalog(latin));
  BOOST_TEST(cyrillic.find("msgstr \"Налог за пренос\"") != std::string::npos);
  BOOST_TEST(cyrillic.find("Language: sr\\n") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
