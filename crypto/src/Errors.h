#pragma once

#include "banking/Error.h"

#include <string_view>

namespace platnik::crypto::detail {

/// The one place where PKCS#11 return values (as libp11 leaves them on the OpenSSL error
/// queue) become banking::Error (Errc::Token). Clears the queue. `token` names the token;
/// `ckr`, when given, receives the module's CK_RV (0 when libp11 failed on its own).
banking::Error tokenError(std::string_view what, std::string_view token, unsigned long* ckr = nullptr);
/// The same for a CK_RV from a direct call to the module's function table.
banking::Error ckrError(unsigned long rv, std::string_view what, std::string where);
/// The one place where the OpenSSL error queue becomes banking::Error. Clears the queue.
banking::Error openSslError(banking::Errc code, std::string_view what, std::string_view where = {});

}  // namespace platnik::crypto::detail
