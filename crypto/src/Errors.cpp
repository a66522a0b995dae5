#include "Errors.h"

#include <fmt/format.h>
#include <libp11.h>
#include <openssl/err.h>

#include <p11-kit/pkcs11.h>
#include <string>

namespace platnik::crypto::detail {
namespace {

std::string_view ckrMeaning(unsigned long rv) {
  switch (rv) {
    case CKR_PIN_INCORRECT:
      return "wrong PIN";
    case CKR_PIN_LOCKED:
      return "the PIN is locked";
    case CKR_PIN_INVALID:
      return "the PIN has characters the token does not accept";
    case CKR_PIN_LEN_RANGE:
      return "the PIN is too short or too long for this token";
    case CKR_PIN_EXPIRED:
      return "the PIN has expired and must be changed";
    case CKR_TOKEN_NOT_PRESENT:
      return "the token is not in the reader";
    case CKR_DEVICE_REMOVED:
      return "the token was removed";
    case CKR_DEVICE_ERROR:
      return "the token or reader reported a device error";
    case CKR_FUNCTION_CANCELED:
      return "cancelled on the reader";
    case CKR_USER_NOT_LOGGED_IN:
      return "not logged in to the token";
    case CKR_USER_PIN_NOT_INITIALIZED:
      return "the token has no user PIN set";
    case CKR_SESSION_READ_ONLY_EXISTS:
      return "another program holds a read-only session on the token";
    case CKR_TOKEN_WRITE_PROTECTED:
      return "the token is write-protected";
    case CKR_SESSION_HANDLE_INVALID:
    case CKR_SESSION_CLOSED:
      return "the session with the token was closed (was it removed?)";
    case CKR_KEY_HANDLE_INVALID:
      return "the key is no longer available on the token";
    default:
      return {};
  }
}

}  // namespace

banking::Error tokenError(std::string_view what, std::string_view token, unsigned long* ckr) {
  // libp11 pushes one entry per failing layer; the newest CKR entry is the module's answer.
  const int ckrLib = ERR_get_CKR_code();
  unsigned long rv = 0;
  unsigned long last = 0;
  for (unsigned long e = ERR_get_error(); e != 0; e = ERR_get_error()) {
    last = e;
    if (ERR_GET_LIB(e) == ckrLib) {
      rv = ERR_GET_REASON(e);
    }
  }
  if (ckr != nullptr) {
    *ckr = rv;
  }
  const std::string at = token.empty() ? std::string{} : fmt::format("token \"{}\"", token);
  if (rv != 0) {
    return ckrError(rv, what, at);
  }
  std::string detail;
  {
    if (last != 0) {
      char buffer[256];
      ERR_error_string_n(last, buffer, sizeof buffer);
      detail = buffer;
    } else {
      detail = "the PKCS#11 module gave no reason";
    }
  }
  return banking::Error{banking::Errc::Token, fmt::format("{}: {}", what, detail), at};
}

banking::Error ckrError(unsigned long rv, std::string_view what, std::string where) {
  const std::string_view meaning = ckrMeaning(rv);
  const std::string detail = meaning.empty() ? fmt::format("PKCS#11 error 0x{:08X}", rv)
                                             : fmt::format("{} (CKR 0x{:08X})", meaning, rv);
  return banking::Error{banking::Errc::Token, fmt::format("{}: {}", what, detail), std::move(where)};
}

banking::Error openSslError(banking::Errc code, std::string_view what, std::string_view where) {
  std::string detail;
  unsigned long e = 0;
  while ((e = ERR_get_error()) != 0) {
    char buffer[256];
    ERR_error_string_n(e, buffer, sizeof buffer);
    if (!detail.empty()) {
      detail += "; ";
    }
    detail += buffer;
  }
  return banking::Error{code, detail.empty() ? std::string{what} : fmt::format("{}: {}", what, detail),
                        std::string{where}};
}

}  // namespace platnik::crypto::detail
