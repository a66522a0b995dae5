#include "banking/Banks.h"

#include <algorithm>
#include <array>

namespace platnik::banking {
namespace {

// Bank codes (first three digits of an account). Current codes: NBS bank list as carried by
// public IPS QR generators, cross-checked against real statements (serbia-domain.md §1.4).
// Historical codes survive in old statements and address books; codes are kept through
// renames and mergers. Codes 260 and 335 also appear in old files but no source names their
// bank, so they are left out (an unknown code is a warning, never a rejection).
constexpr std::array kBanks{
    Bank{"105", "AIK banka", true},
    Bank{"115", "Yettel banka", true},
    Bank{"145", "Adriatic banka", true},
    Bank{"155", "Halkbank", true},
    Bank{"160", "Banca Intesa", true},
    Bank{"165", "Addiko banka", true},
    Bank{"170", "UniCredit banka", true},
    Bank{"190", "Alta banka", true},
    Bank{"200", "Banka Poštanska štedionica", true},
    Bank{"205", "NLB Komercijalna banka", true},
    Bank{"220", "ProCredit banka", true},
    Bank{"265", "Raiffeisen banka", true},
    Bank{"295", "Srpska banka", true},
    Bank{"325", "OTP banka Srbija", true},
    Bank{"340", "Erste banka", true},
    Bank{"370", "3 Banka", true},
    Bank{"375", "API banka", true},
    Bank{"380", "Mirabank", true},
    Bank{"385", "Bank of China Srbija", true},
    Bank{"840", "Uprava za trezor", true},
    Bank{"908", "Narodna banka Srbije", true},
    Bank{"150", "Direktna banka", false},
    Bank{"210", "Continental banka", false},
    Bank{"225", "Nacionalna štedionica", false},
    Bank{"250", "Eurobank Direktna", false},
    Bank{"275", "Société Générale banka Srbija", false},
    Bank{"310", "NLB banka", false},
    Bank{"330", "Credit Agricole banka Srbija", false},
    Bank{"355", "Vojvođanska banka", false},
    Bank{"360", "MTS banka", false},
};

}  // namespace

std::optional<Bank> findBank(std::string_view code) {
  const auto* it =
      std::find_if(kBanks.begin(), kBanks.end(), [&](const Bank& bank) { return bank.code == code; });
  if (it == kBanks.end()) {
    return std::nullopt;
  }
  return *it;
}

std::span<const Bank> allBanks() {
  return kBanks;
}

}  // namespace platnik::banking
