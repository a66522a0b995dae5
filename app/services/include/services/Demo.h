#pragma once

#include "banking/Date.h"
#include "banking/Error.h"
#include "crypto/Certificate.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

namespace platnik::services {

/// The demo token's PINs: documented (docs/demo.md), for the demo only.
inline constexpr const char* kDemoPin = "123456";
inline constexpr const char* kDemoPuk = "12345678";
inline constexpr const char* kDemoTokenLabel = "Platnik Demo";

/// Where a demo folder keeps its parts.
struct DemoPaths {
  std::filesystem::path folder;
  std::filesystem::path database;        ///< demo.platnik
  std::filesystem::path tokenConfig;     ///< softhsm2.conf of the demo token (token store: tokens/)
  std::filesystem::path caCertificate;   ///< demo-ca.pem: the demo CA, the database's trusted CA
  std::filesystem::path caKey;           ///< demo-ca.key (the demo CA's key, demo only)
  std::filesystem::path statementFiles;  ///< statements/: the bank files the demo imported
};
DemoPaths demoPaths(const std::filesystem::path& folder);

/// $XDG_DATA_HOME/platnik/demo (~/.local/share/platnik/demo when XDG_DATA_HOME is unset).
std::filesystem::path defaultDemoFolder();

/// Points this process at the demo token of `folder` (SOFTHSM2_CONF) and returns the SoftHSM2
/// module to load. Call before SoftHSM is loaded. Errc::Token when SoftHSM2 is not installed.
banking::Result<std::string> useDemoToken(const std::filesystem::path& folder);

/// What createDemo made.
struct DemoReport {
  DemoPaths paths;
  std::string module;  ///< the SoftHSM2 module of the demo token
  int banks = 0;
  int accounts = 0;
  int contacts = 0;
  int statements = 0;
  std::int64_t entries = 0;
  int orders = 0;
  std::chrono::milliseconds took{0};

  /// Where things are, the token and its PIN, and the counts.
  [[nodiscard]] std::string describe() const;
};

/// Makes a demo in `folder` (which must be missing or empty): the demo token (SoftHSM2, its
/// key made on the token, a qualified legal-entity certificate from the "Platnik Demo CA"),
/// and demo.platnik with "Demo Preduzeće d.o.o.", three banks, five accounts, an address
/// book, a year of statements ending `today` (written as the banks' files, Halcom TXT and
/// camt.053, and imported like a user's files), and orders in every stage, some signed on
/// the demo token. A folder holding something already is refused (Errc::InvalidState); a
/// failure part-way removes what was made.
banking::Result<DemoReport> createDemo(const std::filesystem::path& folder, banking::Date today,
                                       crypto::TimePoint now);

/// True when `folder` holds a complete demo (its database and token).
bool demoExists(const std::filesystem::path& folder);

}  // namespace platnik::services
