#include "TestPki.h"

#include "crypto/LocalAuthority.h"
#include "crypto/SoftHsm.h"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace platnik::cryptotest {
namespace {

using crypto::CertificateTerms;
using crypto::LocalAuthority;

template <class T>
T need(banking::Result<T> result) {
  if (!result) {
    throw std::runtime_error("test PKI: " + result.error().describe());
  }
  return std::move(result).value();
}

void need(banking::Result<void> result) {
  if (!result) {
    throw std::runtime_error("test PKI: " + result.error().describe());
  }
}

std::vector<std::pair<std::string, std::string>> caName(const std::string& commonName) {
  return {{"C", "RS"}, {"O", "Test Sertifikaciono Telo a.d."}, {"CN", commonName}};
}

void appendPem(const std::filesystem::path& file, const LocalAuthority& ca) {
  std::ofstream out(file, std::ios::app);
  out << ca.certificatePem();
}

void writeFile(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary);
  out << bytes;
  if (!out) {
    throw std::runtime_error("test PKI: cannot write " + file.string());
  }
}

}  // namespace

struct TestPki::Authorities {
  LocalAuthority legal;
};

TestPki::TestPki(const std::map<std::string, Profile>& tokens,
                 const std::set<std::string>& certificateNotOnToken) {
  need(crypto::useSoftHsmFolder(m_dir.path()));

  const LocalAuthority root = LocalAuthority::createRoot(caName("Test Root CA"));
  m_authorities =
      std::make_unique<Authorities>(Authorities{root.createSubordinate(caName("Test CA PL e-signature"))});
  const LocalAuthority& legalCa = m_authorities->legal;
  const LocalAuthority personCa = root.createSubordinate(caName("Test CA FL e-signature"));
  const LocalAuthority rogueRoot = LocalAuthority::createRoot(caName("Rogue Root CA"));
  const LocalAuthority rogueCa = rogueRoot.createSubordinate(caName("Rogue CA PL"));
  for (const LocalAuthority* ca : {&root, &legalCa, &personCa}) {
    appendPem(trustedCas(), *ca);
  }
  appendPem(m_dir / "rogue.pem", rogueRoot);
  appendPem(m_dir / "rogue.pem", rogueCa);

  for (const auto& [label, profile] : tokens) {
    const std::string publicKey = need(crypto::createSoftHsmToken(label, kPin, kPuk));

    const std::vector<std::pair<std::string, std::string>> company{
        {"C", "RS"},     {"O", "Primer d.o.o."}, {"organizationIdentifier", "VATRS-100000001"},
        {"GN", "Petar"}, {"SN", "Petrović"},     {"CN", "Petar Petrović " + label}};
    const std::vector<std::pair<std::string, std::string>> person{{"C", "RS"},
                                                                  {"GN", "Jovana"},
                                                                  {"SN", "Jovanović"},
                                                                  {"serialNumber", "PNORS-0101990710000"},
                                                                  {"CN", "Jovana Jovanović " + label}};
    CertificateTerms terms{company, -1, 1095, "nonRepudiation", true};
    const LocalAuthority* issuer = &legalCa;
    switch (profile) {
      case Profile::LegalQualified:
        break;
      case Profile::LegalPlain:
        terms.keyUsage = "digitalSignature";
        terms.qualified = false;
        break;
      case Profile::NaturalPerson:
        terms.subject = person;
        issuer = &personCa;
        break;
      case Profile::Expired:
        terms.fromDays = -1096;
        terms.toDays = -1;
        break;
      case Profile::NotYetValid:
        terms.fromDays = 10;
        terms.toDays = 1105;
        break;
      case Profile::Expiring30:
        terms.fromDays = -1065;
        terms.toDays = 30;
        break;
      case Profile::WrongIssuer:
        issuer = &rogueCa;
        break;
    }
    const auto certDer = certificateFile(label);
    writeFile(certDer, need(issuer->issue(publicKey, terms)));
    if (!certificateNotOnToken.contains(label)) {
      need(crypto::storeCertificateOnToken(label, kPin, certDer));
    }
  }
}

TestPki::~TestPki() = default;

std::string TestPki::issueFromRequest(const std::string& requestPem) const {
  return need(m_authorities->legal.issueForRequest(requestPem,
                                                   CertificateTerms{{}, -1, 1095, "nonRepudiation", true}));
}

std::string TestPki::pincardModule() {
  return PLATNIK_PINCARD_MODULE;
}

void TestPki::setRemoved(bool removed) const {
  const std::filesystem::path flag = std::string(std::getenv("SOFTHSM2_CONF")) + ".removed";
  if (removed) {
    std::ofstream{flag} << "removed\n";
  } else {
    std::filesystem::remove(flag);
  }
}

void TestPki::setPinPad(const std::optional<std::string>& pin) const {
  const std::filesystem::path pad = std::string(std::getenv("SOFTHSM2_CONF")) + ".pinpad";
  if (pin) {
    std::ofstream{pad} << *pin << "\n";
  } else {
    std::filesystem::remove(pad);
  }
}

TestPki& TestPki::shared() {
  static TestPki pki({{"LE-QUAL", Profile::LegalQualified},
                      {"LE-PLAIN", Profile::LegalPlain},
                      {"PERSON", Profile::NaturalPerson},
                      {"EXPIRED", Profile::Expired},
                      {"NOTYET", Profile::NotYetValid},
                      {"EXPIRING", Profile::Expiring30},
                      {"WRONG-ISSUER", Profile::WrongIssuer},
                      // Tokens whose PIN state the PIN tests change, one per test.
                      {"PIN-LOCK", Profile::LegalQualified},
                      {"PUK-LOCK", Profile::LegalPlain},
                      {"PIN-CHANGE", Profile::LegalQualified},
                      {"ACTIVATE", Profile::LegalQualified},
                      {"NO-RETRY", Profile::LegalQualified},
                      {"BATCH", Profile::LegalQualified},
                      {"IMPORT", Profile::LegalQualified},
                      {"RENEW", Profile::Expiring30}},
                     {"IMPORT"});
  return pki;
}

std::optional<crypto::SecureString> ScriptedInteraction::askPin(const crypto::PinRequest& request) {
  pinRequests.push_back(request);
  if (pins.empty()) {
    throw std::logic_error("the program asked for a PIN the test did not expect");
  }
  auto answer = pins.front();
  pins.pop_front();
  if (!answer) {
    return std::nullopt;
  }
  return crypto::SecureString{*answer};
}

std::optional<crypto::SecureString> ScriptedInteraction::askNewPin(const crypto::PinRequest& request) {
  newPinRequests.push_back(request);
  if (newPins.empty()) {
    throw std::logic_error("the program asked for a new PIN the test did not expect");
  }
  auto answer = newPins.front();
  newPins.pop_front();
  if (!answer) {
    return std::nullopt;
  }
  return crypto::SecureString{*answer};
}

bool ScriptedInteraction::confirm(crypto::Question, std::string_view) {
  ++confirmations;
  return confirmAnswer;
}

void ScriptedInteraction::progress(std::size_t done, std::size_t total) {
  lastDone = done;
  if (onProgress) {
    onProgress(done, total);
  }
}

bool ScriptedInteraction::cancelled() const {
  return cancelAtProgress && lastDone >= *cancelAtProgress;
}

}  // namespace platnik::cryptotest
