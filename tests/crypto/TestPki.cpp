#include "TestPki.h"

#include <fmt/format.h>
#include <openssl/bio.h>
#include <openssl/conf.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace platnik::cryptotest {
namespace {

template <auto Free>
struct Deleter {
  template <class T>
  void operator()(T* p) const {
    Free(p);
  }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using ConfPtr = std::unique_ptr<CONF, Deleter<NCONF_free>>;

void run(const std::string& command) {
  const std::string quiet = command + " >/dev/null 2>&1";
  if (std::system(quiet.c_str()) != 0) {
    throw std::runtime_error("test PKI: command failed: " + command);
  }
}

void check(bool ok, const char* what) {
  if (!ok) {
    throw std::runtime_error(std::string("test PKI: ") + what);
  }
}

// Extension values in OpenSSL's config syntax (as in a CA's openssl.cnf).
constexpr const char* kExtensionConfig = R"(
[qualified]
qc1 = SEQUENCE:qcCompliance
qc2 = SEQUENCE:qcSscd
qc3 = SEQUENCE:qcType
[qcCompliance]
id = OID:0.4.0.1862.1.1
[qcSscd]
id = OID:0.4.0.1862.1.4
[qcType]
id = OID:0.4.0.1862.1.6
types = SEQUENCE:qcTypes
[qcTypes]
esign = OID:0.4.0.1862.1.6.1
)";

struct Ca {
  KeyPtr key;
  CertPtr cert;
};

struct Subject {
  std::vector<std::pair<std::string, std::string>> entries;
};

void addExtension(X509* cert, X509* issuer, CONF* conf, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509V3_set_nconf(&ctx, conf);
  std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>> ext{
      X509V3_EXT_nconf_nid(conf, &ctx, nid, value.c_str())};
  check(ext != nullptr, "bad extension");
  check(X509_add_ext(cert, ext.get(), -1) == 1, "cannot add extension");
}

CertPtr issue(EVP_PKEY* publicKey, const Subject& subject, const Ca* ca, EVP_PKEY* caKeyForSelf,
              long fromDays, long toDays, bool isCa, const std::string& keyUsage, bool qualified,
              const std::string& policy, long serial, const X509_NAME* subjectName = nullptr) {
  CertPtr cert{X509_new()};
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
  if (subjectName != nullptr) {
    X509_set_subject_name(cert.get(), subjectName);
  }
  X509_NAME* name = X509_get_subject_name(cert.get());
  for (const auto& [field, value] : subject.entries) {
    check(X509_NAME_add_entry_by_txt(name, field.c_str(), MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1, 0) == 1,
          "bad subject");
  }
  X509_set_issuer_name(cert.get(), ca != nullptr ? X509_get_subject_name(ca->cert.get()) : name);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), fromDays * 86400);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), toDays * 86400);
  X509_set_pubkey(cert.get(), publicKey);

  BioPtr bio{BIO_new_mem_buf(kExtensionConfig, -1)};
  ConfPtr conf{NCONF_new(nullptr)};
  check(NCONF_load_bio(conf.get(), bio.get(), nullptr) > 0, "extension config");
  X509* issuerCert = ca != nullptr ? ca->cert.get() : cert.get();
  addExtension(cert.get(), issuerCert, conf.get(), NID_basic_constraints,
               isCa ? "critical,CA:TRUE" : "CA:FALSE");
  addExtension(cert.get(), issuerCert, conf.get(), NID_key_usage, "critical," + keyUsage);
  addExtension(cert.get(), issuerCert, conf.get(), NID_subject_key_identifier, "hash");
  if (ca != nullptr) {
    addExtension(cert.get(), issuerCert, conf.get(), NID_authority_key_identifier, "keyid");
  }
  if (!policy.empty()) {
    addExtension(cert.get(), issuerCert, conf.get(), NID_certificate_policies, policy);
  }
  if (qualified) {
    addExtension(cert.get(), issuerCert, conf.get(), NID_qcStatements, "ASN1:SEQUENCE:qualified");
  }
  check(X509_sign(cert.get(), ca != nullptr ? ca->key.get() : caKeyForSelf, EVP_sha256()) > 0, "sign");
  return cert;
}

Ca makeCa(const std::string& commonName, const Ca* parent, long serial) {
  Ca ca;
  ca.key.reset(EVP_RSA_gen(2048));
  check(ca.key != nullptr, "CA key");
  const Subject subject{{{"C", "RS"}, {"O", "Test Sertifikaciono Telo a.d."}, {"CN", commonName}}};
  ca.cert = issue(ca.key.get(), subject, parent, ca.key.get(), -3650, 3650, true, "keyCertSign,cRLSign",
                  false, "", serial);
  return ca;
}

void appendPem(const std::filesystem::path& file, X509* cert) {
  BioPtr bio{BIO_new_file(file.c_str(), "a")};
  check(bio != nullptr && PEM_write_bio_X509(bio.get(), cert) == 1, "write PEM");
}

std::string toolBase(const std::string& label) {
  return fmt::format("pkcs11-tool --module {} --token-label '{}'", kSoftHsmModule, label);
}

}  // namespace

struct TestPki::Authorities {
  Ca legal;
  long serial = 1000;
};

TestPki::TestPki(const std::map<std::string, Profile>& tokens,
                 const std::set<std::string>& certificateNotOnToken) {
  const auto tokenDir = m_dir / "tokens";
  std::filesystem::create_directories(tokenDir);
  const auto conf = m_dir / "softhsm2.conf";
  {
    std::ofstream out(conf);
    out << "directories.tokendir = " << tokenDir.string() << "\nobjectstore.backend = file\n"
        << "log.level = ERROR\nslots.removable = false\n";
  }
  ::setenv("SOFTHSM2_CONF", conf.c_str(), 1);

  const Ca root = makeCa("Test Root CA", nullptr, 1);
  m_authorities = std::make_unique<Authorities>();
  m_authorities->legal = makeCa("Test CA PL e-signature", &root, 2);
  const Ca& legalCa = m_authorities->legal;
  const Ca personCa = makeCa("Test CA FL e-signature", &root, 3);
  const Ca rogueRoot = makeCa("Rogue Root CA", nullptr, 4);
  const Ca rogueCa = makeCa("Rogue CA PL", &rogueRoot, 5);
  for (const X509* cert : {root.cert.get(), legalCa.cert.get(), personCa.cert.get()}) {
    appendPem(trustedCas(), const_cast<X509*>(cert));
  }
  appendPem(m_dir / "rogue.pem", rogueRoot.cert.get());
  appendPem(m_dir / "rogue.pem", rogueCa.cert.get());

  long serial = 100;
  for (const auto& [label, profile] : tokens) {
    run(fmt::format("softhsm2-util --init-token --free --label '{}' --pin {} --so-pin {}", label, kPin,
                    kPuk));
    run(fmt::format("{} --login --pin {} --keypairgen --key-type rsa:2048 --id 01 --label signkey",
                    toolBase(label), kPin));
    const auto publicDer = m_dir / (label + ".pub.der");
    run(fmt::format("{} --read-object --type pubkey --id 01 -o '{}'", toolBase(label), publicDer.string()));
    const std::string publicBytes = testsupport::readFile(publicDer);
    const auto* p = reinterpret_cast<const unsigned char*>(publicBytes.data());
    KeyPtr publicKey{d2i_PUBKEY(nullptr, &p, static_cast<long>(publicBytes.size()))};
    check(publicKey != nullptr, "token public key");

    const Subject company{{{"C", "RS"},
                           {"O", "Primer d.o.o."},
                           {"organizationIdentifier", "VATRS-100000001"},
                           {"GN", "Petar"},
                           {"SN", "Petrović"},
                           {"CN", "Petar Petrović " + label}}};
    const Subject person{{{"C", "RS"},
                          {"GN", "Jovana"},
                          {"SN", "Jovanović"},
                          {"serialNumber", "PNORS-0101990710000"},
                          {"CN", "Jovana Jovanović " + label}}};
    const std::string signUsage = "nonRepudiation";
    const std::string qualifiedPolicy = "0.4.0.194112.1.2";
    CertPtr cert;
    switch (profile) {
      case Profile::LegalQualified:
        cert = issue(publicKey.get(), company, &legalCa, nullptr, -1, 1095, false, signUsage, true,
                     qualifiedPolicy, ++serial);
        break;
      case Profile::LegalPlain:
        cert = issue(publicKey.get(), company, &legalCa, nullptr, -1, 1095, false, "digitalSignature", false,
                     "", ++serial);
        break;
      case Profile::NaturalPerson:
        cert = issue(publicKey.get(), person, &personCa, nullptr, -1, 1095, false, signUsage, true,
                     qualifiedPolicy, ++serial);
        break;
      case Profile::Expired:
        cert = issue(publicKey.get(), company, &legalCa, nullptr, -1096, -1, false, signUsage, true,
                     qualifiedPolicy, ++serial);
        break;
      case Profile::NotYetValid:
        cert = issue(publicKey.get(), company, &legalCa, nullptr, 10, 1105, false, signUsage, true,
                     qualifiedPolicy, ++serial);
        break;
      case Profile::Expiring30:
        cert = issue(publicKey.get(), company, &legalCa, nullptr, -1065, 30, false, signUsage, true,
                     qualifiedPolicy, ++serial);
        break;
      case Profile::WrongIssuer:
        cert = issue(publicKey.get(), company, &rogueCa, nullptr, -1, 1095, false, signUsage, true,
                     qualifiedPolicy, ++serial);
        break;
    }
    const auto certDer = certificateFile(label);
    {
      BioPtr bio{BIO_new_file(certDer.c_str(), "wb")};
      check(bio != nullptr && i2d_X509_bio(bio.get(), cert.get()) == 1, "write certificate");
    }
    if (!certificateNotOnToken.contains(label)) {
      run(fmt::format("{} --login --pin {} --write-object '{}' --type cert --id 01 --label signkey",
                      toolBase(label), kPin, certDer.string()));
    }
  }
}

TestPki::~TestPki() = default;

std::string TestPki::issueFromRequest(const std::string& requestPem) const {
  BioPtr in{BIO_new_mem_buf(requestPem.data(), static_cast<int>(requestPem.size()))};
  std::unique_ptr<X509_REQ, Deleter<X509_REQ_free>> request{
      PEM_read_bio_X509_REQ(in.get(), nullptr, nullptr, nullptr)};
  check(request != nullptr, "not a PKCS#10 request");
  EVP_PKEY* key = X509_REQ_get0_pubkey(request.get());
  check(key != nullptr && X509_REQ_verify(request.get(), key) == 1,
        "the request's signature does not verify");
  CertPtr cert =
      issue(key, Subject{}, &m_authorities->legal, nullptr, -1, 1095, false, "nonRepudiation", true,
            "0.4.0.194112.1.2", ++m_authorities->serial, X509_REQ_get_subject_name(request.get()));
  unsigned char* der = nullptr;
  const int n = i2d_X509(cert.get(), &der);
  std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(n));
  OPENSSL_free(der);
  return out;
}

std::string TestPki::pincardModule() {
  return PLATNIK_PINCARD_MODULE;
}

void TestPki::setRemoved(bool removed) const {
  const std::filesystem::path flag = std::string(std::getenv("SOFTHSM2_CONF")) + ".removed";
  if (removed) {
    std::ofstream{flag} << "removed\n";
  } else {
    std::filesystem::remove(flag);
  }
}

void TestPki::setPinPad(const std::optional<std::string>& pin) const {
  const std::filesystem::path pad = std::string(std::getenv("SOFTHSM2_CONF")) + ".pinpad";
  if (pin) {
    std::ofstream{pad} << *pin << "\n";
  } else {
    std::filesystem::remove(pad);
  }
}

TestPki& TestPki::shared() {
  static TestPki pki({{"LE-QUAL", Profile::LegalQualified},
                      {"LE-PLAIN", Profile::LegalPlain},
                      {"PERSON", Profile::NaturalPerson},
                      {"EXPIRED", Profile::Expired},
                      {"NOTYET", Profile::NotYetValid},
                      {"EXPIRING", Profile::Expiring30},
                      {"WRONG-ISSUER", Profile::WrongIssuer},
                      // Tokens whose PIN state the PIN tests change, one per test.
                      {"PIN-LOCK", Profile::LegalQualified},
                      {"PUK-LOCK", Profile::LegalPlain},
                      {"PIN-CHANGE", Profile::LegalQualified},
                      {"ACTIVATE", Profile::LegalQualified},
                      {"NO-RETRY", Profile::LegalQualified},
                      {"BATCH", Profile::LegalQualified},
                      {"IMPORT", Profile::LegalQualified},
                      {"RENEW", Profile::Expiring30}},
                     {"IMPORT"});
  return pki;
}

std::optional<crypto::SecureString> ScriptedInteraction::askPin(const crypto::PinRequest& request) {
  pinRequests.push_back(request);
  if (pins.empty()) {
    throw std::logic_error("the program asked for a PIN the test did not expect");
  }
  auto answer = pins.front();
  pins.pop_front();
  if (!answer) {
    return std::nullopt;
  }
  return crypto::SecureString{*answer};
}

std::optional<crypto::SecureString> ScriptedInteraction::askNewPin(const crypto::PinRequest& request) {
  newPinRequests.push_back(request);
  if (newPins.empty()) {
    throw std::logic_error("the program asked for a new PIN the test did not expect");
  }
  auto answer = newPins.front();
  newPins.pop_front();
  if (!answer) {
    return std::nullopt;
  }
  return crypto::SecureString{*answer};
}

bool ScriptedInteraction::confirm(crypto::Question, std::string_view) {
  ++confirmations;
  return confirmAnswer;
}

void ScriptedInteraction::progress(std::size_t done, std::size_t total) {
  lastDone = done;
  if (onProgress) {
    onProgress(done, total);
  }
}

bool ScriptedInteraction::cancelled() const {
  return cancelAtProgress && lastDone >= *cancelAtProgress;
}

}  // namespace platnik::cryptotest
