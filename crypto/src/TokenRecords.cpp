#include "crypto/TokenRecords.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <system_error>

namespace platnik::crypto {

using banking::Errc;
using banking::fail;

banking::Result<TokenRecords> TokenRecords::load(const std::filesystem::path& dir) {
  TokenRecords records{dir / "tokens.json"};
  std::ifstream in(records.m_file, std::ios::binary);
  if (!in) {
    return records;  // nothing remembered yet
  }
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return fail(Errc::MalformedFile, "not a token record (JSON object expected)", records.m_file.string());
  }
  const auto readSet = [&](const char* key, std::set<std::string>& out) -> bool {
    if (!json.contains(key)) {
      return true;
    }
    if (!json[key].is_array()) {
      return false;
    }
    for (const auto& item : json[key]) {
      if (!item.is_string()) {
        return false;
      }
      out.insert(item.get<std::string>());
    }
    return true;
  };
  if (!readSet("activated_tokens", records.m_activated) ||
      !readSet("renewed_tokens", records.m_renewedTokens) ||
      !readSet("renewed_certificates", records.m_renewedCertificates)) {
    return fail(Errc::MalformedFile, "a list of strings was expected", records.m_file.string());
  }
  return records;
}

bool TokenRecords::isActivated(const std::string& tokenSerial) const {
  return m_activated.contains(tokenSerial);
}

bool TokenRecords::renewedOnline(const std::string& tokenSerial) const {
  return m_renewedTokens.contains(tokenSerial);
}

bool TokenRecords::cameFromRenewal(const std::string& certificateSha256) const {
  return m_renewedCertificates.contains(certificateSha256);
}

banking::Result<void> TokenRecords::markActivated(const std::string& tokenSerial) {
  m_activated.insert(tokenSerial);
  return save();
}

banking::Result<void> TokenRecords::markRenewed(const std::string& tokenSerial,
                                                const std::string& certificateSha256) {
  m_renewedTokens.insert(tokenSerial);
  m_renewedCertificates.insert(certificateSha256);
  return save();
}

banking::Result<void> TokenRecords::save() const {
  const nlohmann::json json = {{"version", 1},
                               {"activated_tokens", m_activated},
                               {"renewed_tokens", m_renewedTokens},
                               {"renewed_certificates", m_renewedCertificates}};
  std::error_code ec;
  std::filesystem::create_directories(m_file.parent_path(), ec);
  const std::filesystem::path temporary = m_file.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << json.dump(2) << '\n';
    out.flush();
    if (!out) {
      return fail(Errc::Io, "cannot write the token record", temporary.string());
    }
  }
  std::filesystem::rename(temporary, m_file, ec);
  if (ec) {
    return fail(Errc::Io, fmt::format("cannot replace the token record: {}", ec.message()), m_file.string());
  }
  return boost::outcome_v2::success();
}

}  // namespace platnik::crypto
