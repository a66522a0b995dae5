// services::decodeQrImage over pictures made at test time with libqrencode.
#include "banking/Error.h"
#include "banking/IpsQr.h"
#include "services/QrImage.h"
#include "testsupport/QrPicture.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <string>

using platnik::banking::Errc;
using platnik::services::decodeQrImage;
using platnik::testsupport::TempDir;

namespace {

// The NBS specification's example bill, with a Serbian letter in the purpose (UTF-8).
const std::string kDemoIps =
    "K:PR|V:01|C:1|R:845000000040484987|N:JP EPS BEOGRAD\nBALKANSKA 13\nBEOGRAD|I:RSD3596,13|SF:189|"
    "S:Uplata po računu za struju|RO:97163220000111111111000";

}  // namespace

BOOST_AUTO_TEST_SUITE(QrImageTests)

BOOST_AUTO_TEST_CASE(a_png_of_an_ips_qr_code_gives_back_the_ips_string) {
  TempDir dir;
  platnik::testsupport::writeQrPng(kDemoIps, dir / "bill.png");
  const auto text = decodeQrImage(dir / "bill.png");
  BOOST_TEST_REQUIRE(text.has_value(), (text ? "" : text.error().describe()));
  BOOST_TEST(text.value() == kDemoIps);
  BOOST_TEST(platnik::banking::parseIpsQr(text.value()).has_value());
}

BOOST_AUTO_TEST_CASE(a_jpeg_of_an_ips_qr_code_gives_back_the_ips_string) {
  TempDir dir;
  platnik::testsupport::writeQrJpeg(kDemoIps, dir / "bill.jpg");
  const auto text = decodeQrImage(dir / "bill.jpg");
  BOOST_TEST_REQUIRE(text.has_value(), (text ? "" : text.error().describe()));
  BOOST_TEST(text.value() == kDemoIps);
}

BOOST_AUTO_TEST_CASE(a_picture_without_a_qr_code_is_not_found) {
  TempDir dir;
  // A blank picture: a QR code's pixels with every module white.
  auto picture = platnik::testsupport::qrPixels("x");
  std::fill(picture.pixels.begin(), picture.pixels.end(), 255);
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = picture.width;
  image.height = picture.width;
  image.format = PNG_FORMAT_GRAY;
  BOOST_TEST_REQUIRE(png_image_write_to_file(&image, (dir / "blank.png").c_str(), 0, picture.pixels.data(), 0,
                                             nullptr) != 0);
  const auto text = decodeQrImage(dir / "blank.png");
  BOOST_TEST_REQUIRE(!text.has_value());
  BOOST_TEST((text.error().code == Errc::NotFound));
  BOOST_TEST(text.error().where == (dir / "blank.png").string());
}

BOOST_AUTO_TEST_CASE(other_files_are_refused_with_the_reason) {
  TempDir dir;
  std::ofstream(dir / "bill.txt") << "K:PR|V:01|C:1";
  const auto notPicture = decodeQrImage(dir / "bill.txt");
  BOOST_TEST_REQUIRE(!notPicture.has_value());
  BOOST_TEST((notPicture.error().code == Errc::UnsupportedFormat));

  std::ofstream(dir / "cut.png", std::ios::binary) << "\x89PNG\r\n\x1a\n\x00\x00";
  const auto damaged = decodeQrImage(dir / "cut.png");
  BOOST_TEST_REQUIRE(!damaged.has_value());
  BOOST_TEST((damaged.error().code == Errc::MalformedFile));

  const auto missing = decodeQrImage(dir / "none.png");
  BOOST_TEST_REQUIRE(!missing.has_value());
  BOOST_TEST((missing.error().code == Errc::Io));
}

BOOST_AUTO_TEST_SUITE_END()
