#pragma once

#include "banking/Error.h"
#include "banking/StatementSink.h"

#include <istream>

namespace platnik::banking::formats::detail {

// The Halcom statement readers behind readHalcom() (each streams into the sink).

/// Statement turnover, spec 1.3: 280-character lines, one statement per run of lines with the
/// same own account.
Result<void> readHalcomTurnover(std::istream& in, StatementSink& sink);
/// Statement recap ("_cov"), spec 1.4: one statement without entries per line.
Result<void> readHalcomRecap(std::istream& in, StatementSink& sink);
/// The extended ("prošireni") '#'-separated export with its header row.
Result<void> readHalcomExtended(std::istream& in, StatementSink& sink);
/// The foreign-currency tag form (<CLIENTPROFILE>, <KONTO>, <PPTPROMET>).
Result<void> readHalcomForeign(std::istream& in, StatementSink& sink);

}  // namespace platnik::banking::formats::detail
