#include "banking/Iban.h"

#include <boost/test/unit_test.hpp>

#include <random>
#include <string>

using namespace platnik::banking;

BOOST_AUTO_TEST_SUITE(IbanTests)

BOOST_AUTO_TEST_CASE(mod97_matches_iso_7064_examples) {
  // Banka Slovenije's worked example of the simplified procedure: 79400 mod 97 = 54.
  BOOST_TEST(mod97("79400").value() == 54);
  BOOST_TEST(mod97("79444").value() == 1);
  // Letters count as two digits: A=10 … Z=35, in either case.
  BOOST_TEST(mod97("A").value() == 10);
  BOOST_TEST(mod97("Z").value() == 35);
  BOOST_TEST(mod97("z").value() == 35);
  BOOST_TEST(mod97("12345A").value() == mod97("1234510").value());
  // 18 digits overflow a double; the digit-by-digit remainder does not care.
  BOOST_TEST(mod97("160000000018203969").value() == 1);
  BOOST_TEST(mod97("99999999999999999999999999999999999999").value() ==
             mod97("99999999999999999999999999999999999999").value());
}

BOOST_AUTO_TEST_CASE(mod97_rejects_other_characters) {
  BOOST_TEST(mod97("").has_error());
  BOOST_TEST(mod97("12 34").has_error());
  BOOST_TEST(mod97("12-34").has_error());
  BOOST_TEST(mod97("Č").has_error());
}

BOOST_AUTO_TEST_CASE(mod97_agrees_with_long_division_on_random_numbers) {
  std::mt19937_64 rng(97);
  for (int i = 0; i < 1000; ++i) {
    const std::uint64_t value = rng() % 1'000'000'000'000'000'000ULL;
    BOOST_TEST(mod97(std::to_string(value)).value() == static_cast<int>(value % 97));
  }
}

BOOST_AUTO_TEST_CASE(registry_examples_of_every_country_parse) {
  // The SWIFT IBAN registry's example IBAN of each country (as published by IbanNet's list).
  for (const char* example : {
           "AD12 0001 2030 2003 5910 0100",
           "AE07 0331 2345 6789 0123 456",
           "AL47 2121 1009 0000 0002 3569 8741",
           "AT61 1904 3002 3457 3201",
           "AZ21 NABZ 0000 0000 1370 1000 1944",
           "BA39 1290 0794 0102 8494",
           "BE68 5390 0754 7034",
           "BG80 BNBG 9661 1020 3456 78",
           "BH67 BMAG 0000 1299 1234 56",
           "BR18 0036 0305 0000 1000 9795 493C 1",
           "BY13 NBRB 3600 9000 0000 2Z00 AB00",
           "CH93 0076 2011 6238 5295 7",
           "CR05 0152 0200 1026 2840 66",
           "CY17 0020 0128 0000 0012 0052 7600",
           "CZ65 0800 0000 1920 0014 5399",
           "DE89 3704 0044 0532 0130 00",
           "DK50 0040 0440 1162 43",
           "DO28 BAGR 0000 0001 2124 5361 1324",
           "EE38 2200 2210 2014 5685",
           "EG38 0019 0005 0000 0000 2631 8000 2",
           "ES91 2100 0418 4502 0005 1332",
           "FI21 1234 5600 0007 85",
           "FO62 6460 0001 6316 34",
           "FR14 2004 1010 0505 0001 3M02 606",
           "GB29 NWBK 6016 1331 9268 19",
           "GE29 NB00 0000 0101 9049 17",
           "GI75 NWBK 0000 0000 7099 453",
           "GL89 6471 0001 0002 06",
           "GR16 0110 1250 0000 0001 2300 695",
           "GT82 TRAJ 0102 0000 0012 1002 9690",
           "HR12 1001 0051 8630 0016 0",
           "HU42 1177 3016 1111 1018 0000 0000",
           "IE29 AIBK 9311 5212 3456 78",
           "IL62 0108 0000 0009 9999 999",
           "IQ98 NBIQ 8501 2345 6789 012",
           "IS14 0159 2600 7654 5510 7303 39",
           "IT60 X054 2811 1010 0000 0123 456",
           "JO94 CBJO 0010 0000 0000 0131 0003 02",
           "KW81 CBKU 0000 0000 0000 1234 5601 01",
           "KZ86 125K ZT50 0410 0100",
           "LB62 0999 0000 0001 0019 0122 9114",
           "LC55 HEMM 0001 0001 0012 0012 0002 3015",
           "LI21 0881 0000 2324 013A A",
           "LT12 1000 0111 0100 1000",
           "LU28 0019 4006 4475 0000",
           "LV80 BANK 0000 4351 9500 1",
           "MC58 1122 2000 0101 2345 6789 030",
           "MD24 AG00 0225 1000 1310 4168",
           "ME25 5050 0001 2345 6789 51",
           "MK07 2501 2000 0058 984",
           "MR13 0002 0001 0100 0012 3456 753",
           "MT84 MALT 0110 0001 2345 MTLC AST0 01S",
           "MU17 BOMM 0101 1010 3030 0200 000M UR",
           "NL91 ABNA 0417 1643 00",
           "NO93 8601 1117 947",
           "PK36 SCBL 0000 0011 2345 6702",
           "PL61 1090 1014 0000 0712 1981 2874",
           "PS92 PALS 0000 0000 0400 1234 5670 2",
           "PT50 0002 0123 1234 5678 9015 4",
           "QA58 DOHB 0000 1234 5678 90AB CDEF G",
           "RO49 AAAA 1B31 0075 9384 0000",
           "RS35 2600 0560 1001 6113 79",
           "SA03 8000 0000 6080 1016 7519",
           "SC18 SSCB 1101 0000 0000 0000 1497 USD",
           "SE45 5000 0000 0583 9825 7466",
           "SI56 2633 0001 2039 086",
           "SK31 1200 0000 1987 4263 7541",
           "SM86 U032 2509 8000 0000 0270 100",
           "ST23 0001 0001 0051 8453 1014 6",
           "SV62 CENR 0000 0000 0000 0070 0025",
           "TL38 0080 0123 4567 8910 157",
           "TN59 1000 6035 1835 9847 8831",
           "TR33 0006 1005 1978 6457 8413 26",
           "UA21 3223 1300 0002 6007 2335 6600 1",
           "VA59 0011 2300 0012 3456 78",
           "VG96 VPVG 0000 0123 4567 8901",
           "XK05 1212 0123 4567 8906",
       }) {
    BOOST_TEST_INFO("IBAN: " << example);
    const auto iban = Iban::parse(example);
    BOOST_TEST_REQUIRE(iban.has_value());
    BOOST_TEST(iban.value().display() == example);
    BOOST_TEST(static_cast<int>(iban.value().electronic().size()) ==
               Iban::lengthFor(iban.value().countryCode()));
  }
}

BOOST_AUTO_TEST_CASE(registry_holds_every_swift_country_with_its_length) {
  BOOST_TEST(Iban::lengthFor("RS") == 22);
  BOOST_TEST(Iban::lengthFor("DE") == 22);
  BOOST_TEST(Iban::lengthFor("ME") == 22);
  BOOST_TEST(Iban::lengthFor("BA") == 20);
  BOOST_TEST(Iban::lengthFor("HR") == 21);
  BOOST_TEST(Iban::lengthFor("MK") == 19);
  BOOST_TEST(Iban::lengthFor("SI") == 19);
  BOOST_TEST(Iban::lengthFor("NO") == 15);
  BOOST_TEST(Iban::lengthFor("RU") == 33);
  BOOST_TEST(Iban::lengthFor("LC") == 32);
  // Later additions to the registry.
  BOOST_TEST(Iban::lengthFor("BI") == 27);
  BOOST_TEST(Iban::lengthFor("DJ") == 27);
  BOOST_TEST(Iban::lengthFor("FK") == 18);
  BOOST_TEST(Iban::lengthFor("HN") == 28);
  BOOST_TEST(Iban::lengthFor("LY") == 25);
  BOOST_TEST(Iban::lengthFor("MN") == 20);
  BOOST_TEST(Iban::lengthFor("NI") == 28);
  BOOST_TEST(Iban::lengthFor("OM") == 23);
  BOOST_TEST(Iban::lengthFor("SD") == 18);
  BOOST_TEST(Iban::lengthFor("SO") == 23);
  BOOST_TEST(Iban::lengthFor("YE") == 30);
  // No IBAN.
  BOOST_TEST(Iban::lengthFor("US") == 0);
  BOOST_TEST(Iban::lengthFor("CN") == 0);
  BOOST_TEST(Iban::lengthFor("rs") == 0);
  BOOST_TEST(Iban::lengthFor("") == 0);
  int countries = 0;
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) {
      countries += Iban::lengthFor(std::string{a, b}) > 0 ? 1 : 0;
    }
  }
  BOOST_TEST(countries == 89);
}

BOOST_AUTO_TEST_CASE(spaces_and_lower_case_are_accepted) {
  const auto iban = Iban::parse("rs35 1600 0000 0018 2039 69");
  BOOST_TEST_REQUIRE(iban.has_value());
  BOOST_TEST(iban.value().electronic() == "RS35160000000018203969");
  BOOST_TEST(iban.value().countryCode() == "RS");
  BOOST_TEST(iban.value().bban() == "160000000018203969");
  BOOST_TEST(iban.value().display() == "RS35 1600 0000 0018 2039 69");
  BOOST_TEST((iban.value() == Iban::parse("RS35160000000018203969").value()));
}

BOOST_AUTO_TEST_CASE(bad_ibans_are_rejected_with_the_reason) {
  // Wrong check digits: the message gives the right ones.
  const auto wrong = Iban::parse("DE88 3704 0044 0532 0130 00");
  BOOST_TEST_REQUIRE(wrong.has_error());
  BOOST_TEST((wrong.error().code == Errc::WrongControlDigits));
  BOOST_TEST(wrong.error().message.find("should be 89") != std::string::npos);
  // A changed digit in the account.
  BOOST_TEST((Iban::parse("DE89 3704 0044 0532 0130 01").error().code == Errc::WrongControlDigits));
  // Swapped digits.
  BOOST_TEST((Iban::parse("GB29 NWBK 6016 1331 9268 91").error().code == Errc::WrongControlDigits));
  // Wrong length for the country.
  const auto shortDe = Iban::parse("DE89 3704 0044 0532 0130 0");
  BOOST_TEST((shortDe.error().code == Errc::InvalidAccount));
  BOOST_TEST(shortDe.error().message.find("22") != std::string::npos);
  // Unknown country.
  BOOST_TEST(Iban::parse("US12 3456 7890 1234 5678").error().message.find("US") != std::string::npos);
  for (const char* bad : {"", "RS", "RS3", "1234567890", "RSAB160000000018203969",
                          "RS35-1600-0000-0018-2039-69", "RS35 1600 0000 0018 2039 6Č"}) {
    BOOST_TEST_INFO("input: '" << bad << "'");
    BOOST_TEST((Iban::parse(bad).error().code == Errc::InvalidAccount));
  }
}

BOOST_AUTO_TEST_CASE(check_digits_00_and_01_are_rejected_even_when_mod97_is_1) {
  // ISO 13616 check digits run 02..98. Where they are 97 or 98, writing 00 or 01 instead still
  // leaves remainder 1, so a check of "mod 97 == 1" alone would accept them.
  int found = 0;
  for (int n = 0; n < 100000 && found < 2; ++n) {
    const std::string bban = "37040044" + std::to_string(1000000000 + n);
    const int check = 98 - mod97(bban + "DE00").value();
    if (check < 97) {
      continue;
    }
    ++found;
    const std::string canonical = "DE" + std::to_string(check) + bban;
    const std::string alias = std::string("DE0") + (check == 97 ? "0" : "1") + bban;
    BOOST_TEST_INFO("IBAN: " << canonical);
    BOOST_TEST(Iban::parse(canonical).has_value());
    BOOST_TEST(mod97(bban + "DE" + alias.substr(2, 2)).value() == 1);
    BOOST_TEST((Iban::parse(alias).error().code == Errc::WrongControlDigits));
  }
  BOOST_TEST(found == 2);
}

BOOST_AUTO_TEST_CASE(made_ibans_round_trip) {
  // Property: for random BBANs, the check digits from mod97 make a valid IBAN whose display
  // form parses back to the same value, and any other check digits fail.
  std::mt19937 rng(13616);
  const std::string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (const char* country : {"DE", "GB", "FR", "MT", "RS", "NO", "LC", "RU"}) {
    for (int i = 0; i < 50; ++i) {
      std::string bban;
      for (int k = 0; k < Iban::lengthFor(country) - 4; ++k) {
        bban.push_back(alphabet[rng() % alphabet.size()]);
      }
      const int check = 98 - mod97(bban + country + "00").value();
      const std::string electronic =
          std::string(country) + (check < 10 ? "0" : "") + std::to_string(check) + bban;
      const auto iban = Iban::parse(electronic);
      BOOST_TEST_INFO("IBAN: " << electronic);
      BOOST_TEST_REQUIRE(iban.has_value());
      BOOST_TEST((Iban::parse(iban.value().display()).value() == iban.value()));
      const int other = check == 98 ? 2 : check + 1;
      const std::string tampered =
          std::string(country) + (other < 10 ? "0" : "") + std::to_string(other) + bban;
      BOOST_TEST(Iban::parse(tampered).has_error());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
