#pragma once

#include "banking/Error.h"
#include "banking/StatementSink.h"
#include "banking/formats/Format.h"

#include <istream>
#include <optional>

namespace platnik::banking::formats {

/// Reads every statement in a file of any statement format (camt.052/053/054, MT940/942,
/// Halcom TXT in its forms, Asseco XML, ROL XML) into the sink, streaming. The format is
/// detected from the content unless given. Returns the format read.
/// A malformed file fails with Errc::MalformedFile naming the format, the position (line or
/// element path) and the reason; what the sink already received must then be discarded
/// (the storage layer imports inside one transaction).
Result<Format> readStatements(std::istream& in, StatementSink& sink, std::optional<Format> format = {});

}  // namespace platnik::banking::formats
