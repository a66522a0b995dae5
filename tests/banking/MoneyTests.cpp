#include "banking/Date.h"
#include "banking/Money.h"

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <random>

using namespace platnik::banking;

namespace {
Currency rsd() {
  return Currency::rsd();
}
Currency currency(std::string_view code) {
  return Currency::fromCode(code).value();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(MoneyTests)

BOOST_AUTO_TEST_CASE(currencies_carry_their_iso_4217_exponent) {
  BOOST_TEST(rsd().exponent() == 2);
  BOOST_TEST(rsd().numeric() == 941);
  BOOST_TEST(currency("JPY").exponent() == 0);
  BOOST_TEST(currency("KWD").exponent() == 3);
  BOOST_TEST(currency("CLF").exponent() == 4);
  BOOST_TEST(currency("DIN").code() == "RSD");  // Serbian banks' legacy label
  BOOST_TEST(Currency::fromCode("XYZ").has_error());
  BOOST_TEST(Currency::fromCode("rsd").has_error());
  BOOST_TEST(Currency::fromCode("").has_error());
  BOOST_TEST((Currency::fromCode("EURO").error().code == Errc::UnknownCurrency));
}

BOOST_AUTO_TEST_CASE(machine_form_parses_exactly) {
  BOOST_TEST(Money::parse("-1234.56", rsd()).value().minorUnits() == -123456);
  BOOST_TEST(Money::parse("12", rsd()).value().minorUnits() == 1200);
  BOOST_TEST(Money::parse("0.5", rsd()).value().minorUnits() == 50);
  BOOST_TEST(Money::parse("+7.01", rsd()).value().minorUnits() == 701);
  BOOST_TEST(Money::parse("1234", currency("JPY")).value().minorUnits() == 1234);
  BOOST_TEST(Money::parse("1.234", currency("KWD")).value().minorUnits() == 1234);
}

BOOST_AUTO_TEST_CASE(machine_form_rejects_what_it_would_have_to_guess) {
  BOOST_TEST((Money::parse("1.234", rsd()).error().code == Errc::Precision));  // never rounded
  BOOST_TEST((Money::parse("1.5", currency("JPY")).error().code == Errc::Precision));
  for (const char* bad : {"", "-", "abc", "1,5", ".5", "5.", "1 000", "--1", "1.2.3", "1e5"}) {
    BOOST_TEST_INFO("input: '" << bad << "'");
    BOOST_TEST(Money::parse(bad, rsd()).has_error());
  }
}

BOOST_AUTO_TEST_CASE(display_form_uses_serbian_marks) {
  BOOST_TEST(Money::parseDisplay("1.234,56", rsd()).value().minorUnits() == 123456);
  BOOST_TEST(Money::parseDisplay("-0,50", rsd()).value().minorUnits() == -50);
  BOOST_TEST(Money::parseDisplay("1234,5", rsd()).value().minorUnits() == 123450);
  BOOST_TEST(Money::parseDisplay("3.000.000,00", rsd()).value().minorUnits() == 300000000);
  BOOST_TEST(Money::parseDisplay("1.23,00", rsd()).has_error());
  BOOST_TEST(Money::parseDisplay("1234.567,00", rsd()).has_error());
  BOOST_TEST(Money::parseDisplay(".123,00", rsd()).has_error());
  BOOST_TEST(Money::parseDisplay("1.234.", rsd()).has_error());
}

BOOST_AUTO_TEST_CASE(printing_both_forms) {
  const Money m(-123456789, rsd());
  BOOST_TEST(m.toString() == "-1234567.89");
  BOOST_TEST(m.toDisplay() == "-1.234.567,89");
  BOOST_TEST(Money(5, rsd()).toString() == "0.05");
  BOOST_TEST(Money(0, rsd()).toDisplay() == "0,00");
  BOOST_TEST(Money(100000, rsd()).toDisplay() == "1.000,00");
  BOOST_TEST(Money(1234, currency("JPY")).toDisplay() == "1.234");
  BOOST_TEST(Money(std::numeric_limits<std::int64_t>::min(), rsd()).toString() == "-92233720368547758.08");
}

BOOST_AUTO_TEST_CASE(typed_input_takes_either_form) {
  BOOST_TEST(Money::parseInput("1.234,56", rsd()).value().minorUnits() == 123456);
  BOOST_TEST(Money::parseInput(" 12,5 ", rsd()).value().minorUnits() == 1250);
  BOOST_TEST(Money::parseInput("1.500", rsd()).value().minorUnits() == 150000);
  BOOST_TEST(Money::parseInput("1.5", rsd()).value().minorUnits() == 150);
  BOOST_TEST(Money::parseInput("1234.56", rsd()).value().minorUnits() == 123456);
  BOOST_TEST(Money::parseInput("1.234.567", rsd()).value().minorUnits() == 123456700);
  BOOST_TEST(Money::parseInput("12,345", rsd()).has_error());
  BOOST_TEST(Money::parseInput("", rsd()).has_error());
}

BOOST_AUTO_TEST_CASE(implied_decimals_of_fixed_width_files) {
  BOOST_TEST(Money::parseImplied("0000000012345", 2, rsd()).value().minorUnits() == 12345);
  BOOST_TEST(Money::parseImplied("   12345", 2, rsd()).value().minorUnits() == 12345);
  BOOST_TEST(Money::parseImplied("5", 2, rsd()).value().minorUnits() == 5);
  BOOST_TEST(Money::parseImplied("12a45", 2, rsd()).has_error());
  BOOST_TEST(Money::parseImplied("   ", 2, rsd()).has_error());
}

BOOST_AUTO_TEST_CASE(overflow_is_an_error) {
  BOOST_TEST((Money::parse("92233720368547758.08", rsd()).error().code == Errc::Overflow));
  BOOST_TEST(Money::parse("92233720368547758.07", rsd()).value().minorUnits() == INT64_MAX);
  const Money max(INT64_MAX, rsd());
  BOOST_TEST((max.plus(Money(1, rsd())).error().code == Errc::Overflow));
  BOOST_TEST((Money(INT64_MIN, rsd()).minus(Money(1, rsd())).error().code == Errc::Overflow));
  BOOST_TEST((Money(INT64_MIN, rsd()).negated().error().code == Errc::Overflow));
  BOOST_CHECK_THROW((void)Money(INT64_MIN, rsd()).abs(), std::overflow_error);
}

BOOST_AUTO_TEST_CASE(mixed_currencies_are_an_error) {
  const Money dinars(100, rsd());
  const Money euros(100, Currency::eur());
  BOOST_TEST((dinars.plus(euros).error().code == Errc::CurrencyMismatch));
  BOOST_TEST((dinars.minus(euros).error().code == Errc::CurrencyMismatch));
  BOOST_CHECK_THROW((void)(dinars < euros), std::logic_error);
  BOOST_TEST(dinars != euros);
  BOOST_TEST((dinars.plus(Money(50, rsd())).value() == Money(150, rsd())));
}

BOOST_AUTO_TEST_CASE(round_trip_property_over_random_amounts) {
  std::mt19937_64 random(20261125);
  for (int i = 0; i < 20000; ++i) {
    const auto minor = static_cast<std::int64_t>(random());
    for (const char* code : {"RSD", "JPY", "KWD", "CLF"}) {
      const Money m(minor, currency(code));
      BOOST_TEST_INFO(code << " " << minor);
      BOOST_TEST((Money::parse(m.toString(), m.currency()).value() == m));
      BOOST_TEST((Money::parseDisplay(m.toDisplay(), m.currency()).value() == m));
    }
  }
}

BOOST_AUTO_TEST_CASE(dates_parse_and_print) {
  const Date d = parseIsoDate("2024-02-29").value();
  BOOST_TEST(toSerbianString(d) == "29.02.2024");
  BOOST_TEST(toIsoString(parseSerbianDate("31.12.2023.").value()) == "2023-12-31");
  BOOST_TEST(parseIsoDate("2023-02-29").has_error());
  BOOST_TEST(parseIsoDate("2023-2-1").has_error());
  BOOST_TEST(parseSerbianDate("30.02.2016").has_error());
  BOOST_TEST(makeDate(2016, 2, 30).has_error());
}

BOOST_AUTO_TEST_SUITE_END()
