#pragma once

#include "banking/Error.h"
#include "banking/StatementSink.h"
#include "banking/formats/Format.h"

#include <istream>

namespace platnik::banking::formats::detail {

// The statement readers behind readStatements(). Each streams into the sink and fails with
// Errc::MalformedFile whose `where` names the position (line N, or an element path).

/// camt.052, camt.053, camt.054 (.001.02 to .001.08).
Result<void> readCamt(std::istream& in, StatementSink& sink, Format format);
Result<void> readAssecoXml(std::istream& in, StatementSink& sink);
Result<void> readRolXml(std::istream& in, StatementSink& sink);
/// MT940 and MT942.
Result<void> readMt940(std::istream& in, StatementSink& sink, Format format);
/// Halcom statement turnover, recap, extended '#' form and foreign-currency tag form.
Result<void> readHalcom(std::istream& in, StatementSink& sink, Format format);

}  // namespace platnik::banking::formats::detail
