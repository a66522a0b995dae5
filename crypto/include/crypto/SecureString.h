#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace platnik::crypto {

/// A secret (PIN, PUK) in a buffer that is wiped (OPENSSL_cleanse) when it is destroyed,
/// assigned or cleared. It has no stream operator and no conversion to std::string, so it
/// cannot end up in a log by accident.
class SecureString {
 public:
  SecureString() = default;
  explicit SecureString(std::string_view text);
  ~SecureString();
  SecureString(const SecureString& other);
  SecureString(SecureString&& other) noexcept;
  SecureString& operator=(SecureString other) noexcept;

  /// Appends one character (for faces that read a PIN key by key).
  void push(char c);
  /// Wipes and empties the buffer.
  void clear() noexcept;

  [[nodiscard]] bool empty() const { return m_text.empty(); }
  [[nodiscard]] std::size_t size() const { return m_text.size(); }
  /// NUL-terminated, for the PKCS#11 call that needs it; never copy it elsewhere.
  [[nodiscard]] const char* c_str() const { return m_text.c_str(); }
  [[nodiscard]] std::string_view view() const { return m_text; }

  friend void swap(SecureString& a, SecureString& b) noexcept { a.m_text.swap(b.m_text); }

 private:
  std::string m_text;
};

}  // namespace platnik::crypto
