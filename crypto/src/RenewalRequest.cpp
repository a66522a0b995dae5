// TokenSession::renewalRequest: a new key pair on the token and a PKCS#10 request signed there.
// libp11 0.4 offers key generation only through deprecated calls, so this talks to the
// module's function table directly, in a session of its own (login state is shared by all
// sessions of the application).

#include "Errors.h"
#include "Handles.h"
#include "ModuleState.h"
#include "crypto/TokenSession.h"

#include <fmt/format.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include <array>
#include <vector>

namespace platnik::crypto {

using banking::Errc;
using banking::fail;

namespace {

using ReqPtr = std::unique_ptr<X509_REQ, detail::Deleter<X509_REQ_free>>;
using BnPtr = std::unique_ptr<BIGNUM, detail::Deleter<BN_free>>;
using ParamBldPtr = std::unique_ptr<OSSL_PARAM_BLD, detail::Deleter<OSSL_PARAM_BLD_free>>;
using ParamsPtr = std::unique_ptr<OSSL_PARAM, detail::Deleter<OSSL_PARAM_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, detail::Deleter<EVP_PKEY_CTX_free>>;

/// A session of our own, closed on scope exit.
class RawSession {
 public:
  RawSession(CK_FUNCTION_LIST* functions, CK_SLOT_ID slot) : m_functions(functions) {
    m_rv = functions->C_OpenSession(slot, CKF_SERIAL_SESSION | CKF_RW_SESSION, nullptr, nullptr, &m_handle);
  }
  ~RawSession() {
    if (m_rv == CKR_OK) {
      m_functions->C_CloseSession(m_handle);
    }
  }
  RawSession(const RawSession&) = delete;
  RawSession& operator=(const RawSession&) = delete;
  [[nodiscard]] CK_RV rv() const { return m_rv; }
  [[nodiscard]] CK_SESSION_HANDLE handle() const { return m_handle; }

 private:
  CK_FUNCTION_LIST* m_functions;
  CK_SESSION_HANDLE m_handle = 0;
  CK_RV m_rv = CKR_OK;
};

}  // namespace

banking::Result<std::string> TokenSession::renewalRequest(const Certificate& current) {
  const std::string at = fmt::format("token \"{}\"", m_label);
  BOOST_OUTCOME_TRYV(info());
  if (!loggedIn()) {
    return fail(Errc::Token, "log in to the token before making a renewal request", at);
  }
  const auto* p = reinterpret_cast<const unsigned char*>(current.der.data());
  detail::X509Ptr x509{d2i_X509(nullptr, &p, static_cast<long>(current.der.size()))};
  if (!x509) {
    return detail::openSslError(Errc::MalformedFile, "not a certificate", current.subject);
  }
  CK_FUNCTION_LIST* f = m_state->functions;
  const CK_SLOT_ID slotId = PKCS11_get_slotid_from_slot(m_state->find(m_label));
  RawSession session(f, slotId);
  if (session.rv() != CKR_OK) {
    return detail::ckrError(session.rv(), "cannot open a session", at);
  }

  // 1. The key pair, generated on the token under a fresh CKA_ID.
  std::array<unsigned char, 8> id{};
  if (RAND_bytes(id.data(), static_cast<int>(id.size())) != 1) {
    return detail::openSslError(Errc::Token, "no random bytes for the key id");
  }
  std::string label = fmt::format("renewal {}", toIsoString(systemNow()));
  CK_BBOOL yes = CK_TRUE;
  CK_BBOOL no = CK_FALSE;
  CK_ULONG bits = 2048;
  std::array<unsigned char, 3> exponent{0x01, 0x00, 0x01};
  std::array<CK_ATTRIBUTE, 6> publicTemplate{{
      {CKA_TOKEN, &yes, sizeof yes},
      {CKA_VERIFY, &yes, sizeof yes},
      {CKA_MODULUS_BITS, &bits, sizeof bits},
      {CKA_PUBLIC_EXPONENT, exponent.data(), exponent.size()},
      {CKA_ID, id.data(), id.size()},
      {CKA_LABEL, label.data(), label.size()},
  }};
  std::array<CK_ATTRIBUTE, 7> privateTemplate{{
      {CKA_TOKEN, &yes, sizeof yes},
      {CKA_PRIVATE, &yes, sizeof yes},
      {CKA_SENSITIVE, &yes, sizeof yes},
      {CKA_EXTRACTABLE, &no, sizeof no},
      {CKA_SIGN, &yes, sizeof yes},
      {CKA_ID, id.data(), id.size()},
      {CKA_LABEL, label.data(), label.size()},
  }};
  CK_MECHANISM generate{CKM_RSA_PKCS_KEY_PAIR_GEN, nullptr, 0};
  CK_OBJECT_HANDLE publicKey = 0;
  CK_OBJECT_HANDLE privateKey = 0;
  CK_RV rv = f->C_GenerateKeyPair(session.handle(), &generate, publicTemplate.data(), publicTemplate.size(),
                                  privateTemplate.data(), privateTemplate.size(), &publicKey, &privateKey);
  if (rv != CKR_OK) {
    return detail::ckrError(rv, "the token did not generate a new key", at);
  }

  // 2. Its public half, as OpenSSL needs it for the request.
  CK_ATTRIBUTE sizes[2] = {{CKA_MODULUS, nullptr, 0}, {CKA_PUBLIC_EXPONENT, nullptr, 0}};
  rv = f->C_GetAttributeValue(session.handle(), publicKey, sizes, 2);
  if (rv != CKR_OK) {
    return detail::ckrError(rv, "cannot read the new public key", at);
  }
  std::vector<unsigned char> modulus(sizes[0].ulValueLen);
  std::vector<unsigned char> publicExponent(sizes[1].ulValueLen);
  CK_ATTRIBUTE values[2] = {{CKA_MODULUS, modulus.data(), modulus.size()},
                            {CKA_PUBLIC_EXPONENT, publicExponent.data(), publicExponent.size()}};
  rv = f->C_GetAttributeValue(session.handle(), publicKey, values, 2);
  if (rv != CKR_OK) {
    return detail::ckrError(rv, "cannot read the new public key", at);
  }
  BnPtr n{BN_bin2bn(modulus.data(), static_cast<int>(modulus.size()), nullptr)};
  BnPtr e{BN_bin2bn(publicExponent.data(), static_cast<int>(publicExponent.size()), nullptr)};
  ParamBldPtr build{OSSL_PARAM_BLD_new()};
  OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_N, n.get());
  OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_E, e.get());
  ParamsPtr params{OSSL_PARAM_BLD_to_param(build.get())};
  PkeyCtxPtr ctx{EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr)};
  EVP_PKEY* rawKey = nullptr;
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &rawKey, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    return detail::openSslError(Errc::Token, "cannot use the new public key");
  }
  detail::EvpPkeyPtr newPublic{rawKey};

  // 3. The request: the current subject, the new key, signed on the token (SHA-256 RSA).
  ReqPtr request{X509_REQ_new()};
  X509_ALGOR* algorithm = X509_ALGOR_new();
  X509_ALGOR_set0(algorithm, OBJ_nid2obj(NID_sha256WithRSAEncryption), V_ASN1_NULL, nullptr);
  if (X509_REQ_set_version(request.get(), 0) != 1 ||
      X509_REQ_set_subject_name(request.get(), X509_get_subject_name(x509.get())) != 1 ||
      X509_REQ_set_pubkey(request.get(), newPublic.get()) != 1 ||
      X509_REQ_set1_signature_algo(request.get(), algorithm) != 1) {
    X509_ALGOR_free(algorithm);
    return detail::openSslError(Errc::Token, "cannot build the request");
  }
  X509_ALGOR_free(algorithm);
  unsigned char* tbs = nullptr;
  const int tbsLength = i2d_re_X509_REQ_tbs(request.get(), &tbs);
  if (tbsLength <= 0) {
    return detail::openSslError(Errc::Token, "cannot encode the request");
  }
  std::vector<unsigned char> toSign(tbs, tbs + tbsLength);
  OPENSSL_free(tbs);
  CK_MECHANISM mechanism{CKM_SHA256_RSA_PKCS, nullptr, 0};
  rv = f->C_SignInit(session.handle(), &mechanism, privateKey);
  CK_ULONG signatureLength = 0;
  if (rv == CKR_OK) {
    rv = f->C_Sign(session.handle(), toSign.data(), toSign.size(), nullptr, &signatureLength);
  }
  std::vector<unsigned char> signature(signatureLength);
  if (rv == CKR_OK) {
    rv = f->C_Sign(session.handle(), toSign.data(), toSign.size(), signature.data(), &signatureLength);
  }
  if (rv != CKR_OK) {
    return detail::ckrError(rv, "the token did not sign the request", at);
  }
  ASN1_BIT_STRING* signatureBits = ASN1_BIT_STRING_new();
  ASN1_BIT_STRING_set(signatureBits, signature.data(), static_cast<int>(signatureLength));
  // A signature is a whole number of bytes: say so, or OpenSSL would count the last byte's
  // trailing zero bits as unused and the request would not verify.
  signatureBits->flags &= ~(ASN1_STRING_FLAG_BITS_LEFT | 0x07);
  signatureBits->flags |= ASN1_STRING_FLAG_BITS_LEFT;
  X509_REQ_set0_signature(request.get(), signatureBits);

  detail::BioPtr out{BIO_new(BIO_s_mem())};
  if (PEM_write_bio_X509_REQ(out.get(), request.get()) != 1) {
    return detail::openSslError(Errc::Token, "cannot write the request");
  }
  char* data = nullptr;
  const long size = BIO_get_mem_data(out.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace platnik::crypto
