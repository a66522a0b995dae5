#pragma once

#include "banking/Error.h"

#include <optional>
#include <string_view>

namespace platnik::banking::formats {

/// Every file format Platnik reads or writes.
enum class Format {
  Camt052,          ///< ISO 20022 intraday account report
  Camt053,          ///< ISO 20022 statement
  Camt054,          ///< ISO 20022 debit/credit notification
  Pain001,          ///< ISO 20022 credit transfer initiation (orders)
  Pain002,          ///< ISO 20022 payment status report
  Mt940,            ///< SWIFT customer statement
  Mt942,            ///< SWIFT interim transaction report
  HalcomStatement,  ///< Hal E-Bank statement turnover, 280-character lines (spec 1.3)
  HalcomRecap,      ///< Hal E-Bank statement recap, the "_cov" file (spec 1.4)
  HalcomExtended,   ///< Hal E-Bank extended export, '#'-separated with a header row
  HalcomForeign,    ///< Hal E-Bank foreign-currency statement, tag form (<CLIENTPROFILE>)
  HalcomOrders,     ///< Hal E-Bank payment orders (spec 1.1 export, 1.2 import)
  AssecoXml,        ///< Asseco OfficeBanking XML: stmtrs, pmtnotification
  RolXml,           ///< Raiffeisen OnLine XML statement (dinar and foreign currency)
  Csv,              ///< Platnik's CSV export of entries
};

/// Stable names used on the command line and in JSON: "camt.053", "mt940", "halcom-txt", …
std::string_view formatName(Format format);
std::optional<Format> formatFromName(std::string_view name);

/// Tells the format from the first bytes of a file (at least the first 4 KiB when the file
/// is that long), never from its name.
Result<Format> detectFormat(std::string_view head);

}  // namespace platnik::banking::formats
