#pragma once

#include "banking/Error.h"

#include <filesystem>
#include <string>

namespace platnik::services {

/// The text of the QR code in a picture of an invoice (PNG or JPEG, told from the content),
/// decoded with zbar: e.g. an NBS IPS QR string to fill an order from (banking::parseIpsQr).
/// Fails with Io when the file cannot be read, UnsupportedFormat when it is neither PNG nor
/// JPEG, MalformedFile when the picture is damaged, and NotFound when it holds no QR code.
banking::Result<std::string> decodeQrImage(const std::filesystem::path& path);

}  // namespace platnik::services
