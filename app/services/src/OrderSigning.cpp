#include "services/OrderSigning.h"

#include "crypto/BatchSigner.h"
#include "services/TokenAccess.h"
#include "storage/Database.h"
#include "storage/Orders.h"
#include "storage/Settings.h"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

namespace platnik::services {

using banking::Errc;
using banking::fail;

bool OrderSigningReport::allSigned() const {
  return !error && std::all_of(orders.begin(), orders.end(), [](const auto& o) { return o.isSigned; });
}

Json OrderSigningReport::toJson() const {
  Json list = Json::array();
  std::size_t signedCount = 0;
  for (const OrderSignOutcome& o : orders) {
    signedCount += o.isSigned ? 1 : 0;
    list.push_back(
        Json{{"id", o.id}, {"signed", o.isSigned}, {"reason", o.isSigned ? Json(nullptr) : Json(o.reason)}});
  }
  return Json{{"signed", signedCount},
              {"refused", orders.size() - signedCount},
              {"signer", signer},
              {"error", error ? Json(error->describe()) : Json(nullptr)},
              {"orders", std::move(list)}};
}

std::string OrderSigningReport::describe() const {
  std::string text;
  std::size_t signedCount = 0;
  for (const OrderSignOutcome& o : orders) {
    if (o.isSigned) {
      ++signedCount;
      text += fmt::format("order {}: signed\n", o.id);
    } else {
      text += fmt::format("order {}: not signed: {}\n", o.id, o.reason);
    }
  }
  text += fmt::format("{} of {} orders signed{}\n", signedCount, orders.size(),
                      signer.empty() ? std::string{} : " by " + signer);
  if (error) {
    text += fmt::format("stopped: {}\n", error->describe());
  }
  return text;
}

banking::Result<OrderSigningReport> signStoredOrders(storage::Database& database,
                                                     std::span<const std::int64_t> ids, bool allReady,
                                                     crypto::TokenSession& token, crypto::Interaction& ui,
                                                     crypto::TimePoint now) {
  storage::Orders orders = database.orders();
  OrderSigningReport report;
  std::vector<std::int64_t> readyIds;
  std::vector<banking::PaymentOrder> ready;
  if (allReady) {
    BOOST_OUTCOME_TRY(all, orders.list(banking::OrderState::Ready));
    for (const storage::StoredOrder& stored : all) {
      readyIds.push_back(stored.id);
      ready.push_back(stored.order);
    }
  }
  for (const std::int64_t id : ids) {
    auto stored = orders.get(id);
    if (!stored) {
      if (stored.error().code != Errc::NotFound) {
        return stored.error();
      }
      report.orders.push_back({id, false, "no such order"});
    } else if (stored.value().state != banking::OrderState::Ready) {
      report.orders.push_back({id, false,
                               fmt::format("the order is {}; only ready orders can be signed",
                                           banking::toString(stored.value().state))});
    } else if (std::find(readyIds.begin(), readyIds.end(), id) == readyIds.end()) {
      readyIds.push_back(id);
      ready.push_back(stored.value().order);
    }
  }
  if (ready.empty()) {
    return report;
  }
  BOOST_OUTCOME_TRY(certificate, orderSigningCertificate(token, now));
  BOOST_OUTCOME_TRY(batch, crypto::signOrders(token, certificate, ready, ui, now));
  report.signer = certificate.subject;
  report.error = batch.error;
  for (std::size_t i = 0; i < ready.size(); ++i) {
    const auto& signature = batch.signatures[i];
    if (!signature) {
      report.orders.push_back({readyIds[i], false, "not signed: the batch stopped before it"});
      continue;
    }
    const std::vector<std::uint8_t> bytes(signature->begin(), signature->end());
    auto stored = orders.sign(readyIds[i], bytes, certificate.subject);
    report.orders.push_back(stored ? OrderSignOutcome{readyIds[i], true, {}}
                                   : OrderSignOutcome{readyIds[i], false, stored.error().describe()});
  }
  std::stable_sort(report.orders.begin(), report.orders.end(),
                   [](const auto& a, const auto& b) { return a.id < b.id; });
  return report;
}

Json signatureJson(const crypto::SignatureReport& report) {
  return Json{
      {"valid", report.valid()},
      {"signature_valid", report.signatureValid},
      {"chain_valid", report.chainValid},
      {"signer", report.signer ? Json(report.signer->subject) : Json(nullptr)},
      {"issuer", report.signer ? Json(report.signer->issuer) : Json(nullptr)},
      {"signing_time", report.signingTime ? Json(crypto::toIsoString(*report.signingTime)) : Json(nullptr)},
      {"problem", report.problem.empty() ? Json(nullptr) : Json(report.problem)}};
}

std::string describeSignature(const crypto::SignatureReport& report) {
  std::string text = fmt::format("signature: {}\n", report.valid() ? "valid" : "NOT valid");
  if (report.signer) {
    text += fmt::format("signer:    {}\nissuer:    {}\n", report.signer->subject, report.signer->issuer);
  }
  if (report.signingTime) {
    text += fmt::format("signed at: {}\n", crypto::toIsoString(*report.signingTime));
  }
  text += fmt::format("chain:     {}\n", report.chainValid ? "trusted" : "not trusted");
  if (!report.problem.empty()) {
    text += fmt::format("problem:   {}\n", report.problem);
  }
  return text;
}

bool OrderVerificationReport::allValid() const {
  return std::all_of(orders.begin(), orders.end(), [](const auto& o) { return o.valid; });
}

Json OrderVerificationReport::toJson() const {
  Json list = Json::array();
  for (const OrderVerifyOutcome& o : orders) {
    Json item{{"id", o.id}};
    if (o.report) {
      const Json signature = signatureJson(*o.report);
      for (auto it = signature.begin(); it != signature.end(); ++it) {
        item[it.key()] = it.value();
      }
    } else {
      item["valid"] = false;
      item["problem"] = o.problem;
    }
    list.push_back(std::move(item));
  }
  return Json{{"valid", allValid()}, {"orders", std::move(list)}};
}

std::string OrderVerificationReport::describe() const {
  std::string text;
  for (const OrderVerifyOutcome& o : orders) {
    text += fmt::format("order {}:\n", o.id);
    if (o.report) {
      std::istringstream lines{describeSignature(*o.report)};
      for (std::string line; std::getline(lines, line);) {
        text += "  " + line + '\n';
      }
    } else {
      text += fmt::format("  signature: NOT valid\n  problem:   {}\n", o.problem);
    }
  }
  return text;
}

banking::Result<crypto::TrustStore> loadTrust(const std::vector<std::string>& files,
                                              storage::Database* database) {
  std::vector<std::string> all = files;
  if (database != nullptr) {
    BOOST_OUTCOME_TRY(setting, database->settings().get(kTrustFilesSetting));
    if (setting) {
      std::istringstream lines{*setting};
      for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) {
          all.push_back(line);
        }
      }
    }
  }
  if (all.empty()) {
    return fail(Errc::InvalidArgument,
                fmt::format("no trusted CA: give --trust FILE.pem or set '{}'", kTrustFilesSetting));
  }
  crypto::TrustStore trust;
  for (const std::string& file : all) {
    BOOST_OUTCOME_TRYV(trust.addFile(file));
  }
  return trust;
}

banking::Result<OrderVerificationReport> verifyStoredOrders(storage::Database& database,
                                                            std::span<const std::int64_t> ids,
                                                            const crypto::TrustStore& trust,
                                                            crypto::TimePoint now) {
  storage::Orders orders = database.orders();
  OrderVerificationReport report;
  for (const std::int64_t id : ids) {
    auto stored = orders.get(id);
    if (!stored) {
      if (stored.error().code != Errc::NotFound) {
        return stored.error();
      }
      report.orders.push_back({id, false, std::nullopt, "no such order"});
      continue;
    }
    const storage::StoredOrder& order = stored.value();
    if (order.signature.empty()) {
      report.orders.push_back(
          {id, false, std::nullopt,
           fmt::format("the order is not signed (it is {})", banking::toString(order.state))});
      continue;
    }
    const std::string cms(order.signature.begin(), order.signature.end());
    auto verified = crypto::verifyOrder(order.order, cms, trust, now);
    if (!verified) {
      report.orders.push_back({id, false, std::nullopt, verified.error().describe()});
      continue;
    }
    const bool valid = verified.value().valid();
    report.orders.push_back({id, valid, std::move(verified).value(), {}});
  }
  return report;
}

}  // namespace platnik::services
