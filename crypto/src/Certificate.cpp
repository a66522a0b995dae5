#include "crypto/Certificate.h"

#include "Errors.h"
#include "Handles.h"

#include <fmt/format.h>
#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <fstream>
#include <iterator>

namespace platnik::crypto {
namespace {

using banking::Errc;
using banking::fail;

struct Asn1TypeStackDeleter {
  void operator()(ASN1_SEQUENCE_ANY* s) const { sk_ASN1_TYPE_pop_free(s, ASN1_TYPE_free); }
};
using SequencePtr = std::unique_ptr<ASN1_SEQUENCE_ANY, Asn1TypeStackDeleter>;

SequencePtr parseSequence(const unsigned char* der, long length) {
  return SequencePtr{d2i_ASN1_SEQUENCE_ANY(nullptr, &der, length)};
}

std::string oidText(const ASN1_OBJECT* object) {
  char buffer[128];
  const int n = OBJ_obj2txt(buffer, sizeof buffer, object, 1);
  return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string{};
}

std::string nameLine(const X509_NAME* name) {
  detail::BioPtr bio{BIO_new(BIO_s_mem())};
  X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(n));
}

std::string nameEntry(const X509_NAME* name, int nid) {
  const int index = X509_NAME_get_index_by_NID(name, nid, -1);
  if (index < 0) {
    return {};
  }
  unsigned char* utf8 = nullptr;
  const int n = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
  if (n < 0) {
    return {};
  }
  std::string text(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(n));
  OPENSSL_free(utf8);
  return text;
}

TimePoint toTimePoint(const ASN1_TIME* time) {
  std::tm tm{};
  ASN1_TIME_to_tm(time, &tm);
  return TimePoint{std::chrono::seconds{timegm(&tm)}};
}

std::string hex(const unsigned char* data, std::size_t size) {
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out += fmt::format("{:02x}", data[i]);
  }
  return out;
}

constexpr std::string_view kQcCompliance = "0.4.0.1862.1.1";
constexpr std::string_view kQcSscd = "0.4.0.1862.1.4";
constexpr std::string_view kQcType = "0.4.0.1862.1.6";
constexpr std::string_view kQcTypeEseal = "0.4.0.1862.1.6.2";
constexpr std::string_view kSemanticsLegalPerson = "0.4.0.194121.1.2";
constexpr std::string_view kPolicyQcpLegal = "0.4.0.194112.1.1";
constexpr std::string_view kPolicyQcpLegalQscd = "0.4.0.194112.1.3";

std::string qcTypeName(const std::string& oid) {
  if (oid == "0.4.0.1862.1.6.1") {
    return "esign";
  }
  if (oid == kQcTypeEseal) {
    return "eseal";
  }
  if (oid == "0.4.0.1862.1.6.3") {
    return "web";
  }
  return oid;
}

/// QCStatements (RFC 3739): SEQUENCE OF SEQUENCE { statementId OID, statementInfo ANY OPTIONAL }.
/// Returns false when the extension is malformed. Sets `legalSemantics` for the PKIX
/// semantics "legal person" identifier.
bool readQcStatements(X509* x509, Certificate& out, bool& legalSemantics) {
  const int index = X509_get_ext_by_NID(x509, NID_qcStatements, -1);
  if (index < 0) {
    return true;
  }
  const ASN1_OCTET_STRING* value = X509_EXTENSION_get_data(X509_get_ext(x509, index));
  SequencePtr statements = parseSequence(ASN1_STRING_get0_data(value), ASN1_STRING_length(value));
  if (!statements) {
    return false;
  }
  for (int i = 0; i < sk_ASN1_TYPE_num(statements.get()); ++i) {
    const ASN1_TYPE* statement = sk_ASN1_TYPE_value(statements.get(), i);
    if (statement->type != V_ASN1_SEQUENCE) {
      return false;
    }
    SequencePtr parts = parseSequence(ASN1_STRING_get0_data(statement->value.sequence),
                                      ASN1_STRING_length(statement->value.sequence));
    if (!parts || sk_ASN1_TYPE_num(parts.get()) < 1 ||
        sk_ASN1_TYPE_value(parts.get(), 0)->type != V_ASN1_OBJECT) {
      return false;
    }
    const std::string id = oidText(sk_ASN1_TYPE_value(parts.get(), 0)->value.object);
    if (id == kQcCompliance) {
      out.qcCompliance = true;
    } else if (id == kQcSscd) {
      out.qcSscd = true;
    } else if (id == kQcType && sk_ASN1_TYPE_num(parts.get()) > 1) {
      const ASN1_TYPE* info = sk_ASN1_TYPE_value(parts.get(), 1);
      if (info->type != V_ASN1_SEQUENCE) {
        return false;
      }
      SequencePtr types = parseSequence(ASN1_STRING_get0_data(info->value.sequence),
                                        ASN1_STRING_length(info->value.sequence));
      if (!types) {
        return false;
      }
      for (int t = 0; t < sk_ASN1_TYPE_num(types.get()); ++t) {
        const ASN1_TYPE* type = sk_ASN1_TYPE_value(types.get(), t);
        if (type->type == V_ASN1_OBJECT) {
          const std::string oid = oidText(type->value.object);
          out.qcTypes.push_back(qcTypeName(oid));
          legalSemantics = legalSemantics || oid == kQcTypeEseal;
        }
      }
    } else if (id == "1.3.6.1.5.5.7.11.2" && sk_ASN1_TYPE_num(parts.get()) > 1) {
      // PKIX QCSyntax-v2: SemanticsInformation { semanticsIdentifier OID OPTIONAL, ... }
      const ASN1_TYPE* info = sk_ASN1_TYPE_value(parts.get(), 1);
      if (info->type == V_ASN1_SEQUENCE) {
        SequencePtr semantics = parseSequence(ASN1_STRING_get0_data(info->value.sequence),
                                              ASN1_STRING_length(info->value.sequence));
        if (semantics && sk_ASN1_TYPE_num(semantics.get()) > 0 &&
            sk_ASN1_TYPE_value(semantics.get(), 0)->type == V_ASN1_OBJECT) {
          legalSemantics = legalSemantics || oidText(sk_ASN1_TYPE_value(semantics.get(), 0)->value.object) ==
                                                 kSemanticsLegalPerson;
        }
      }
    }
  }
  return true;
}

}  // namespace

TimePoint systemNow() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::string toIsoString(TimePoint time) {
  const std::time_t t = time.time_since_epoch().count();
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::string_view toString(HolderType type) {
  return type == HolderType::LegalEntity ? "legal_entity" : "natural_person";
}

banking::Result<Certificate> Certificate::fromDer(std::string_view der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  detail::X509Ptr x509{d2i_X509(nullptr, &p, static_cast<long>(der.size()))};
  if (!x509 || p != reinterpret_cast<const unsigned char*>(der.data()) + der.size()) {
    return detail::openSslError(Errc::MalformedFile, "not a DER X.509 certificate");
  }
  Certificate out;
  out.der = std::string(der);
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(der.data()), der.size(), digest);
  out.sha256 = hex(digest, sizeof digest);

  const X509_NAME* subject = X509_get_subject_name(x509.get());
  out.subject = nameLine(subject);
  out.issuer = nameLine(X509_get_issuer_name(x509.get()));
  out.commonName = nameEntry(subject, NID_commonName);
  out.organization = nameEntry(subject, NID_organizationName);
  out.organizationIdentifier = nameEntry(subject, NID_organizationIdentifier);

  std::unique_ptr<BIGNUM, detail::Deleter<BN_free>> serial{
      ASN1_INTEGER_to_BN(X509_get0_serialNumber(x509.get()), nullptr)};
  if (serial) {
    char* text = BN_bn2hex(serial.get());
    out.serialHex = text;
    OPENSSL_free(text);
  }
  out.notBefore = toTimePoint(X509_get0_notBefore(x509.get()));
  out.notAfter = toTimePoint(X509_get0_notAfter(x509.get()));

  if ((X509_get_extension_flags(x509.get()) & EXFLAG_KUSAGE) != 0) {
    const std::uint32_t usage = X509_get_key_usage(x509.get());
    out.nonRepudiation = (usage & KU_NON_REPUDIATION) != 0;
    out.digitalSignature = (usage & KU_DIGITAL_SIGNATURE) != 0;
  }
  int critical = 0;
  auto* policies = static_cast<CERTIFICATEPOLICIES*>(
      X509_get_ext_d2i(x509.get(), NID_certificate_policies, &critical, nullptr));
  bool legalPolicy = false;
  if (policies != nullptr) {
    for (int i = 0; i < sk_POLICYINFO_num(policies); ++i) {
      out.policies.push_back(oidText(sk_POLICYINFO_value(policies, i)->policyid));
      legalPolicy =
          legalPolicy || out.policies.back() == kPolicyQcpLegal || out.policies.back() == kPolicyQcpLegalQscd;
    }
    CERTIFICATEPOLICIES_free(policies);
  }
  bool legalSemantics = false;
  if (!readQcStatements(x509.get(), out, legalSemantics)) {
    return fail(Errc::MalformedFile, "the QCStatements extension is malformed", out.subject);
  }
  // Holder type (docs/signing.md): a company's certificate names the company in the
  // subject (O or organizationIdentifier) or says so in its policies or QC statements.
  const bool legal =
      !out.organization.empty() || !out.organizationIdentifier.empty() || legalPolicy || legalSemantics;
  out.holder = legal ? HolderType::LegalEntity : HolderType::NaturalPerson;
  return out;
}

banking::Result<Certificate> Certificate::fromFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail(Errc::Io, "cannot open the certificate file", path);
  }
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (bytes.find("-----BEGIN CERTIFICATE-----") != std::string::npos) {
    detail::BioPtr bio{BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size()))};
    detail::X509Ptr x509{PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)};
    if (!x509) {
      return detail::openSslError(Errc::MalformedFile, "not a PEM certificate", path);
    }
    unsigned char* der = nullptr;
    const int n = i2d_X509(x509.get(), &der);
    std::string derBytes(reinterpret_cast<char*>(der), static_cast<std::size_t>(n));
    OPENSSL_free(der);
    return fromDer(derBytes);
  }
  auto result = fromDer(bytes);
  if (!result) {
    return fail(Errc::MalformedFile, result.error().message, path);
  }
  return result;
}

CertificateStatus assess(const Certificate& certificate, TimePoint now) {
  CertificateStatus status;
  status.notYetValid = now < certificate.notBefore;
  status.expired = now > certificate.notAfter;
  status.validNow = !status.notYetValid && !status.expired;
  status.daysLeft =
      static_cast<long>(std::chrono::floor<std::chrono::days>(certificate.notAfter - now).count());
  status.expiringSoon = status.validNow && status.daysLeft <= kExpiryWarningDays;
  status.canSignDocuments = status.validNow;
  if (certificate.holder != HolderType::LegalEntity) {
    status.cannotSignOrders =
        "a natural person's certificate cannot sign payment orders; e-banking needs the legal "
        "entity's certificate (it may still sign documents)";
  } else if (status.expired) {
    status.cannotSignOrders = fmt::format("the certificate expired on {}", toIsoString(certificate.notAfter));
  } else if (status.notYetValid) {
    status.cannotSignOrders =
        fmt::format("the certificate is valid only from {}", toIsoString(certificate.notBefore));
  }
  status.canSignOrders = status.cannotSignOrders.empty();
  return status;
}

std::string_view toString(RenewalAdvice advice) {
  switch (advice) {
    case RenewalAdvice::NotYet:
      return "not_yet";
    case RenewalAdvice::RenewOnline:
      return "renew_online";
    case RenewalAdvice::Reissue:
      return "reissue";
  }
  return "not_yet";
}

RenewalAdvice adviseRenewal(const CertificateStatus& status, bool tokenRenewedOnline) {
  if (status.expired || (status.validNow && status.expiringSoon && tokenRenewedOnline)) {
    return RenewalAdvice::Reissue;
  }
  if (status.validNow && status.expiringSoon) {
    return RenewalAdvice::RenewOnline;
  }
  return RenewalAdvice::NotYet;
}

}  // namespace platnik::crypto
