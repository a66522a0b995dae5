#pragma once

#include "banking/Error.h"
#include "banking/Statement.h"

#include <chrono>
#include <span>
#include <string>
#include <string_view>

namespace platnik::banking::formats {

/// The group header of a written camt.053.
struct Camt053Header {
  std::string messageId;  ///< 1 to 35 characters
  std::chrono::sys_seconds creationTime{};
};

/// Writes statements as one camt.053.001.02 message (BkToCstmrStmt), one <Stmt> per
/// statement and one <Ntry> with one <TxDtls> per entry, in the layout the camt reader reads
/// back to the same entries (docs/formats.md, "camt.053 export"). Every statement needs a
/// date and an opening or closing balance (camt.053 requires a balance). The document is
/// validated against the shipped XSD before it is returned; a failure there is
/// Errc::InvalidArgument with the schema's messages.
Result<std::string> writeCamt053(std::span<const Statement> statements, const Camt053Header& header);

/// The camt.053.001.02 XSD Platnik ships (compiled in).
std::string_view camt053Schema();

}  // namespace platnik::banking::formats
