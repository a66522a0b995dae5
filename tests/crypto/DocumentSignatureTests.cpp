#include "TestPki.h"
#include "crypto/CmsSignature.h"
#include "crypto/Pkcs11Module.h"

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <fstream>

using namespace platnik;
using namespace platnik::crypto;
using platnik::cryptotest::ScriptedInteraction;
using platnik::cryptotest::TestPki;

BOOST_AUTO_TEST_SUITE(DocumentSignatureTests)

BOOST_AUTO_TEST_CASE(a_natural_person_signs_a_file_and_the_p7s_verifies) {
  TestPki& pki = TestPki::shared();
  testsupport::TempDir dir;
  const auto file = dir / "ugovor.pdf";
  std::ofstream(file, std::ios::binary) << "%PDF-1.4 test document\n" << std::string(10000, 'x');

  auto module = Pkcs11Module::load(cryptotest::kSoftHsmModule);
  BOOST_TEST_REQUIRE(module.has_value());
  auto token = module.value().open("PERSON");
  BOOST_TEST_REQUIRE(token.has_value());
  const Certificate certificate = token.value().certificates().value().at(0);
  ScriptedInteraction ui;
  ui.pins = {std::string{cryptotest::kPin}};
  BOOST_TEST_REQUIRE(token.value().login(ui).has_value());
  const auto when = systemNow();
  {
    auto key = token.value().signingKey(certificate);
    BOOST_TEST_REQUIRE(key.has_value(), (key ? "" : key.error().describe()));
    SignOptions options;
    options.signingTime = when;
    auto signedFile = signFile(key.value(), file, dir / "ugovor.pdf.p7s", options);
    BOOST_TEST_REQUIRE(signedFile.has_value(), (signedFile ? "" : signedFile.error().describe()));
  }
  TrustStore trust;
  BOOST_TEST_REQUIRE(trust.addFile(pki.trustedCas()).has_value());
  auto report = verifyFile(dir / "ugovor.pdf.p7s", file, trust, systemNow());
  BOOST_TEST_REQUIRE(report.has_value(), (report ? "" : report.error().describe()));
  BOOST_TEST(report.value().valid(), report.value().problem);
  BOOST_TEST(report.value().signer->commonName == "Jovana Jovanović PERSON");
  BOOST_TEST(report.value().signer->sha256 == certificate.sha256);
  BOOST_TEST((report.value().signingTime == when));

  // OpenSSL's own command line accepts it too (the format is plain CMS, docs/signing.md).
  const std::string command = fmt::format(
      "openssl cms -verify -binary -inform DER -in '{}' -content '{}' -CAfile '{}' -purpose any "
      "-out /dev/null 2>/dev/null",
      (dir / "ugovor.pdf.p7s").string(), file.string(), pki.trustedCas().string());
  BOOST_TEST(std::system(command.c_str()) == 0);

  // One changed byte in the document: the signature fails.
  std::ofstream(file, std::ios::binary | std::ios::app) << "y";
  auto tampered = verifyFile(dir / "ugovor.pdf.p7s", file, trust, systemNow());
  BOOST_TEST_REQUIRE(tampered.has_value());
  BOOST_TEST(!tampered.value().signatureValid);

  // Trusting only another CA: the signature holds, the chain does not.
  TrustStore rogue;
  BOOST_TEST_REQUIRE(rogue.addFile(pki.dir() / "rogue.pem").has_value());
  std::ofstream(dir / "other.txt") << "x";
  auto untrusted = verifyFile(dir / "ugovor.pdf.p7s", file, rogue, systemNow());
  BOOST_TEST(!untrusted.value().chainValid);
}

BOOST_AUTO_TEST_CASE(an_expired_certificate_signs_no_document) {
  TestPki::shared();
  testsupport::TempDir dir;
  std::ofstream(dir / "a.txt") << "hello";
  auto module = Pkcs11Module::load(cryptotest::kSoftHsmModule);
  BOOST_TEST_REQUIRE(module.has_value());
  auto token = module.value().open("EXPIRED");
  BOOST_TEST_REQUIRE(token.has_value());
  const Certificate certificate = token.value().certificates().value().at(0);
  ScriptedInteraction ui;
  ui.pins = {std::string{cryptotest::kPin}};
  BOOST_TEST_REQUIRE(token.value().login(ui).has_value());
  auto key = token.value().signingKey(certificate);
  BOOST_TEST_REQUIRE(key.has_value());
  auto result = signFile(key.value(), dir / "a.txt", dir / "a.txt.p7s");
  BOOST_TEST_REQUIRE(!result.has_value());
  BOOST_TEST(result.error().message.find("expired") != std::string::npos);
  BOOST_TEST(!std::filesystem::exists(dir / "a.txt.p7s"));
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_signature_is_a_clear_error) {
  testsupport::TempDir dir;
  std::ofstream(dir / "a.txt") << "hello";
  std::ofstream(dir / "a.txt.p7s") << "not CMS";
  TrustStore trust;
  auto report = verifyFile(dir / "a.txt.p7s", dir / "a.txt", trust, systemNow());
  BOOST_TEST_REQUIRE(!report.has_value());
  BOOST_TEST((report.error().code == banking::Errc::MalformedFile));
  BOOST_TEST(report.error().where == (dir / "a.txt.p7s").string());
  auto missing = verifyFile(dir / "none.p7s", dir / "a.txt", trust, systemNow());
  BOOST_TEST((missing.error().code == banking::Errc::Io));
}

BOOST_AUTO_TEST_SUITE_END()
