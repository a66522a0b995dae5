#include "services/TokenWork.h"

#include "crypto/TokenRecords.h"
#include "services/OrderSigning.h"
#include "services/TokenAccess.h"

#include <fmt/format.h>

#include <fstream>
#include <utility>

namespace platnik::services {

using banking::Errc;
using banking::fail;
using banking::Result;

Result<TokenOverview> tokenOverview(const std::string& modulePath, const std::string& label,
                                    const std::filesystem::path& recordsDir, crypto::TimePoint now) {
  BOOST_OUTCOME_TRY(opened, openToken(modulePath, label));
  BOOST_OUTCOME_TRY(info, opened.session.info());
  BOOST_OUTCOME_TRY(certificates, opened.session.certificates());
  BOOST_OUTCOME_TRY(records, crypto::TokenRecords::load(recordsDir));
  TokenOverview overview;
  overview.token = std::move(info);
  const bool renewed = records.renewedOnline(overview.token.serial);
  for (auto& certificate : certificates) {
    CertificateOverview item;
    item.status = crypto::assess(certificate, now);
    item.renewal = crypto::adviseRenewal(item.status, renewed);
    item.fromOnlineRenewal = records.cameFromRenewal(certificate.sha256);
    item.certificate = std::move(certificate);
    overview.certificates.push_back(std::move(item));
  }
  return overview;
}

Result<void> changeTokenPin(const std::string& modulePath, const std::string& label, crypto::Interaction& ui,
                            const std::filesystem::path& recordsDir) {
  BOOST_OUTCOME_TRY(records, crypto::TokenRecords::load(recordsDir));
  BOOST_OUTCOME_TRY(opened, openToken(modulePath, label));
  BOOST_OUTCOME_TRY(info, opened.session.info());
  const auto purpose =
      info.userPin.toBeChanged ? crypto::PinPurpose::Activation : crypto::PinPurpose::ChangePin;
  BOOST_OUTCOME_TRYV(opened.session.changePin(ui, purpose));
  return records.markActivated(info.serial);
}

Result<void> unblockWithPuk(crypto::TokenSession& token, crypto::Interaction& ui) {
  bool qualified = false;
  if (auto certificates = token.certificates()) {
    for (const crypto::Certificate& c : certificates.value()) {
      qualified = qualified || c.qualified();
    }
  }
  return token.unblockPin(ui, qualified);
}

Result<void> unblockTokenPin(const std::string& modulePath, const std::string& label,
                             crypto::Interaction& ui) {
  BOOST_OUTCOME_TRY(opened, openToken(modulePath, label));
  return unblockWithPuk(opened.session, ui);
}

Result<void> writeRenewalRequest(const std::string& modulePath, const std::string& label,
                                 const std::string& certificateSha256, crypto::Interaction& ui,
                                 const std::filesystem::path& out) {
  BOOST_OUTCOME_TRY(opened, openToken(modulePath, label));
  BOOST_OUTCOME_TRY(certificates, opened.session.certificates());
  const crypto::Certificate* current = nullptr;
  for (const auto& certificate : certificates) {
    if (certificate.sha256 == certificateSha256) {
      current = &certificate;
    }
  }
  if (current == nullptr) {
    return fail(Errc::NotFound, "the certificate is no longer on the token", opened.session.label());
  }
  BOOST_OUTCOME_TRYV(opened.session.login(ui));
  BOOST_OUTCOME_TRY(request, opened.session.renewalRequest(*current));
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  file << request;
  if (!file.flush()) {
    return fail(Errc::Io, "cannot write the renewal request", out.string());
  }
  return boost::outcome_v2::success();
}

Result<crypto::Certificate> importIssuedCertificate(const std::string& modulePath, const std::string& label,
                                                    const std::filesystem::path& file,
                                                    crypto::Interaction& ui,
                                                    const std::filesystem::path& recordsDir) {
  BOOST_OUTCOME_TRY(certificate, crypto::Certificate::fromFile(file.string()));
  BOOST_OUTCOME_TRY(records, crypto::TokenRecords::load(recordsDir));
  BOOST_OUTCOME_TRY(opened, openToken(modulePath, label));
  BOOST_OUTCOME_TRYV(opened.session.login(ui));
  BOOST_OUTCOME_TRYV(opened.session.importCertificate(certificate, &records));
  return std::move(certificate);
}

Result<crypto::Certificate> signDocument(const std::string& modulePath, const std::string& label,
                                         crypto::Interaction& ui, const std::filesystem::path& file,
                                         const std::filesystem::path& signature, crypto::TimePoint now) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) {
    return fail(Errc::NotFound, "no such file", file.string());
  }
  BOOST_OUTCOME_TRY(opened, openToken(modulePath, label));
  BOOST_OUTCOME_TRY(certificate, documentSigningCertificate(opened.session, now));
  BOOST_OUTCOME_TRYV(opened.session.login(ui));
  BOOST_OUTCOME_TRY(key, opened.session.signingKey(certificate));
  crypto::SignOptions options;
  options.signingTime = now;
  BOOST_OUTCOME_TRYV(crypto::signFile(key, file, signature, options));
  return std::move(certificate);
}

std::filesystem::path signedFileFor(const std::filesystem::path& signature) {
  if (signature.extension() != ".p7s") {
    return {};
  }
  return signature.parent_path() / signature.stem();
}

Result<crypto::SignatureReport> verifyDocument(storage::Database& database,
                                               const std::filesystem::path& signature,
                                               const std::filesystem::path& file, crypto::TimePoint now) {
  BOOST_OUTCOME_TRY(trust, loadTrust({}, &database));
  return crypto::verifyFile(signature, file, trust, now);
}

}  // namespace platnik::services
