#pragma once

#include "banking/Error.h"
#include "banking/formats/Format.h"

#include <string_view>

namespace platnik::banking::formats::detail {

/// The XML family (ISO 20022, Asseco, ROL): `head` starts at the first '<'.
Result<Format> detectXmlFormat(std::string_view head);
/// The text family (SWIFT MT, Halcom TXT and its tag form, CSV).
Result<Format> detectTextFormat(std::string_view head);

}  // namespace platnik::banking::formats::detail
