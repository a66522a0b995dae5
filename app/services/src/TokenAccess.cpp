#include "services/TokenAccess.h"

#include "crypto/CertificateReport.h"
#include "crypto/TokenRecords.h"
#include "storage/Database.h"

#include <fmt/format.h>

#include <optional>
#include <utility>

namespace platnik::services {

using banking::Errc;
using banking::fail;

banking::Result<std::vector<crypto::Pkcs11Module>> loadModules(const std::string& modulePath) {
  std::vector<crypto::Pkcs11Module> modules;
  if (!modulePath.empty()) {
    BOOST_OUTCOME_TRY(module, crypto::Pkcs11Module::load(modulePath));
    modules.push_back(std::move(module));
    return modules;
  }
  BOOST_OUTCOME_TRY(registered, crypto::Pkcs11Module::registeredModules());
  std::string problems;
  for (const crypto::ModuleInfo& info : registered) {
    auto module = crypto::Pkcs11Module::load(info.path);
    if (module) {
      modules.push_back(std::move(module).value());
    } else {
      problems += fmt::format("; {}: {}", info.name, module.error().describe());
    }
  }
  if (modules.empty()) {
    return fail(Errc::Token,
                "no PKCS#11 module could be loaded; name the card's module with --module PATH" + problems);
  }
  return modules;
}

banking::Result<std::vector<crypto::TokenInfo>> listTokens(std::vector<crypto::Pkcs11Module>& modules) {
  std::vector<crypto::TokenInfo> all;
  for (crypto::Pkcs11Module& module : modules) {
    BOOST_OUTCOME_TRY(tokens, module.tokens());
    all.insert(all.end(), tokens.begin(), tokens.end());
  }
  return all;
}

banking::Result<OpenedToken> openToken(const std::string& modulePath, const std::string& label) {
  BOOST_OUTCOME_TRY(modules, loadModules(modulePath));
  std::vector<std::pair<std::size_t, std::string>> present;  // module index, label
  for (std::size_t i = 0; i < modules.size(); ++i) {
    BOOST_OUTCOME_TRY(tokens, modules[i].tokens());
    for (const crypto::TokenInfo& token : tokens) {
      if (token.present && token.initialized) {
        present.emplace_back(i, token.label);
      }
    }
  }
  std::string labels;
  for (const auto& [index, name] : present) {
    labels += (labels.empty() ? "'" : ", '") + name + "'";
  }
  std::optional<std::size_t> chosen;
  if (label.empty()) {
    if (present.empty()) {
      return fail(Errc::Token,
                  "no token is present; insert the token (or name its module with --module PATH)");
    }
    if (present.size() > 1) {
      return fail(Errc::Token, fmt::format("{} tokens are present ({}); choose one with --token LABEL",
                                           present.size(), labels));
    }
    chosen = 0;
  } else {
    for (std::size_t i = 0; i < present.size(); ++i) {
      if (present[i].second == label) {
        if (chosen) {
          return fail(Errc::Token, "two tokens have this label", label);
        }
        chosen = i;
      }
    }
    if (!chosen) {
      return fail(Errc::Token,
                  present.empty() ? std::string{"no token is present"}
                                  : fmt::format("no such token; present: {}", labels),
                  label);
    }
  }
  crypto::Pkcs11Module& module = modules[present[*chosen].first];
  BOOST_OUTCOME_TRY(session, module.open(present[*chosen].second));
  return OpenedToken{module, std::move(session)};
}

namespace {

Json triesLeft(const crypto::PinState& state) {
  const auto tries = state.triesLeft();
  return tries ? Json(*tries) : Json(nullptr);
}

}  // namespace

Json tokensJson(const std::vector<crypto::TokenInfo>& tokens) {
  Json list = Json::array();
  for (const crypto::TokenInfo& t : tokens) {
    Json item{{"slot", t.slotDescription}, {"slot_manufacturer", t.slotManufacturer}, {"present", t.present}};
    if (t.present) {
      item["label"] = t.label;
      item["serial"] = t.serial;
      item["manufacturer"] = t.manufacturer;
      item["model"] = t.model;
      item["initialized"] = t.initialized;
      item["pin_pad"] = t.protectedAuthenticationPath;
      item["pin_state"] = t.userPin.name();
      item["pin_tries_left"] = triesLeft(t.userPin);
      item["puk_state"] = t.soPin.name();
    }
    list.push_back(std::move(item));
  }
  return Json{{"tokens", std::move(list)}};
}

std::string describeTokens(const std::vector<crypto::TokenInfo>& tokens) {
  if (tokens.empty()) {
    return "no slots (no reader)\n";
  }
  std::string text;
  for (const crypto::TokenInfo& t : tokens) {
    if (!text.empty()) {
      text += '\n';
    }
    text += fmt::format("slot:         {}\n", t.slotDescription);
    if (!t.present) {
      text += "token:        none\n";
      continue;
    }
    text += fmt::format("label:        {}\nserial:       {}\nmanufacturer: {}\nmodel:        {}\n", t.label,
                        t.serial, t.manufacturer, t.model);
    text += fmt::format("PIN:          {}{}\nPUK:          {}\n", t.userPin.name(),
                        t.protectedAuthenticationPath ? " (entered on the reader's PIN pad)" : "",
                        t.soPin.name());
  }
  return text;
}

banking::Result<Json> certificatesReport(crypto::TokenSession& token, const std::filesystem::path& recordsDir,
                                         crypto::TimePoint now) {
  BOOST_OUTCOME_TRY(info, token.info());
  BOOST_OUTCOME_TRY(certificates, token.certificates());
  BOOST_OUTCOME_TRY(records, crypto::TokenRecords::load(recordsDir));
  Json list = Json::parse(crypto::certificatesJson(certificates, info, now, &records));
  return Json{{"certificates", std::move(list)}};
}

std::string describeCertificates(const Json& report) {
  const Json& list = report.at("certificates");
  if (list.empty()) {
    return "no certificates on the token\n";
  }
  std::string text;
  for (const Json& c : list) {
    if (!text.empty()) {
      text += '\n';
    }
    text += fmt::format("subject:   {}\nissuer:    {}\nholder:    {}{}\n", c.at("subject").get<std::string>(),
                        c.at("issuer").get<std::string>(), c.at("holder_type").get<std::string>(),
                        c.at("qualified").get<bool>() ? ", qualified" : "");
    text += fmt::format("valid:     {} to {} ({} days left)\n", c.at("not_before").get<std::string>(),
                        c.at("not_after").get<std::string>(), c.at("days_left").get<long>());
    text += c.at("can_sign_orders").get<bool>() ? std::string{"orders:    may sign payment orders\n"}
                                                : fmt::format("orders:    cannot sign payment orders: {}\n",
                                                              c.at("cannot_sign_orders").get<std::string>());
    text += fmt::format("renewal:   {}\ntoken:     {} (PIN {})\n", c.at("renewal").get<std::string>(),
                        c.at("token_label").get<std::string>(), c.at("pin_state").get<std::string>());
  }
  return text;
}

banking::Result<crypto::Certificate> orderSigningCertificate(crypto::TokenSession& token,
                                                             crypto::TimePoint now) {
  BOOST_OUTCOME_TRY(certificates, token.certificates());
  if (certificates.empty()) {
    return fail(Errc::Token, "the token holds no certificate", token.label());
  }
  for (const crypto::Certificate& certificate : certificates) {
    if (crypto::assess(certificate, now).canSignOrders) {
      return certificate;
    }
  }
  return fail(Errc::Token,
              "cannot sign payment orders: " + crypto::assess(certificates.front(), now).cannotSignOrders,
              certificates.front().subject);
}

banking::Result<crypto::Certificate> documentSigningCertificate(crypto::TokenSession& token,
                                                                crypto::TimePoint now) {
  BOOST_OUTCOME_TRY(certificates, token.certificates());
  for (const crypto::Certificate& certificate : certificates) {
    if (crypto::assess(certificate, now).canSignDocuments) {
      return certificate;
    }
  }
  return fail(Errc::Token,
              certificates.empty() ? "the token holds no certificate"
                                   : "no certificate on the token is valid now (expired or not yet valid)",
              token.label());
}

std::filesystem::path tokenRecordsDir() {
  return storage::Database::defaultPath().parent_path();
}

}  // namespace platnik::services
