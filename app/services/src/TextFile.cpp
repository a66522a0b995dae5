#include "services/TextFile.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

namespace platnik::services {

banking::Result<std::string> readTextFile(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return banking::fail(banking::Errc::Io, "is a folder, not a file", path.string());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return banking::fail(banking::Errc::Io, fmt::format("cannot open: {}", std::strerror(errno)),
                         path.string());
  }
  std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) {
    return banking::fail(banking::Errc::Io, "cannot read to the end", path.string());
  }
  return content;
}

}  // namespace platnik::services
