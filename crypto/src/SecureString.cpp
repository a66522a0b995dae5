#include "crypto/SecureString.h"

#include <openssl/crypto.h>

namespace platnik::crypto {

SecureString::SecureString(std::string_view text) : m_text(text) {}

SecureString::~SecureString() {
  clear();
}

SecureString::SecureString(const SecureString& other) : m_text(other.m_text) {}

SecureString::SecureString(SecureString&& other) noexcept {
  m_text.swap(other.m_text);
}

SecureString& SecureString::operator=(SecureString other) noexcept {
  swap(*this, other);
  return *this;
}

void SecureString::push(char c) {
  if (m_text.size() == m_text.capacity()) {
    // Grow by hand so the old buffer is wiped, not left behind by a reallocation.
    std::string bigger;
    bigger.reserve(m_text.capacity() * 2 + 16);
    bigger = m_text;
    clear();
    m_text.swap(bigger);
  }
  m_text.push_back(c);
}

void SecureString::clear() noexcept {
  if (!m_text.empty()) {
    OPENSSL_cleanse(m_text.data(), m_text.size());
  }
  m_text.clear();
}

}  // namespace platnik::crypto
