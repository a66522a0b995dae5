// Detection of the text formats from a file's head (detectFormat -> detectTextFormat):
// SWIFT MT940/MT942 by their tags, Halcom's forms by first line or line width, CSV by header.

#include "banking/formats/Format.h"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace platnik::banking;
using namespace platnik::banking::formats;

namespace {

std::optional<Format> detect(const std::string& head) {
  auto result = detectFormat(head);
  return result ? std::optional<Format>(result.value()) : std::nullopt;
}

std::string lines(std::size_t width, std::size_t count, char fill, const std::string& start = {},
                  const std::string& end = {}, const std::string& newline = "\r\n") {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    std::string line = start + std::string(width - start.size() - end.size(), fill) + end;
    out += line + newline;
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(MtDetectTests)

BOOST_AUTO_TEST_CASE(mt940_plain_envelope_and_preamble) {
  BOOST_TEST((detect(":20:X\n:25:Y\n:28C:1\n:60F:C240101EUR1,00\n") == Format::Mt940));
  BOOST_TEST((detect("{1:F01X}{2:I940X}{4:\r\n:20:X\r\n:25:Y\r\n:28C:1\r\n:60M:C240101EUR1,00\r\n") ==
              Format::Mt940));
  BOOST_TEST((detect("{1:F01X}{2:I940X}{4::20:X\n:25:Y\n:60F:C240101EUR1,00\n") == Format::Mt940));
  BOOST_TEST(
      (detect("ABNANL2A\n940\nABNANL2A\n:20:X\n:25:Y\n:28:1\n:60F:C240101EUR1,00\n") == Format::Mt940));
}

BOOST_AUTO_TEST_CASE(mt942_has_no_opening_balance) {
  BOOST_TEST((detect(":20:X\n:25:Y\n:28C:1\n:34F:EUR0,\n:13D:2402151230+0100\n") == Format::Mt942));
  BOOST_TEST((detect(":20:X\n:25:Y\n:28C:1\n:90D:0EUR0,\n") == Format::Mt942));
}

BOOST_AUTO_TEST_CASE(tags_must_start_a_line) {
  // A statement that merely mentions ":60F:" in its text is not an MT940.
  const auto result = detectFormat(":20:X\n:25:Y\n:86:see :60F: and :34F:\n");
  BOOST_TEST_REQUIRE(result.has_error());
  BOOST_TEST((result.error().code == Errc::UnsupportedFormat));
  BOOST_TEST(result.error().message.find("MT940") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(halcom_forms) {
  BOOST_TEST((detect("ST_RACUNA#DATUM#IZNOS\r\n1#2#3\r\n") == Format::HalcomExtended));
  BOOST_TEST((detect("<CLIENTPROFILE>\r\n<ACCOUNT>1</ACCOUNT>\r\n") == Format::HalcomForeign));
  BOOST_TEST((detect(lines(280, 3, 'x') + "\x1A") == Format::HalcomStatement));
  BOOST_TEST((detect(lines(147, 2, ' ', "01")) == Format::HalcomRecap));
  // Orders (spec 1.1/1.2): address and sum records (types 0 and 9) are 180 characters, the
  // order records (type 1) 182.
  BOOST_TEST((detect(lines(180, 1, ' ', "", "0") + lines(182, 2, ' ', "", "1") +
                     lines(180, 1, ' ', "", "9")) == Format::HalcomOrders));
  BOOST_TEST(!detect(lines(182, 1, ' ', "", "0") + lines(182, 1, ' ', "", "1")).has_value());
  // Leading blanks belong to the first fixed-width field.
  BOOST_TEST((detect(" " + lines(280, 2, 'x').substr(1)) == Format::HalcomStatement));
  // A 182-character line whose last character is no record type is not an order file.
  BOOST_TEST(!detect(lines(182, 2, ' ', "", "7")).has_value());
  // A head cut in the middle of a line still decides by the complete lines.
  BOOST_TEST((detect(lines(280, 14, 'y') + std::string(100, 'y')) == Format::HalcomStatement));
}

BOOST_AUTO_TEST_CASE(utf8_characters_count_once_in_fixed_widths) {
  std::string line = "č" + std::string(279, 'x');  // 281 bytes, 280 characters
  BOOST_TEST((detect(line + "\r\n" + line + "\r\n") == Format::HalcomStatement));
}

BOOST_AUTO_TEST_CASE(platnik_csv) {
  BOOST_TEST(
      (detect("booking_date;value_date;amount;currency\n2024-01-01;2024-01-01;1.00;RSD\n") == Format::Csv));
}

BOOST_AUTO_TEST_CASE(anything_else_is_unsupported_with_a_reason) {
  const auto result = detectFormat("1\n2\n3\n4\n");
  BOOST_TEST_REQUIRE(result.has_error());
  BOOST_TEST((result.error().code == Errc::UnsupportedFormat));
  BOOST_TEST(result.error().message.find("not a format Platnik reads") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
