#include "services/ErrorCode.h"

#include <stdexcept>

namespace platnik::services {

std::string_view errorCodeName(banking::Errc code) {
  using banking::Errc;
  switch (code) {
    case Errc::InvalidArgument:
      return "invalid_argument";
    case Errc::InvalidAccount:
      return "invalid_account";
    case Errc::WrongControlDigits:
      return "wrong_control_digits";
    case Errc::UnknownCurrency:
      return "unknown_currency";
    case Errc::CurrencyMismatch:
      return "currency_mismatch";
    case Errc::Overflow:
      return "overflow";
    case Errc::Precision:
      return "precision";
    case Errc::InvalidState:
      return "invalid_state";
    case Errc::MalformedFile:
      return "malformed_file";
    case Errc::UnsupportedFormat:
      return "unsupported_format";
    case Errc::NotFound:
      return "not_found";
    case Errc::Io:
      return "io";
    case Errc::Database:
      return "database";
    case Errc::Token:
      return "token";
    case Errc::Network:
      return "network";
    case Errc::Cancelled:
      return "cancelled";
  }
  throw std::logic_error("errorCodeName: an error code without a name");
}

}  // namespace platnik::services
