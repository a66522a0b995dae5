#include "TestPki.h"
#include "crypto/Certificate.h"
#include "crypto/CertificateReport.h"
#include "crypto/Pkcs11Module.h"
#include "crypto/TokenRecords.h"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace platnik;
using namespace platnik::crypto;
using platnik::cryptotest::TestPki;

namespace {

Certificate onlyCertificate(const std::string& label) {
  auto module = Pkcs11Module::load(cryptotest::kSoftHsmModule);
  BOOST_TEST_REQUIRE(module.has_value(), (module ? "" : module.error().describe()));
  auto token = module.value().open(label);
  BOOST_TEST_REQUIRE(token.has_value(), (token ? "" : token.error().describe()));
  auto certificates = token.value().certificates();  // public objects: no PIN asked
  BOOST_TEST_REQUIRE(certificates.has_value());
  BOOST_TEST_REQUIRE(certificates.value().size() == 1u);
  return certificates.value().front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(CertificateTests)

BOOST_AUTO_TEST_CASE(legal_entity_qualified_certificate_is_read_from_the_token_without_login) {
  TestPki::shared();
  const Certificate cert = onlyCertificate("LE-QUAL");
  BOOST_TEST(cert.commonName == "Petar Petrović LE-QUAL");
  BOOST_TEST(cert.organization == "Primer d.o.o.");
  BOOST_TEST(cert.organizationIdentifier == "VATRS-100000001");
  BOOST_TEST(toString(cert.holder) == "legal_entity");
  BOOST_TEST(cert.qcCompliance);
  BOOST_TEST(cert.qcSscd);
  BOOST_TEST(cert.qcTypes == std::vector<std::string>{"esign"});
  BOOST_TEST(cert.nonRepudiation);
  BOOST_TEST(cert.qualified());
  BOOST_TEST(cert.policies == std::vector<std::string>{"0.4.0.194112.1.2"});
  BOOST_TEST(cert.issuer.find("CN=Test CA PL e-signature") != std::string::npos);
  BOOST_TEST(!cert.serialHex.empty());
  BOOST_TEST(cert.sha256.size() == 64u);
  const CertificateStatus status = assess(cert, systemNow());
  BOOST_TEST(status.validNow);
  BOOST_TEST(status.canSignOrders);
  BOOST_TEST(status.daysLeft >= 1093);
  BOOST_TEST(!status.expiringSoon);
}

BOOST_AUTO_TEST_CASE(non_qualified_and_natural_person_certificates_are_told_apart) {
  TestPki::shared();
  const Certificate plain = onlyCertificate("LE-PLAIN");
  BOOST_TEST(toString(plain.holder) == "legal_entity");
  BOOST_TEST(!plain.qualified());
  BOOST_TEST(!plain.nonRepudiation);
  BOOST_TEST(plain.digitalSignature);

  const Certificate person = onlyCertificate("PERSON");
  BOOST_TEST(toString(person.holder) == "natural_person");
  BOOST_TEST(person.qualified());
  const CertificateStatus status = assess(person, systemNow());
  BOOST_TEST(!status.canSignOrders);
  BOOST_TEST(status.canSignDocuments);
  BOOST_TEST(status.cannotSignOrders.find("natural person") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(expired_and_not_yet_valid_certificates_cannot_sign) {
  TestPki::shared();
  const auto now = systemNow();
  const CertificateStatus expired = assess(onlyCertificate("EXPIRED"), now);
  BOOST_TEST(expired.expired);
  BOOST_TEST(!expired.canSignOrders);
  BOOST_TEST(!expired.canSignDocuments);
  BOOST_TEST(expired.daysLeft < 0);
  BOOST_TEST(expired.cannotSignOrders.find("expired") != std::string::npos);

  const CertificateStatus notYet = assess(onlyCertificate("NOTYET"), now);
  BOOST_TEST(notYet.notYetValid);
  BOOST_TEST(!notYet.canSignOrders);
  BOOST_TEST(notYet.cannotSignOrders.find("valid only from") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(expiry_warning_starts_60_days_before_the_end) {
  TestPki::shared();
  const Certificate cert = onlyCertificate("EXPIRING");
  const auto now = systemNow();
  const CertificateStatus status = assess(cert, now);
  BOOST_TEST(status.daysLeft == 29);  // 30 days minus the seconds since it was issued
  BOOST_TEST(status.expiringSoon);
  BOOST_TEST(status.canSignOrders);
  // The injectable clock: 61 days before the end there is no warning, 60 days before there is.
  BOOST_TEST(!assess(cert, cert.notAfter - std::chrono::days{61}).expiringSoon);
  BOOST_TEST(assess(cert, cert.notAfter - std::chrono::days{60}).expiringSoon);
  BOOST_TEST(assess(cert, cert.notAfter - std::chrono::days{60}).daysLeft == 60);
}

BOOST_AUTO_TEST_CASE(renewal_advice_follows_the_once_per_token_rule) {
  TestPki::shared();
  const auto now = systemNow();
  const CertificateStatus expiring = assess(onlyCertificate("EXPIRING"), now);
  BOOST_TEST(toString(adviseRenewal(expiring, false)) == "renew_online");
  BOOST_TEST(toString(adviseRenewal(expiring, true)) == "reissue");
  BOOST_TEST(toString(adviseRenewal(assess(onlyCertificate("EXPIRED"), now), false)) == "reissue");
  BOOST_TEST(toString(adviseRenewal(assess(onlyCertificate("LE-QUAL"), now), false)) == "not_yet");
}

BOOST_AUTO_TEST_CASE(token_records_remember_activation_and_online_renewal_across_loads) {
  testsupport::TempDir dir;
  {
    auto records = TokenRecords::load(dir.path());
    BOOST_TEST_REQUIRE(records.has_value());
    BOOST_TEST(!records.value().isActivated("SERIAL1"));
    BOOST_TEST(records.value().markActivated("SERIAL1").has_value());
    BOOST_TEST(records.value().markRenewed("SERIAL1", "abcd").has_value());
  }
  auto again = TokenRecords::load(dir.path());
  BOOST_TEST_REQUIRE(again.has_value());
  BOOST_TEST(again.value().isActivated("SERIAL1"));
  BOOST_TEST(again.value().renewedOnline("SERIAL1"));
  BOOST_TEST(!again.value().renewedOnline("SERIAL2"));
  BOOST_TEST(again.value().cameFromRenewal("abcd"));

  std::ofstream(dir / "tokens.json") << "{\"activated_tokens\": 5}";
  auto broken = TokenRecords::load(dir.path());
  BOOST_TEST_REQUIRE(!broken.has_value());
  BOOST_TEST((broken.error().code == banking::Errc::MalformedFile));
}

BOOST_AUTO_TEST_CASE(cert_show_json_carries_the_facts_and_the_token_pin_state) {
  TestPki::shared();
  auto module = Pkcs11Module::load(cryptotest::kSoftHsmModule);
  auto token = module.value().open("PERSON");
  const auto info = token.value().info().value();
  const std::string text = certificatesJson(token.value().certificates().value(), info, systemNow());
  const auto json = nlohmann::json::parse(text);
  BOOST_TEST_REQUIRE(json.is_array());
  BOOST_TEST_REQUIRE(json.size() == 1u);
  const auto& c = json[0];
  BOOST_TEST(c["holder_type"] == "natural_person");
  BOOST_TEST(c["qualified"] == true);
  BOOST_TEST(c["can_sign_orders"] == false);
  BOOST_TEST(c["cannot_sign_orders"].get<std::string>().find("natural person") != std::string::npos);
  BOOST_TEST(c["subject"].get<std::string>().find("CN=Jovana Jovanović PERSON") != std::string::npos);
  BOOST_TEST(c["issuer"].get<std::string>().find("Test CA FL e-signature") != std::string::npos);
  BOOST_TEST(c["days_left"].get<long>() >= 1093);
  BOOST_TEST(c["not_after"].get<std::string>().size() == 20u);  // 2029-11-24T18:10:11Z
  BOOST_TEST(c["pin_state"] == "ok");
  BOOST_TEST(c["pin_tries_left"].is_null());
  BOOST_TEST(c["token_label"] == "PERSON");
}

BOOST_AUTO_TEST_CASE(garbage_is_not_a_certificate) {
  auto result = Certificate::fromDer("not a certificate");
  BOOST_TEST_REQUIRE(!result.has_value());
  BOOST_TEST((result.error().code == banking::Errc::MalformedFile));
}

BOOST_AUTO_TEST_SUITE_END()
