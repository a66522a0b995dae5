#include "banking/Text.h"

#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <vector>

using namespace platnik::banking;

BOOST_AUTO_TEST_SUITE(TextTests)

BOOST_AUTO_TEST_CASE(cyrillic_to_latin_covers_the_whole_alphabet) {
  BOOST_TEST(cyrillicToLatin("абвгдђежзијклљмнњопрстћуфхцчџш") == "abvgdđežzijklljmnnjoprstćufhcčdžš");
  BOOST_TEST(cyrillicToLatin("АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ") == "ABVGDĐEŽZIJKLLJMNNJOPRSTĆUFHCČDŽŠ");
  BOOST_TEST(cyrillicToLatin("Београд, Нови Сад 21000") == "Beograd, Novi Sad 21000");
}

BOOST_AUTO_TEST_CASE(digraphs_follow_the_case_of_their_word) {
  BOOST_TEST(cyrillicToLatin("Љубав") == "Ljubav");
  BOOST_TEST(cyrillicToLatin("ЉУБАВ") == "LJUBAV");
  BOOST_TEST(cyrillicToLatin("Његош") == "Njegoš");
  BOOST_TEST(cyrillicToLatin("ЊЕГОШ") == "NJEGOŠ");
  BOOST_TEST(cyrillicToLatin("Џеп") == "Džep");
  BOOST_TEST(cyrillicToLatin("ЏЕП") == "DŽEP");
  BOOST_TEST(cyrillicToLatin("ПРИЈАТЕЉ") ==
             "PRIJATELJ");  // at the end of a word: the previous letter decides
  BOOST_TEST(cyrillicToLatin("Љ") == "Lj");
  BOOST_TEST(cyrillicToLatin("ЉИЉАНА ЉУБИЋ") == "LJILJANA LJUBIĆ");
}

BOOST_AUTO_TEST_CASE(other_characters_are_unchanged) {
  BOOST_TEST(cyrillicToLatin("Müller & Co. — 100 €") == "Müller & Co. — 100 €");
  BOOST_TEST(cyrillicToLatin("Москва") == "Moskva");  // letters shared with Serbian
  BOOST_TEST(cyrillicToLatin("щ ы я") == "щ ы я");    // Russian-only letters stay
  BOOST_TEST(latinToCyrillic("Quick 42 €") == "Qуицк 42 €");
  const std::string malformed = "A\xff\xc0Б";
  BOOST_TEST(cyrillicToLatin(malformed) ==
             "A\xff\xc0"
             "B");
}

BOOST_AUTO_TEST_CASE(latin_to_cyrillic_makes_one_letter_of_each_digraph) {
  BOOST_TEST(latinToCyrillic("ljubav njegoš džep") == "љубав његош џеп");
  BOOST_TEST(latinToCyrillic("Ljubav Njegoš Džep") == "Љубав Његош Џеп");
  BOOST_TEST(latinToCyrillic("LJUBAV NJEGOŠ DŽEP") == "ЉУБАВ ЊЕГОШ ЏЕП");
  BOOST_TEST(latinToCyrillic("Đorđe Ćosić, Čačak, Žabalj, Šabac") == "Ђорђе Ћосић, Чачак, Жабаљ, Шабац");
  BOOST_TEST(latinToCyrillic("abvgdđežzijklljmnnjoprstćufhcčdžš") == "абвгдђежзијклљмнњопрстћуфхцчџш");
}

BOOST_AUTO_TEST_CASE(serbian_words_round_trip_latin_cyrillic_latin) {
  for (const char* word :
       {"Čačak", "Đorđe Petrović", "Ljubljana", "NJEGOŠEVA 12", "Džakarta", "Niš", "Užice", "Kraljevo",
        "Zrenjanin", "Šabac", "Smederevska Palanka", "PRIJATELJ", "Ćuprija", "Pljevlja", "Gornji Milanovac",
        "Uplata po računu 01/2020", "Promet robe i usluga – finalna potrošnja", "Lj", "NjEGOŠ"}) {
    BOOST_TEST_INFO("word: " << word);
    const std::string cyrillic = latinToCyrillic(word);
    if (std::string(word) == "NjEGOŠ") {
      BOOST_TEST(cyrillicToLatin(cyrillic) == "NJEGOŠ");  // mixed case normalises
    } else {
      BOOST_TEST(cyrillicToLatin(cyrillic) == word);
    }
  }
}

BOOST_AUTO_TEST_CASE(random_latin_text_round_trips) {
  // Property: any text of Serbian Latin letters (lower case, or words with a capital first
  // letter), digits and punctuation survives Latin -> Cyrillic -> Latin unchanged, and the
  // Cyrillic form holds no Latin letter of the Serbian alphabet.
  const std::vector<std::string> letters{"a", "b", "c", "č", "ć",  "d", "dž", "đ",  "e", "f", "g", "h",
                                         "i", "j", "k", "l", "lj", "m", "n",  "nj", "o", "p", "r", "s",
                                         "š", "t", "u", "v", "z",  "ž", " ",  "1",  ",", "-"};
  const std::vector<std::string> capitals{"A", "Č", "Ć", "Dž", "Đ", "Lj", "Nj", "Š", "Ž", "B", "M"};
  std::mt19937 rng(381);
  for (int i = 0; i < 2000; ++i) {
    std::string text;
    const int length = 1 + static_cast<int>(rng() % 30);
    for (int k = 0; k < length; ++k) {
      text += (k == 0 && i % 2 == 1) ? capitals[rng() % capitals.size()] : letters[rng() % letters.size()];
    }
    BOOST_TEST_INFO("text: '" << text << "'");
    const std::string cyrillic = latinToCyrillic(text);
    BOOST_TEST(cyrillicToLatin(cyrillic) == text);
    BOOST_TEST(cyrillic.find_first_of("abcdefghijklmnoprstuvz") == std::string::npos);
    BOOST_TEST(foldForSearch(cyrillic) == foldForSearch(text));
    BOOST_TEST(isValidUtf8(cyrillic));
  }
}

BOOST_AUTO_TEST_CASE(ascii_fallback_drops_diacritics_and_keeps_case) {
  BOOST_TEST(toAsciiFallback("čćđšž ČĆĐŠŽ") == "ccdjsz CCDJSZ");
  BOOST_TEST(toAsciiFallback("Đorđe") == "Djordje");
  BOOST_TEST(toAsciiFallback("ĐORĐE") == "DJORDJE");
  BOOST_TEST(toAsciiFallback("Džep DŽEP") == "Dzep DZEP");
  BOOST_TEST(toAsciiFallback("Ђорђе Ћосић, ЧАЧАК") == "Djordje Cosic, CACAK");
  BOOST_TEST(toAsciiFallback("Müller, Straße, Crédit Agricole") == "Muller, Strasse, Credit Agricole");
  BOOST_TEST(toAsciiFallback("100 € 中") == "100 ? ?");
  BOOST_TEST(toAsciiFallback("bad \xff byte") == "bad ? byte");
  BOOST_TEST(toAsciiFallback("plain ASCII 1-2/3") == "plain ASCII 1-2/3");
}

BOOST_AUTO_TEST_CASE(search_folding_meets_across_scripts_and_case) {
  BOOST_TEST(foldForSearch("Čačak") == "cacak");
  BOOST_TEST(foldForSearch("ЧАЧАК") == "cacak");
  BOOST_TEST(foldForSearch("cacak") == "cacak");
  BOOST_TEST(foldForSearch("ČAČAK") == "cacak");
  BOOST_TEST(foldForSearch("Đurđevdan") == foldForSearch("ЂУРЂЕВДАН"));
  BOOST_TEST(foldForSearch("Đurđevdan") == "djurdjevdan");
  BOOST_TEST(foldForSearch("ЉУБА") == "ljuba");
  BOOST_TEST(foldForSearch("Müller Österreich Straße CAFÉ Æble") == "muller osterreich strasse cafe aeble");
  BOOST_TEST(foldForSearch("Łódź") == "lodz");
  BOOST_TEST(foldForSearch("МОСКВА Щука") == "moskva щuka");
  BOOST_TEST(foldForSearch("Cafe\xcc\x81") == "cafe");  // decomposed é
  BOOST_TEST(foldForSearch("100 € ТЕЛЕКОМ") == "100 € telekom");
}

BOOST_AUTO_TEST_CASE(characters_are_counted_not_bytes) {
  BOOST_TEST(characterCount("") == 0u);
  BOOST_TEST(characterCount("abc") == 3u);
  BOOST_TEST(characterCount("Čačak") == 5u);
  BOOST_TEST(characterCount("Чачак") == 5u);
  BOOST_TEST(characterCount("€") == 1u);
  BOOST_TEST(characterCount("😀") == 1u);
  BOOST_TEST(characterCount("a\xff"
                            "b") == 3u);  // a malformed byte counts as one
}

BOOST_AUTO_TEST_CASE(utf8_validation_is_strict) {
  for (const std::string& good :
       {std::string(""), std::string("ascii"), std::string("Čačak Чачак €"), std::string("\xf0\x9f\x98\x80"),
        std::string("\xed\x9f\xbf"), std::string("\xee\x80\x80"), std::string("\xf4\x8f\xbf\xbf"),
        std::string("\xc2\x80"), std::string("\xe0\xa0\x80"), std::string("\xf0\x90\x80\x80"),
        std::string("a\0b", 3)}) {
    BOOST_TEST_INFO("bytes of length " << good.size());
    BOOST_TEST(isValidUtf8(good));
  }
  for (const std::string& bad : {
           std::string("\xc0\xaf"),          // overlong '/'
           std::string("\xc1\xbf"),          // overlong
           std::string("\xe0\x80\xaf"),      // overlong, 3 bytes
           std::string("\xe0\x9f\xbf"),      // overlong, 3 bytes
           std::string("\xf0\x80\x80\xaf"),  // overlong, 4 bytes
           std::string("\xf0\x8f\xbf\xbf"),  // overlong, 4 bytes
           std::string("\xed\xa0\x80"),      // surrogate U+D800
           std::string("\xed\xbf\xbf"),      // surrogate U+DFFF
           std::string("\xf4\x90\x80\x80"),  // above U+10FFFF
           std::string("\xf5\x80\x80\x80"),  // no such lead byte
           std::string("\xff"),              // never in UTF-8
           std::string("\x80"),              // stray continuation
           std::string("\xc4"),              // truncated
           std::string("\xe2\x82"),          // truncated
           std::string("\xe2\x82\x41"),      // bad continuation
           std::string("ok \xc8\x41 not"),   // bad continuation inside text
           std::string("\xc8\x8a\xe2\x82"),  // valid, then truncated
       }) {
    BOOST_TEST_INFO("bytes of length " << bad.size());
    BOOST_TEST(!isValidUtf8(bad));
  }
}

BOOST_AUTO_TEST_SUITE_END()
