#include "crypto/LocalAuthority.h"

#include "Handles.h"

#include <fmt/format.h>
#include <openssl/bn.h>
#include <openssl/conf.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace platnik::crypto {
namespace {

using detail::BioPtr;
using detail::Deleter;
using detail::EvpPkeyPtr;
using detail::X509Ptr;
using ConfPtr = std::unique_ptr<CONF, Deleter<NCONF_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;
using RequestPtr = std::unique_ptr<X509_REQ, Deleter<X509_REQ_free>>;

using Subject = std::vector<std::pair<std::string, std::string>>;

/// The ETSI qualified certificate policy (QCP-n-qscd's parent, as Serbian CAs name it).
constexpr const char* kQualifiedPolicy = "0.4.0.194112.1.2";

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

/// OpenSSL failing here is a broken invariant (bad constant input or out of memory).
void check(bool ok, const char* what) {
  if (!ok) {
    throw std::runtime_error(std::string("local certificate authority: ") + what);
  }
}

void addExtension(X509* cert, X509* issuer, CONF* conf, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509V3_set_nconf(&ctx, conf);
  ExtensionPtr ext{X509V3_EXT_nconf_nid(conf, &ctx, nid, value.c_str())};
  check(ext != nullptr, "bad extension");
  check(X509_add_ext(cert, ext.get(), -1) == 1, "cannot add extension");
}

void setRandomSerial(X509* cert) {
  unsigned char bytes[8];
  check(RAND_bytes(bytes, sizeof bytes) == 1, "random serial");
  bytes[0] &= 0x7f;  // positive
  bytes[0] |= 0x01;  // and never zero
  std::unique_ptr<BIGNUM, Deleter<BN_free>> number{BN_bin2bn(bytes, sizeof bytes, nullptr)};
  check(number != nullptr && BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(cert)) != nullptr,
        "serial");
}

struct Signer {
  X509* cert;  ///< nullptr for a self-signed certificate
  EVP_PKEY* key;
};

banking::Result<X509Ptr> build(EVP_PKEY* publicKey, const X509_NAME* baseName, const Subject& subject,
                               const Signer& signer, long fromDays, long toDays, bool isCa,
                               const std::string& keyUsage, bool qualified) {
  X509Ptr cert{X509_new()};
  check(cert != nullptr, "out of memory");
  X509_set_version(cert.get(), 2);
  setRandomSerial(cert.get());
  if (baseName != nullptr) {
    X509_set_subject_name(cert.get(), baseName);
  }
  X509_NAME* name = X509_get_subject_name(cert.get());
  for (const auto& [field, value] : subject) {
    if (X509_NAME_add_entry_by_txt(name, field.c_str(), MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1, 0) != 1) {
      return banking::fail(banking::Errc::InvalidArgument,
                           fmt::format("\"{}\" is not a subject attribute OpenSSL knows", field),
                           "certificate subject");
    }
  }
  X509_set_issuer_name(cert.get(), signer.cert != nullptr ? X509_get_subject_name(signer.cert) : name);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), fromDays * 86400);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), toDays * 86400);
  check(X509_set_pubkey(cert.get(), publicKey) == 1, "public key");

  BioPtr bio{BIO_new_mem_buf(kExtensionConfig, -1)};
  ConfPtr conf{NCONF_new(nullptr)};
  check(NCONF_load_bio(conf.get(), bio.get(), nullptr) > 0, "extension config");
  X509* issuerCert = signer.cert != nullptr ? signer.cert : cert.get();
  addExtension(cert.get(), issuerCert, conf.get(), NID_basic_constraints,
               isCa ? "critical,CA:TRUE" : "CA:FALSE");
  addExtension(cert.get(), issuerCert, conf.get(), NID_key_usage, "critical," + keyUsage);
  addExtension(cert.get(), issuerCert, conf.get(), NID_subject_key_identifier, "hash");
  if (signer.cert != nullptr) {
    addExtension(cert.get(), issuerCert, conf.get(), NID_authority_key_identifier, "keyid");
  }
  if (qualified) {
    addExtension(cert.get(), issuerCert, conf.get(), NID_certificate_policies, kQualifiedPolicy);
    addExtension(cert.get(), issuerCert, conf.get(), NID_qcStatements, "ASN1:SEQUENCE:qualified");
  }
  check(X509_sign(cert.get(), signer.key, EVP_sha256()) > 0, "sign");
  return cert;
}

std::string toDer(X509* cert) {
  unsigned char* der = nullptr;
  const int n = i2d_X509(cert, &der);
  check(n > 0, "encode certificate");
  std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(n));
  OPENSSL_free(der);
  return out;
}

banking::Result<std::string> readWhole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return banking::fail(banking::Errc::Io, "cannot read the file", path.string());
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

struct LocalAuthority::Parts {
  EvpPkeyPtr key;
  X509Ptr cert;
};

LocalAuthority::LocalAuthority(std::unique_ptr<Parts> parts) : m_parts(std::move(parts)) {}
LocalAuthority::LocalAuthority(LocalAuthority&&) noexcept = default;
LocalAuthority& LocalAuthority::operator=(LocalAuthority&&) noexcept = default;
LocalAuthority::~LocalAuthority() = default;

LocalAuthority LocalAuthority::createRoot(const Subject& subject) {
  auto parts = std::make_unique<Parts>();
  parts->key.reset(EVP_RSA_gen(2048));
  check(parts->key != nullptr, "CA key");
  parts->cert = build(parts->key.get(), nullptr, subject, Signer{nullptr, parts->key.get()}, -3650, 3650,
                      true, "keyCertSign,cRLSign", false)
                    .value();
  return LocalAuthority(std::move(parts));
}

LocalAuthority LocalAuthority::createSubordinate(const Subject& subject) const {
  auto parts = std::make_unique<Parts>();
  parts->key.reset(EVP_RSA_gen(2048));
  check(parts->key != nullptr, "CA key");
  parts->cert = build(parts->key.get(), nullptr, subject, Signer{m_parts->cert.get(), m_parts->key.get()},
                      -3650, 3650, true, "keyCertSign,cRLSign", false)
                    .value();
  return LocalAuthority(std::move(parts));
}

banking::Result<LocalAuthority> LocalAuthority::load(const std::filesystem::path& keyPem,
                                                     const std::filesystem::path& certificatePem) {
  BOOST_OUTCOME_TRY(keyText, readWhole(keyPem));
  BOOST_OUTCOME_TRY(certText, readWhole(certificatePem));
  auto parts = std::make_unique<Parts>();
  BioPtr keyBio{BIO_new_mem_buf(keyText.data(), static_cast<int>(keyText.size()))};
  parts->key.reset(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
  if (parts->key == nullptr) {
    return banking::fail(banking::Errc::MalformedFile, "not a PEM private key", keyPem.string());
  }
  BioPtr certBio{BIO_new_mem_buf(certText.data(), static_cast<int>(certText.size()))};
  parts->cert.reset(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr));
  if (parts->cert == nullptr) {
    return banking::fail(banking::Errc::MalformedFile, "not a PEM certificate", certificatePem.string());
  }
  if (X509_check_private_key(parts->cert.get(), parts->key.get()) != 1) {
    return banking::fail(banking::Errc::MalformedFile, "the key is not the certificate's key",
                         keyPem.string());
  }
  return LocalAuthority(std::move(parts));
}

banking::Result<void> LocalAuthority::save(const std::filesystem::path& keyPem,
                                           const std::filesystem::path& certificatePem) const {
  {
    BioPtr bio{BIO_new_file(keyPem.c_str(), "w")};
    if (bio == nullptr ||
        PEM_write_bio_PrivateKey(bio.get(), m_parts->key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
      return banking::fail(banking::Errc::Io, "cannot write the CA key", keyPem.string());
    }
  }
  std::error_code ignored;
  std::filesystem::permissions(
      keyPem, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ignored);
  std::ofstream out(certificatePem, std::ios::binary);
  out << this->certificatePem();
  if (!out) {
    return banking::fail(banking::Errc::Io, "cannot write the CA certificate", certificatePem.string());
  }
  return boost::outcome_v2::success();
}

std::string LocalAuthority::certificatePem() const {
  BioPtr bio{BIO_new(BIO_s_mem())};
  check(bio != nullptr && PEM_write_bio_X509(bio.get(), m_parts->cert.get()) == 1, "write PEM");
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(n));
}

banking::Result<std::string> LocalAuthority::issue(std::string_view publicKeyDer,
                                                   const CertificateTerms& terms) const {
  const auto* p = reinterpret_cast<const unsigned char*>(publicKeyDer.data());
  EvpPkeyPtr publicKey{d2i_PUBKEY(nullptr, &p, static_cast<long>(publicKeyDer.size()))};
  if (publicKey == nullptr) {
    return banking::fail(banking::Errc::InvalidArgument, "not a DER public key (SubjectPublicKeyInfo)",
                         "certificate request");
  }
  BOOST_OUTCOME_TRY(
      cert, build(publicKey.get(), nullptr, terms.subject, Signer{m_parts->cert.get(), m_parts->key.get()},
                  terms.fromDays, terms.toDays, false, terms.keyUsage, terms.qualified));
  return toDer(cert.get());
}

banking::Result<std::string> LocalAuthority::issueForRequest(std::string_view requestPem,
                                                             const CertificateTerms& terms) const {
  BioPtr in{BIO_new_mem_buf(requestPem.data(), static_cast<int>(requestPem.size()))};
  RequestPtr request{PEM_read_bio_X509_REQ(in.get(), nullptr, nullptr, nullptr)};
  if (request == nullptr) {
    return banking::fail(banking::Errc::MalformedFile, "not a PKCS#10 request (PEM)", "certificate request");
  }
  EVP_PKEY* key = X509_REQ_get0_pubkey(request.get());
  if (key == nullptr || X509_REQ_verify(request.get(), key) != 1) {
    return banking::fail(banking::Errc::MalformedFile, "the request's signature does not verify",
                         "certificate request");
  }
  BOOST_OUTCOME_TRY(cert, build(key, X509_REQ_get_subject_name(request.get()), terms.subject,
                                Signer{m_parts->cert.get(), m_parts->key.get()}, terms.fromDays, terms.toDays,
                                false, terms.keyUsage, terms.qualified));
  return toDer(cert.get());
}

}  // namespace platnik::crypto
