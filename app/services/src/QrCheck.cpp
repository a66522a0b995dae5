#include "services/QrCheck.h"

#include "services/ErrorCode.h"

#include <fmt/format.h>

#include <array>
#include <stdexcept>
#include <utility>

namespace platnik::services {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 15> kTagNames{{
    {"K", "kind"},
    {"V", "version"},
    {"C", "charset"},
    {"R", "payee_account"},
    {"N", "payee_name"},
    {"I", "amount"},
    {"O", "payer_account"},
    {"P", "payer_name"},
    {"SF", "payment_code"},
    {"S", "purpose"},
    {"M", "merchant_category"},
    {"JS", "payer_one_time_code"},
    {"RO", "payee_reference"},
    {"RL", "payee_reference_free"},
    {"RP", "pos_reference"},
}};

}  // namespace

std::string_view qrTagName(std::string_view tag) {
  for (const auto& [code, name] : kTagNames) {
    if (code == tag) {
      return name;
    }
  }
  return {};
}

QrCheck QrCheck::run(std::string_view text) {
  QrCheck check;
  check.input = std::string(text);
  auto qr = banking::parseIpsQr(text);
  if (!qr) {
    check.error = qr.error();
    check.payload = check.input;
    return check;
  }
  auto payload = banking::makeIpsQr(qr.value());
  if (!payload) {
    // What parses must make again: anything else is a bug in the domain code.
    throw std::logic_error("IPS QR parsed but cannot be made again: " + payload.error().describe());
  }
  check.qr = std::move(qr).value();
  check.payload = std::move(payload).value();
  return check;
}

std::vector<QrTag> QrCheck::tags() const {
  std::vector<QrTag> tags;
  if (!qr) {
    return tags;
  }
  // The canonical payload is "tag:value|tag:value…"; values cannot hold '|'.
  std::string_view rest = payload;
  while (!rest.empty()) {
    const auto bar = rest.find('|');
    const std::string_view item = rest.substr(0, bar);
    rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
    const auto colon = item.find(':');
    if (colon == std::string_view::npos) {
      throw std::logic_error("makeIpsQr wrote a tag without ':'");
    }
    const std::string_view tag = item.substr(0, colon);
    for (const auto& [code, name] : kTagNames) {
      if (code == tag) {
        tags.push_back(QrTag{code, name, std::string(item.substr(colon + 1))});
      }
    }
  }
  return tags;
}

Json QrCheck::toJson() const {
  Json json = Json::object();
  json["valid"] = valid();
  json["payload"] = payload;
  if (!qr) {
    json["error"] = error ? error->describe() : std::string();
    json["error_code"] = std::string(errorCodeName(error ? error->code : banking::Errc::InvalidArgument));
    json["tag"] = error && !error->where.empty() ? Json(error->where) : Json(nullptr);
    return json;
  }
  Json byTag = Json::object();
  Json byName = Json::object();
  for (const QrTag& tag : tags()) {
    byTag[std::string(tag.tag)] = tag.value;
    if (tag.tag == "I" && qr->amount) {
      byName["amount"] = qr->amount->toString();
      byName["currency"] = std::string(qr->amount->currency().code());
    } else {
      byName[std::string(tag.name)] = tag.value;
    }
  }
  json["tags"] = std::move(byTag);
  json["fields"] = std::move(byName);
  return json;
}

std::string QrCheck::describe() const {
  if (!qr) {
    return describeError();
  }
  std::string text;
  for (const QrTag& tag : tags()) {
    // Multi-line values (the payee's name and address) continue under the value column.
    std::string value;
    for (char c : tag.value) {
      value += c;
      if (c == '\n') {
        value += std::string(28, ' ');
      }
    }
    text += fmt::format("{:<3} {:<23} {}\n", tag.tag, tag.name, value);
  }
  if (qr->amount) {
    text += fmt::format("{:<3} {:<23} {} {}\n", "", "(amount)", qr->amount->toDisplay(),
                        qr->amount->currency().code());
  }
  return text;
}

std::string QrCheck::describeError() const {
  if (!error) {
    return {};
  }
  if (!error->where.empty()) {
    const std::string_view name = qrTagName(error->where);
    return fmt::format("invalid IPS QR string: tag {}{}: {}\n", error->where,
                       name.empty() ? std::string() : fmt::format(" ({})", name), error->message);
  }
  return fmt::format("invalid IPS QR string: {}\n", error->message);
}

}  // namespace platnik::services
