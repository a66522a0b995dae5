#include "crypto/CmsSignature.h"

#include "Errors.h"
#include "Handles.h"
#include "SigningKeyImpl.h"

#include <fmt/format.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509_vfy.h>

#include <ctime>
#include <fstream>
#include <iterator>

namespace platnik::crypto {

using banking::Errc;
using banking::fail;

struct TrustStore::Impl {
  detail::X509StorePtr store{X509_STORE_new()};
};

namespace {

using EssV2Ptr = std::unique_ptr<ESS_SIGNING_CERT_V2, detail::Deleter<ESS_SIGNING_CERT_V2_free>>;

banking::Result<std::string> readWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail(Errc::Io, "cannot open the file", path.string());
  }
  return std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

detail::BioPtr memoryBio(std::string_view bytes) {
  return detail::BioPtr{BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size()))};
}

std::optional<TimePoint> signingTimeOf(CMS_SignerInfo* si) {
  const int index = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
  if (index < 0) {
    return std::nullopt;
  }
  const ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(si, index), 0);
  if (value == nullptr || (value->type != V_ASN1_UTCTIME && value->type != V_ASN1_GENERALIZEDTIME)) {
    return std::nullopt;
  }
  std::tm tm{};
  if (ASN1_TIME_to_tm(value->value.generalizedtime, &tm) != 1) {
    return std::nullopt;
  }
  return TimePoint{std::chrono::seconds{timegm(&tm)}};
}

/// signing-certificate-v2 (RFC 5035) names `signer` by its SHA-256 hash.
bool signingCertificateMatches(CMS_SignerInfo* si, X509* signer) {
  const int index = CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, -1);
  if (index < 0) {
    return false;
  }
  const ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(si, index), 0);
  if (value == nullptr || value->type != V_ASN1_SEQUENCE) {
    return false;
  }
  const unsigned char* p = ASN1_STRING_get0_data(value->value.sequence);
  EssV2Ptr essV2{d2i_ESS_SIGNING_CERT_V2(nullptr, &p, ASN1_STRING_length(value->value.sequence))};
  if (!essV2) {
    return false;
  }
  detail::X509StackPtr chain{sk_X509_new_null()};
  X509_up_ref(signer);
  sk_X509_push(chain.get(), signer);
  const bool ok = OSSL_ESS_check_signing_certs(nullptr, essV2.get(), chain.get(), 1) == 1;
  ERR_clear_error();
  return ok;
}

}  // namespace

banking::Result<std::string> signDetached(const SigningKey& key, std::string_view content,
                                          const SignOptions& options) {
  const SigningKey::Impl& impl = key.impl();
  constexpr unsigned int kFlags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL;
  detail::CmsPtr cms{CMS_sign(nullptr, nullptr, nullptr, nullptr, kFlags)};
  if (!cms) {
    return detail::openSslError(Errc::Token, "cannot start a CMS signature");
  }
  // CMS_CADES adds signing-certificate-v2 (ESS, SHA-256 of the signer's certificate).
  CMS_SignerInfo* si = CMS_add1_signer(cms.get(), impl.x509.get(), impl.key.get(), EVP_sha256(),
                                       kFlags | CMS_CADES | CMS_NOSMIMECAP | CMS_KEY_PARAM);
  if (si == nullptr) {
    return detail::openSslError(Errc::Token, "cannot add the signer");
  }
  if (options.padding == Padding::Pss) {
    EVP_PKEY_CTX* pctx = CMS_SignerInfo_get0_pkey_ctx(si);
    if (pctx == nullptr || EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
        EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, 32) <= 0 ||
        EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, EVP_sha256()) <= 0) {
      return detail::openSslError(Errc::Token, "the key does not support RSA-PSS");
    }
  }
  const TimePoint when = options.signingTime.value_or(systemNow());
  detail::Asn1TimePtr time{ASN1_TIME_set(nullptr, static_cast<time_t>(when.time_since_epoch().count()))};
  if (!time || CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, time->type, time.get(), -1) != 1) {
    return detail::openSslError(Errc::Token, "cannot add the signing time");
  }
  detail::BioPtr data = memoryBio(content);
  if (CMS_final(cms.get(), data.get(), nullptr, kFlags) != 1) {
    // The key operation runs on the token: a removed token or a lost login fails here.
    return detail::tokenError("the token did not sign", impl.certificate.commonName);
  }
  unsigned char* der = nullptr;
  const int n = i2d_CMS_ContentInfo(cms.get(), &der);
  if (n <= 0) {
    return detail::openSslError(Errc::Token, "cannot encode the signature");
  }
  std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(n));
  OPENSSL_free(der);
  return out;
}

TrustStore::TrustStore() : m_impl(std::make_unique<Impl>()) {}
TrustStore::~TrustStore() = default;
TrustStore::TrustStore(TrustStore&&) noexcept = default;
TrustStore& TrustStore::operator=(TrustStore&&) noexcept = default;

banking::Result<void> TrustStore::addFile(const std::filesystem::path& path) {
  BOOST_OUTCOME_TRY(bytes, readWholeFile(path));
  if (bytes.find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
    BOOST_OUTCOME_TRY(certificate, Certificate::fromFile(path.string()));
    return add(certificate);
  }
  detail::BioPtr bio = memoryBio(bytes);
  int added = 0;
  while (true) {
    detail::X509Ptr x509{PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)};
    if (!x509) {
      break;
    }
    if (X509_STORE_add_cert(m_impl->store.get(), x509.get()) != 1) {
      return detail::openSslError(Errc::MalformedFile, "cannot trust this certificate", path.string());
    }
    ++added;
  }
  ERR_clear_error();  // the end of the PEM file
  if (added == 0) {
    return fail(Errc::MalformedFile, "no certificate in the file", path.string());
  }
  return boost::outcome_v2::success();
}

banking::Result<void> TrustStore::add(const Certificate& certificate) {
  const auto* p = reinterpret_cast<const unsigned char*>(certificate.der.data());
  detail::X509Ptr x509{d2i_X509(nullptr, &p, static_cast<long>(certificate.der.size()))};
  if (!x509 || X509_STORE_add_cert(m_impl->store.get(), x509.get()) != 1) {
    return detail::openSslError(Errc::MalformedFile, "cannot trust this certificate", certificate.subject);
  }
  return boost::outcome_v2::success();
}

banking::Result<SignatureReport> verifyDetached(std::string_view cmsBytes, std::string_view content,
                                                const TrustStore& trust, TimePoint now) {
  const auto* p = reinterpret_cast<const unsigned char*>(cmsBytes.data());
  detail::CmsPtr cms{d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(cmsBytes.size()))};
  if (!cms) {
    return detail::openSslError(Errc::MalformedFile, "not a CMS signature");
  }
  if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed || CMS_is_detached(cms.get()) != 1) {
    return fail(Errc::MalformedFile, "not a detached CMS SignedData");
  }
  STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(cms.get());
  if (sk_CMS_SignerInfo_num(signers) != 1) {
    return fail(Errc::MalformedFile, "exactly one signer expected");
  }
  CMS_SignerInfo* si = sk_CMS_SignerInfo_value(signers, 0);
  if (CMS_set1_signers_certs(cms.get(), nullptr, 0) < 1) {
    ERR_clear_error();
    return fail(Errc::MalformedFile, "the signer's certificate is not in the signature");
  }
  X509* signer = nullptr;
  CMS_SignerInfo_get0_algs(si, nullptr, &signer, nullptr, nullptr);
  SignatureReport report;
  unsigned char* der = nullptr;
  const int n = i2d_X509(signer, &der);
  BOOST_OUTCOME_TRY(certificate, Certificate::fromDer(std::string_view(reinterpret_cast<char*>(der),
                                                                       static_cast<std::size_t>(n))));
  OPENSSL_free(der);
  report.signer = std::move(certificate);
  report.signingTime = signingTimeOf(si);
  report.signingCertificateBound = signingCertificateMatches(si, signer);

  // 1. The signature over the content (no trust decision yet).
  detail::BioPtr data = memoryBio(content);
  report.signatureValid = CMS_verify(cms.get(), nullptr, nullptr, data.get(), nullptr,
                                     CMS_BINARY | CMS_DETACHED | CMS_NO_SIGNER_CERT_VERIFY) == 1;
  if (!report.signatureValid) {
    report.problem =
        detail::openSslError(Errc::MalformedFile, "the signature does not match the content").message;
  }
  // 2. The signer's chain to a trusted CA, at `now`.
  detail::X509StoreCtxPtr ctx{X509_STORE_CTX_new()};
  STACK_OF(X509)* embedded = CMS_get1_certs(cms.get());
  detail::X509StackPtr untrusted{embedded};
  if (X509_STORE_CTX_init(ctx.get(), trust.impl().store.get(), signer, untrusted.get()) == 1) {
    X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx.get()),
                               static_cast<time_t>(now.time_since_epoch().count()));
    report.chainValid = X509_verify_cert(ctx.get()) == 1;
    if (!report.chainValid) {
      const std::string chainProblem =
          fmt::format("the signer's certificate does not chain to a trusted CA: {}",
                      X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get())));
      report.problem = report.problem.empty() ? chainProblem : report.problem + "; " + chainProblem;
    }
  }
  if (!report.signingCertificateBound) {
    const std::string essProblem =
        "the signing-certificate-v2 attribute is missing or names another certificate";
    report.problem = report.problem.empty() ? essProblem : report.problem + "; " + essProblem;
  }
  ERR_clear_error();
  return report;
}

banking::Result<void> signFile(const SigningKey& key, const std::filesystem::path& file,
                               const std::filesystem::path& signature, const SignOptions& options) {
  const TimePoint when = options.signingTime.value_or(systemNow());
  const CertificateStatus status = assess(key.certificate(), when);
  if (!status.canSignDocuments) {
    return fail(Errc::Token,
                status.expired ? "the certificate has expired" : "the certificate is not valid yet",
                key.certificate().subject);
  }
  BOOST_OUTCOME_TRY(content, readWholeFile(file));
  SignOptions at = options;
  at.signingTime = when;
  BOOST_OUTCOME_TRY(cms, signDetached(key, content, at));
  std::ofstream out(signature, std::ios::binary | std::ios::trunc);
  out.write(cms.data(), static_cast<std::streamsize>(cms.size()));
  out.flush();
  if (!out) {
    return fail(Errc::Io, "cannot write the signature", signature.string());
  }
  return boost::outcome_v2::success();
}

banking::Result<SignatureReport> verifyFile(const std::filesystem::path& signature,
                                            const std::filesystem::path& file, const TrustStore& trust,
                                            TimePoint now) {
  BOOST_OUTCOME_TRY(cms, readWholeFile(signature));
  BOOST_OUTCOME_TRY(content, readWholeFile(file));
  auto report = verifyDetached(cms, content, trust, now);
  if (!report) {
    return fail(report.error().code, report.error().message, signature.string());
  }
  return report;
}

}  // namespace platnik::crypto
