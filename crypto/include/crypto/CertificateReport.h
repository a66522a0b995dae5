#pragma once

#include "crypto/Certificate.h"
#include "crypto/TokenInfo.h"

#include <string>
#include <vector>

namespace platnik::crypto {

class TokenRecords;

/// The JSON `platnik-cli cert show --json` prints: a list with one object per certificate:
/// `subject`, `common_name`, `organization`, `organization_identifier`, `holder_type`
/// ("legal_entity" | "natural_person"), `qualified`, `qc_sscd`, `qc_types`, `non_repudiation`,
/// `issuer`, `serial`, `sha256`, `not_before`, `not_after` (ISO 8601 UTC), `days_left`,
/// `expiring_soon`, `can_sign_orders`, `cannot_sign_orders` (reason or null), `renewal`
/// ("not_yet" | "renew_online" | "reissue"), `from_online_renewal`, and the token's
/// `token_label`, `token_serial`, `pin_state`, `puk_state`, `pin_tries_left` (number or null).
/// Without `records`, the token counts as never renewed online.
std::string certificatesJson(const std::vector<Certificate>& certificates, const TokenInfo& token,
                             TimePoint now, const TokenRecords* records = nullptr);

}  // namespace platnik::crypto
