#include "TestPki.h"
#include "crypto/BatchSigner.h"
#include "crypto/OrderEncoding.h"
#include "crypto/Pkcs11Module.h"

#include <boost/test/unit_test.hpp>
#include <openssl/cms.h>
#include <openssl/objects.h>
#include <openssl/x509.h>

#include <functional>

using namespace platnik;
using namespace platnik::crypto;
using platnik::cryptotest::ScriptedInteraction;
using platnik::cryptotest::TestPki;

namespace {

banking::PaymentOrder sampleOrder(int n = 1) {
  banking::PaymentOrder order;
  order.payerName = "Primer d.o.o.";
  order.payerPlace = "Beograd";
  order.payerAccount = "160-0000000000123-45";
  order.recipientName = "Dobavljač Ćirilica doo";
  order.recipientPlace = "Novi Sad";
  order.recipientAccount = "265-0000000011111-22";
  order.amount = banking::Money{1234567 + n, banking::Currency::rsd()};
  order.paymentCode = "221";
  order.purpose = "Faktura 2024-" + std::to_string(n);
  order.debitReference = {"", ""};
  order.creditReference = {"97", "4312345678901"};
  order.urgent = false;
  order.executionDate = banking::Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{1}};
  return order;
}

/// The signature algorithm and signed attributes of a CMS, read with OpenSSL directly.
struct CmsFacts {
  int signatureNid = NID_undef;
  int digestNid = NID_undef;
  bool signingTime = false;
  bool signingCertificateV2 = false;
  bool detached = false;
};

CmsFacts inspect(const std::string& der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)> cms{
      d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())), &CMS_ContentInfo_free};
  BOOST_TEST_REQUIRE(cms != nullptr);
  CMS_SignerInfo* si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
  X509_ALGOR* digest = nullptr;
  X509_ALGOR* signature = nullptr;
  CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &digest, &signature);
  const ASN1_OBJECT* oid = nullptr;
  CmsFacts facts;
  X509_ALGOR_get0(&oid, nullptr, nullptr, signature);
  facts.signatureNid = OBJ_obj2nid(oid);
  X509_ALGOR_get0(&oid, nullptr, nullptr, digest);
  facts.digestNid = OBJ_obj2nid(oid);
  facts.signingTime = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1) >= 0;
  facts.signingCertificateV2 = CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, -1) >= 0;
  facts.detached = CMS_is_detached(cms.get()) == 1;
  return facts;
}

struct Signing {
  Pkcs11Module module;
  TokenSession token;
  Certificate certificate;
  TrustStore trust;
};

Signing open(const std::string& path, const std::string& label) {
  auto module = Pkcs11Module::load(path);
  BOOST_TEST_REQUIRE(module.has_value(), (module ? "" : module.error().describe()));
  auto token = module.value().open(label);
  BOOST_TEST_REQUIRE(token.has_value());
  auto certificates = token.value().certificates();
  BOOST_TEST_REQUIRE(certificates.has_value());
  TrustStore trust;
  BOOST_TEST_REQUIRE(trust.addFile(TestPki::shared().trustedCas()).has_value());
  return Signing{std::move(module).value(), std::move(token).value(), certificates.value().at(0),
                 std::move(trust)};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(OrderSignatureTests)

BOOST_AUTO_TEST_CASE(canonical_encoding_is_the_documented_text) {
  const std::string expected =
      "platnik-payment-order/1\n"
      "payer_name=Primer d.o.o.\n"
      "payer_place=Beograd\n"
      "payer_account=160-0000000000123-45\n"
      "recipient_name=Dobavljač Ćirilica doo\n"
      "recipient_place=Novi Sad\n"
      "recipient_account=265-0000000011111-22\n"
      "amount=1234568\n"
      "currency=RSD\n"
      "payment_code=221\n"
      "purpose=Faktura 2024-1\n"
      "debit_model=\n"
      "debit_reference=\n"
      "credit_model=97\n"
      "credit_reference=4312345678901\n"
      "urgent=0\n"
      "execution_date=2026-12-01\n";
  BOOST_TEST(canonicalOrderBytes(sampleOrder()) == expected);
  banking::PaymentOrder tricky = sampleOrder();
  tricky.purpose = "a\nb=c\\d";
  BOOST_TEST(canonicalOrderBytes(tricky).find("purpose=a\\nb=c\\\\d\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_order_signature_verifies_and_any_changed_field_fails) {
  TestPki::shared();
  Signing s = open(TestPki::pincardModule(), "LE-QUAL");
  ScriptedInteraction ui;
  ui.pins = {std::string{cryptotest::kPin}};
  const auto now = systemNow();
  const std::vector<banking::PaymentOrder> orders{sampleOrder()};
  auto batch = signOrders(s.token, s.certificate, orders, ui, now);
  BOOST_TEST_REQUIRE(batch.has_value(), (batch ? "" : batch.error().describe()));
  BOOST_TEST_REQUIRE(batch.value().signedCount() == 1u);
  const std::string cms = *batch.value().signatures[0];

  auto report = verifyOrder(orders[0], cms, s.trust, now);
  BOOST_TEST_REQUIRE(report.has_value());
  BOOST_TEST(report.value().valid(), report.value().problem);
  BOOST_TEST(report.value().signer->commonName == "Petar Petrović LE-QUAL");
  BOOST_TEST((report.value().signingTime == now));
  BOOST_TEST(report.value().signingCertificateBound);
  const CmsFacts facts = inspect(cms);
  BOOST_TEST(facts.detached);
  BOOST_TEST(facts.digestNid == NID_sha256);
  BOOST_TEST(facts.signatureNid == NID_rsaEncryption);  // PKCS#1 v1.5 by default
  BOOST_TEST(facts.signingTime);
  BOOST_TEST(facts.signingCertificateV2);

  using Change = std::function<void(banking::PaymentOrder&)>;
  const std::vector<std::pair<std::string, Change>> changes{
      {"payer_name", [](auto& o) { o.payerName += "x"; }},
      {"payer_place", [](auto& o) { o.payerPlace = "Niš"; }},
      {"payer_account", [](auto& o) { o.payerAccount = "160-0000000000124-42"; }},
      {"recipient_name", [](auto& o) { o.recipientName = "Drugi doo"; }},
      {"recipient_place", [](auto& o) { o.recipientPlace = "Subotica"; }},
      {"recipient_account", [](auto& o) { o.recipientAccount = "265-0000000011112-19"; }},
      {"amount",
       [](auto& o) {
         o.amount = banking::Money{o.amount.minorUnits() + 1, o.amount.currency()};
       }},
      {"currency",
       [](auto& o) {
         o.amount = banking::Money{o.amount.minorUnits(), banking::Currency::eur()};
       }},
      {"payment_code", [](auto& o) { o.paymentCode = "289"; }},
      {"purpose", [](auto& o) { o.purpose = "Faktura 2024-2"; }},
      {"debit_model", [](auto& o) { o.debitReference.model = "97"; }},
      {"debit_reference", [](auto& o) { o.debitReference.number = "1"; }},
      {"credit_model", [](auto& o) { o.creditReference.model = "11"; }},
      {"credit_reference", [](auto& o) { o.creditReference.number = "4312345678902"; }},
      {"urgent", [](auto& o) { o.urgent = true; }},
      {"execution_date", [](auto& o) { o.executionDate.reset(); }},
  };
  for (const auto& [field, change] : changes) {
    BOOST_TEST_CONTEXT(field) {
      banking::PaymentOrder changed = orders[0];
      change(changed);
      auto tampered = verifyOrder(changed, cms, s.trust, now);
      BOOST_TEST_REQUIRE(tampered.has_value());
      BOOST_TEST(!tampered.value().signatureValid);
      BOOST_TEST(!tampered.value().valid());
    }
  }
}

BOOST_AUTO_TEST_CASE(pss_signatures_verify_on_plain_softhsm) {
  TestPki::shared();
  Signing s = open(cryptotest::kSoftHsmModule, "LE-QUAL");
  ScriptedInteraction ui;
  ui.pins = {std::string{cryptotest::kPin}};
  SignOptions options;
  options.padding = Padding::Pss;
  const std::vector<banking::PaymentOrder> orders{sampleOrder()};
  const auto now = systemNow();
  auto batch = signOrders(s.token, s.certificate, orders, ui, now, options);
  BOOST_TEST_REQUIRE(batch.has_value(), (batch ? "" : batch.error().describe()));
  auto report = verifyOrder(orders[0], *batch.value().signatures[0], s.trust, now);
  BOOST_TEST(report.value().valid(), report.value().problem);
  BOOST_TEST(inspect(*batch.value().signatures[0]).signatureNid == NID_rsassaPss);
}

BOOST_AUTO_TEST_CASE(certificates_that_may_not_sign_orders_are_refused_before_the_pin) {
  TestPki::shared();
  for (const std::string label : {"PERSON", "EXPIRED", "NOTYET"}) {
    BOOST_TEST_CONTEXT(label) {
      Signing s = open(cryptotest::kSoftHsmModule, label);
      ScriptedInteraction ui;
      const std::vector<banking::PaymentOrder> orders{sampleOrder()};
      auto batch = signOrders(s.token, s.certificate, orders, ui, systemNow());
      BOOST_TEST_REQUIRE(!batch.has_value());
      BOOST_TEST((batch.error().code == banking::Errc::Token));
      BOOST_TEST(ui.pinRequests.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(a_signature_from_an_untrusted_issuer_fails_the_chain) {
  TestPki::shared();
  Signing s = open(cryptotest::kSoftHsmModule, "WRONG-ISSUER");
  ScriptedInteraction ui;
  ui.pins = {std::string{cryptotest::kPin}};
  const std::vector<banking::PaymentOrder> orders{sampleOrder()};
  const auto now = systemNow();
  auto batch = signOrders(s.token, s.certificate, orders, ui, now);
  BOOST_TEST_REQUIRE(batch.has_value());
  auto report = verifyOrder(orders[0], *batch.value().signatures[0], s.trust, now);
  BOOST_TEST_REQUIRE(report.has_value());
  BOOST_TEST(report.value().signatureValid);
  BOOST_TEST(!report.value().chainValid);
  BOOST_TEST(!report.value().valid());
  BOOST_TEST(report.value().problem.find("trusted CA") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_batch_uses_one_login_reports_progress_and_can_be_cancelled) {
  TestPki::shared();
  Signing s = open(TestPki::pincardModule(), "BATCH");
  std::vector<banking::PaymentOrder> orders;
  for (int i = 0; i < 10; ++i) {
    orders.push_back(sampleOrder(i));
  }
  ScriptedInteraction ui;
  ui.pins = {std::string{cryptotest::kPin}};
  std::vector<std::size_t> seen;
  ui.onProgress = [&](std::size_t done, std::size_t total) {
    BOOST_TEST(total == 10u);
    seen.push_back(done);
  };
  const auto now = systemNow();
  auto batch = signOrders(s.token, s.certificate, orders, ui, now);
  BOOST_TEST_REQUIRE(batch.has_value());
  BOOST_TEST((batch.value().outcome == BatchOutcome::Complete));
  BOOST_TEST(batch.value().signedCount() == 10u);
  BOOST_TEST(ui.pinRequests.size() == 1u);
  BOOST_TEST(seen.size() == 11u);
  for (std::size_t i = 0; i < orders.size(); ++i) {
    BOOST_TEST(verifyOrder(orders[i], *batch.value().signatures[i], s.trust, now).value().valid());
  }

  ScriptedInteraction cancelling;
  cancelling.cancelAtProgress = 4;
  auto cancelled = signOrders(s.token, s.certificate, orders, cancelling, now);
  BOOST_TEST_REQUIRE(cancelled.has_value());
  BOOST_TEST((cancelled.value().outcome == BatchOutcome::Cancelled));
  BOOST_TEST(cancelled.value().signedCount() == 4u);
  BOOST_TEST(cancelling.pinRequests.empty());  // still logged in from the first batch
}

BOOST_AUTO_TEST_CASE(a_token_removed_mid_batch_stops_cleanly) {
  TestPki& pki = TestPki::shared();
  Signing s = open(TestPki::pincardModule(), "BATCH");
  std::vector<banking::PaymentOrder> orders;
  for (int i = 0; i < 8; ++i) {
    orders.push_back(sampleOrder(i));
  }
  ScriptedInteraction ui;
  ui.pins = {std::string{cryptotest::kPin}};
  ui.onProgress = [&](std::size_t done, std::size_t) {
    if (done == 3) {
      pki.setRemoved(true);  // pulled out of the reader after the third order
    }
  };
  const auto now = systemNow();
  auto batch = signOrders(s.token, s.certificate, orders, ui, now);
  pki.setRemoved(false);
  BOOST_TEST_REQUIRE(batch.has_value());
  BOOST_TEST((batch.value().outcome == BatchOutcome::Stopped));
  BOOST_TEST_REQUIRE(batch.value().error.has_value());
  BOOST_TEST(batch.value().error->message.find("removed") != std::string::npos, batch.value().error->message);
  BOOST_TEST(batch.value().signedCount() == 3u);
  for (std::size_t i = 0; i < orders.size(); ++i) {
    BOOST_TEST(batch.value().signatures[i].has_value() == (i < 3));
    if (i < 3) {
      BOOST_TEST(verifyOrder(orders[i], *batch.value().signatures[i], s.trust, now).value().valid());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
