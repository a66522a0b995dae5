#pragma once

#include "banking/Error.h"

#include <filesystem>
#include <string>

namespace platnik::services {

/// A whole file's bytes, or an Io error naming the file and the reason the system gave.
banking::Result<std::string> readTextFile(const std::filesystem::path& path);

}  // namespace platnik::services
