#pragma once

#include <boost/outcome/result.hpp>
#include <boost/outcome/try.hpp>

#include <string>
#include <utility>

namespace platnik::banking {

/// What went wrong, as a code the application can act on and translate.
enum class Errc {
  InvalidArgument,     ///< a value has the wrong shape (letters in a number, empty, too long)
  InvalidAccount,      ///< a domestic account number or IBAN is malformed
  WrongControlDigits,  ///< control digits of an account or a model-97 reference do not match
  UnknownCurrency,     ///< not an ISO 4217 currency code
  CurrencyMismatch,    ///< arithmetic or comparison across currencies
  Overflow,            ///< an amount does not fit (int64 minor units, or a field's width)
  Precision,           ///< more decimals than the currency has; bank data is never rounded
  InvalidState,        ///< an order cannot make that move in its lifecycle
  MalformedFile,       ///< a file does not follow its format
  UnsupportedFormat,   ///< the content is not a format Platnik reads
  NotFound,
  Io,
  Database,
  Token,
  Network,
  Cancelled,
};

/// An expected failure: a code, a message a person can act on (English; the application
/// maps codes to translated text), and where it happened (a field, a QR tag, a file position).
struct Error {
  Errc code = Errc::InvalidArgument;
  std::string message;
  std::string where;

  Error() = default;
  Error(Errc c, std::string msg, std::string at = {})
      : code(c), message(std::move(msg)), where(std::move(at)) {}

  /// "where: message", or the message alone.
  [[nodiscard]] std::string describe() const { return where.empty() ? message : where + ": " + message; }
};

/// The result of an operation that can fail in an expected way.
/// Propagate failures with Boost 1.74's macros: `BOOST_OUTCOME_TRY(name, expr)` declares
/// `auto&& name` holding the value, `BOOST_OUTCOME_TRYV(expr)` for Result<void>. Both declare
/// a variable, so inside a switch put them in braces.
/// Reading the value of a failed result throws (a broken invariant, not a user error).
template <class T>
using Result =
    boost::outcome_v2::result<T, Error, boost::outcome_v2::policy::throw_bad_result_access<Error, void>>;

inline auto fail(Errc code, std::string message, std::string where = {}) {
  return boost::outcome_v2::failure(Error{code, std::move(message), std::move(where)});
}

}  // namespace platnik::banking
