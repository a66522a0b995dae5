#pragma once

#include <nlohmann/json.hpp>

namespace platnik::services {

/// JSON as the services read and write it: objects keep the order of their keys, so the
/// output reads in the order the fields are documented and problems come in document order.
using Json = nlohmann::ordered_json;

}  // namespace platnik::services
