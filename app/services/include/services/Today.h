#pragma once

#include "banking/Date.h"

namespace platnik::services {

/// Today's date on this computer's local calendar (the bookkeeper's working day).
banking::Date today();

}  // namespace platnik::services
