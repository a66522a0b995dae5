#include "testsupport/TestSupport.h"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace platnik::testsupport {

std::filesystem::path sourceDir() {
  if (const char* dir = std::getenv("PLATNIK_SOURCE_DIR")) {
    return dir;
  }
  return std::filesystem::current_path();
}

std::optional<std::filesystem::path> sharedDir() {
  const char* dir = std::getenv("PLATNIK_SHARED_DIR");
  std::filesystem::path path = dir ? std::filesystem::path(dir) : sourceDir() / ".." / "shared";
  if (std::filesystem::is_directory(path / "samples")) {
    return std::filesystem::weakly_canonical(path);
  }
  return std::nullopt;
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot open " + path.string());
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TempDir::TempDir() {
  std::random_device random;
  const auto base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = base / ("platnik-test-" + std::to_string(random()));
    if (std::filesystem::create_directory(candidate)) {
      m_path = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary folder");
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

}  // namespace platnik::testsupport
