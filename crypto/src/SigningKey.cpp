#include "crypto/SigningKey.h"

#include "Errors.h"
#include "SigningKeyImpl.h"

#include <openssl/rsa.h>

namespace platnik::crypto {

using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, detail::Deleter<EVP_MD_CTX_free>>;

SigningKey::Impl::~Impl() {
  // The key must go before the slots it refers to may be re-read.
  key.reset();
  if (module) {
    --module->keysInUse;
  }
}

SigningKey::SigningKey(std::shared_ptr<Impl> impl) : m_impl(std::move(impl)) {}

const Certificate& SigningKey::certificate() const {
  return m_impl->certificate;
}

banking::Result<std::string> SigningKey::sign(std::string_view data, Padding padding) const {
  MdCtxPtr md{EVP_MD_CTX_new()};
  EVP_PKEY_CTX* pctx = nullptr;
  if (!md || EVP_DigestSignInit(md.get(), &pctx, EVP_sha256(), nullptr, m_impl->key.get()) != 1) {
    return detail::openSslError(banking::Errc::Token, "cannot start signing");
  }
  if (padding == Padding::Pss && (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
                                  EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, 32) <= 0)) {
    return detail::openSslError(banking::Errc::Token, "the key does not support RSA-PSS");
  }
  std::size_t size = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
  if (EVP_DigestSign(md.get(), nullptr, &size, bytes, data.size()) != 1) {
    return detail::tokenError("the token did not sign", m_impl->certificate.commonName);
  }
  std::string signature(size, '\0');
  if (EVP_DigestSign(md.get(), reinterpret_cast<unsigned char*>(signature.data()), &size, bytes,
                     data.size()) != 1) {
    return detail::tokenError("the token did not sign", m_impl->certificate.commonName);
  }
  signature.resize(size);
  return signature;
}

}  // namespace platnik::crypto
