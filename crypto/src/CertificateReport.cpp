#include "crypto/CertificateReport.h"

#include "crypto/TokenRecords.h"

#include <nlohmann/json.hpp>

namespace platnik::crypto {

std::string certificatesJson(const std::vector<Certificate>& certificates, const TokenInfo& token,
                             TimePoint now, const TokenRecords* records) {
  const bool renewed = records != nullptr && records->renewedOnline(token.serial);
  nlohmann::json list = nlohmann::json::array();
  for (const Certificate& c : certificates) {
    const CertificateStatus status = assess(c, now);
    nlohmann::json item = {
        {"subject", c.subject},
        {"common_name", c.commonName},
        {"organization", c.organization},
        {"organization_identifier", c.organizationIdentifier},
        {"holder_type", toString(c.holder)},
        {"qualified", c.qualified()},
        {"qc_sscd", c.qcSscd},
        {"qc_types", c.qcTypes},
        {"non_repudiation", c.nonRepudiation},
        {"issuer", c.issuer},
        {"serial", c.serialHex},
        {"sha256", c.sha256},
        {"not_before", toIsoString(c.notBefore)},
        {"not_after", toIsoString(c.notAfter)},
        {"days_left", status.daysLeft},
        {"expiring_soon", status.expiringSoon},
        {"can_sign_orders", status.canSignOrders},
        {"cannot_sign_orders",
         status.canSignOrders ? nlohmann::json(nullptr) : nlohmann::json(status.cannotSignOrders)},
        {"renewal", toString(adviseRenewal(status, renewed))},
        {"from_online_renewal", records != nullptr && records->cameFromRenewal(c.sha256)},
        {"token_label", token.label},
        {"token_serial", token.serial},
        {"pin_state", token.userPin.name()},
        {"puk_state", token.soPin.name()},
        {"pin_tries_left",
         token.userPin.triesLeft() ? nlohmann::json(*token.userPin.triesLeft()) : nlohmann::json(nullptr)},
    };
    list.push_back(std::move(item));
  }
  return list.dump(2);
}

}  // namespace platnik::crypto
