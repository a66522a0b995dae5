#include "banking/PaymentCode.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace platnik::banking {
namespace {

// Bases of payment ("osnov plaćanja"), second and third digit of the payment code: Prilog 3
// of the NBS decision on payment-order forms, as transcribed in serbia-domain.md §4.
constexpr std::array kBases{
    PaymentCode::Basis{"20", "Promet robe i usluga – međufazna potrošnja"},
    PaymentCode::Basis{"21", "Promet robe i usluga – finalna potrošnja"},
    PaymentCode::Basis{"22", "Usluge javnih preduzeća – propisane obaveze"},
    PaymentCode::Basis{"23", "Investicije u objekte i opremu"},
    PaymentCode::Basis{"24", "Investicije – ostalo"},
    PaymentCode::Basis{"25", "Zakupnine – državna svojina; naknade koje imaju karakter javnih prihoda"},
    PaymentCode::Basis{"26", "Zakupnine na koje se plaća porez"},
    PaymentCode::Basis{"27", "Subvencije, regresi, premije – sa konsolidovanog računa trezora i fondova"},
    PaymentCode::Basis{"28", "Subvencije, regresi, premije – sa ostalih računa"},
    PaymentCode::Basis{"31", "Carine i druge uvozne dažbine"},
    PaymentCode::Basis{"40", "Zarade i druga primanja zaposlenih"},
    PaymentCode::Basis{"41", "Neoporeziva primanja zaposlenih"},
    PaymentCode::Basis{"42", "Naknade zarada na teret poslodavca"},
    PaymentCode::Basis{"44", "Isplate članovima zadruge"},
    PaymentCode::Basis{"45", "Penzije"},
    PaymentCode::Basis{"46", "Obustave od penzija i zarada"},
    PaymentCode::Basis{"47", "Naknade zarada na teret drugih isplatilaca"},
    PaymentCode::Basis{"48", "Prihodi fizičkih lica od kapitala i imovinskih prava"},
    PaymentCode::Basis{"49", "Ostali prihodi fizičkih lica"},
    PaymentCode::Basis{"53", "Uplata javnih prihoda izuzev poreza i doprinosa po odbitku"},
    PaymentCode::Basis{"54", "Uplata poreza i doprinosa po odbitku"},
    PaymentCode::Basis{"57", "Povraćaj više naplaćenih ili pogrešno naplaćenih tekućih prihoda"},
    PaymentCode::Basis{"58", "Preknjižavanje više uplaćenih ili pogrešno uplaćenih tekućih prihoda"},
    PaymentCode::Basis{"60", "Premije osiguranja, reosiguranje i naknada štete"},
    PaymentCode::Basis{"61", "Raspored tekućih prihoda"},
    PaymentCode::Basis{"62", "Transferi u okviru trezora"},
    PaymentCode::Basis{"63", "Ostali transferi"},
    PaymentCode::Basis{"64", "Prenos iz budžeta na uplatni račun radi povraćaja"},
    PaymentCode::Basis{"65", "Uplata dnevnog pazara"},
    PaymentCode::Basis{"66", "Gotovinske isplate sa računa pravnog lica i preduzetnika"},
    PaymentCode::Basis{"70", "Kratkoročni krediti (odobravanje)"},
    PaymentCode::Basis{"71", "Dugoročni krediti (odobravanje)"},
    PaymentCode::Basis{"72", "Kamata po kreditima"},
    PaymentCode::Basis{"73", "Oročeni depoziti (polaganje)"},
    PaymentCode::Basis{"75", "Hartije od vrednosti, privatizacija, međubankarski plasmani"},
    PaymentCode::Basis{"76", "Otplata kratkoročnih kredita"},
    PaymentCode::Basis{"77", "Otplata dugoročnih kredita"},
    PaymentCode::Basis{"78", "Povraćaj oročenih depozita"},
    PaymentCode::Basis{"79", "Kamata po depozitima"},
    PaymentCode::Basis{"80", "Eskont hartija od vrednosti"},
    PaymentCode::Basis{"81", "Pozajmice osnivača – fizičkog lica pravnom licu"},
    PaymentCode::Basis{"82", "Povraćaj pozajmice osnivaču"},
    PaymentCode::Basis{"83", "Naplata čekova građana"},
    PaymentCode::Basis{"84", "Platne kartice"},
    PaymentCode::Basis{"85", "Menjački poslovi"},
    PaymentCode::Basis{"86", "Kupoprodaja deviza"},
    PaymentCode::Basis{"87", "Plaćanja iz sredstava banaka po internoj regulativi"},
    PaymentCode::Basis{"88", "Donacije iz međunarodnih ugovora"},
    PaymentCode::Basis{"89", "Transakcije po nalogu građana"},
    PaymentCode::Basis{"90", "Druge transakcije"},
};

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::span<const PaymentCode::Basis> PaymentCode::bases() {
  return kBases;
}

std::optional<PaymentCode::Basis> PaymentCode::findBasis(std::string_view basis) {
  const auto* it =
      std::find_if(kBases.begin(), kBases.end(), [&](const Basis& entry) { return entry.code == basis; });
  if (it == kBases.end()) {
    return std::nullopt;
  }
  return *it;
}

Result<PaymentCode> PaymentCode::parse(std::string_view code) {
  if (code.size() != 3 || !isDigit(code[0]) || !isDigit(code[1]) || !isDigit(code[2])) {
    return fail(Errc::InvalidArgument, fmt::format("the payment code '{}' must be three digits", code));
  }
  const char form = code[0];
  if (form != '1' && form != '2' && form != '3' && form != '9') {
    return fail(Errc::InvalidArgument,
                fmt::format("the payment code {} has the form of payment {}; the form is 1 (cash), "
                            "2 (cashless), 3 (netting) or 9 (re-booking)",
                            code, form));
  }
  if (!findBasis(code.substr(1))) {
    return fail(Errc::InvalidArgument,
                fmt::format("the payment code {} has the basis {}, which is not on the NBS list", code,
                            code.substr(1)));
  }
  return PaymentCode(std::string(code));
}

std::string_view PaymentCode::description() const {
  // Built only by parse(), so the basis is always on the list.
  return findBasis(basis())->description;
}

}  // namespace platnik::banking
