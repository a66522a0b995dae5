#pragma once

#include "banking/Error.h"

#include <string_view>

namespace platnik::services {

/// The stable snake_case name of an error code, as JSON output carries it
/// ("wrong_control_digits", "invalid_argument", …). Scripts may rely on these names.
std::string_view errorCodeName(banking::Errc code);

}  // namespace platnik::services
