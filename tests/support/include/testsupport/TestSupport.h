#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace platnik::testsupport {

/// The project's source folder (set by CTest; falls back to the build's configured path).
std::filesystem::path sourceDir();
/// ../shared next to the checkout, if this machine has it (a public clone does not).
std::optional<std::filesystem::path> sharedDir();
/// Reads a whole file as bytes.
std::string readFile(const std::filesystem::path& path);

/// A fresh folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
  [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

 private:
  std::filesystem::path m_path;
};

}  // namespace platnik::testsupport
