#include "banking/IpsQr.h"

#include "banking/Account.h"
#include "banking/PaymentCode.h"
#include "banking/Reference.h"
#include "banking/Text.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace platnik::banking {
namespace {

/// The tags in the order the NBS decision (Prilog 1) lists them; a payload keeps that order.
constexpr std::array<std::string_view, 15> kTagOrder{"K",  "V", "C", "R",  "N",  "I",  "O", "P",
                                                     "SF", "S", "M", "JS", "RO", "RL", "RP"};
/// Present in every payload (K, V, C and R, N, I, SF: the NBS "obavezni elementi").
constexpr std::array<std::string_view, 7> kMandatory{"K", "V", "C", "R", "N", "I", "SF"};

constexpr std::size_t kNameLimit = 70;
constexpr std::size_t kNameLines = 3;
constexpr std::size_t kPurposeLimit = 35;
constexpr std::size_t kPayeeReferenceLimit = 35;
constexpr std::size_t kFreeReferenceLimit = 140;
constexpr std::int64_t kMaxAmountMinor = 999'999'999'999'99;

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
bool allDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), isDigit);
}

int tagIndex(std::string_view tag) {
  const auto* it = std::find(kTagOrder.begin(), kTagOrder.end(), tag);
  return it == kTagOrder.end() ? -1 : static_cast<int>(it - kTagOrder.begin());
}

Result<void> digitsOfLength(std::string_view tag, std::string_view value, std::size_t length,
                            std::string_view what) {
  if (value.size() != length || !allDigits(value)) {
    return fail(Errc::InvalidArgument,
                fmt::format("{} must be exactly {} digits, not '{}'", what, length, value), std::string(tag));
  }
  return boost::outcome_v2::success();
}

/// Free text: valid UTF-8, within `limit` characters, no control characters except line
/// breaks between at most `lines` lines.
Result<void> text(std::string_view tag, std::string_view value, std::size_t limit, std::size_t lines,
                  std::string_view what) {
  if (!isValidUtf8(value)) {
    return fail(Errc::InvalidArgument, fmt::format("{} is not valid UTF-8", what), std::string(tag));
  }
  if (const auto count = characterCount(value); count > limit) {
    return fail(Errc::InvalidArgument,
                fmt::format("{} has {} characters; at most {} are allowed", what, count, limit),
                std::string(tag));
  }
  for (char c : value) {
    if (c >= 0 && c < 0x20 && (c != '\n' || lines <= 1)) {
      return fail(
          Errc::InvalidArgument,
          fmt::format("{} contains a control character{}", what, lines > 1 ? " other than a line break" : ""),
          std::string(tag));
    }
  }
  if (static_cast<std::size_t>(std::count(value.begin(), value.end(), '\n')) >= lines && lines > 1) {
    return fail(Errc::InvalidArgument, fmt::format("{} has more than {} lines", what, lines),
                std::string(tag));
  }
  return boost::outcome_v2::success();
}

Result<void> account(std::string_view tag, std::string_view value, std::string_view what) {
  BOOST_OUTCOME_TRYV(digitsOfLength(tag, value, 18, what));
  if (auto parsed = Account::parse(value); parsed.has_error()) {
    return fail(parsed.error().code, fmt::format("{}: {}", what, parsed.error().message), std::string(tag));
  }
  return boost::outcome_v2::success();
}

/// "RSD1234,56", "RSD1025,", "RSD0,01": a comma always, no grouping, integer part mandatory.
Result<Money> amount(std::string_view value, bool zeroAllowed) {
  const auto bad = [&](std::string_view why) {
    return fail(Errc::InvalidArgument, fmt::format("amount '{}' {}", value, why), "I");
  };
  if (value.size() < 5 || value.size() > 18) {
    return bad("must be 5 to 18 characters (RSD0,01 … RSD999999999999,99)");
  }
  if (value.substr(0, 3) != "RSD") {
    return bad("must start with RSD");
  }
  const std::string_view number = value.substr(3);
  const auto comma = number.find(',');
  if (comma == std::string_view::npos) {
    return bad("must have a decimal comma (RSD1234,56 or RSD1234,)");
  }
  const std::string_view integer = number.substr(0, comma);
  const std::string_view decimals = number.substr(comma + 1);
  if (integer.empty()) {
    return bad("has no digits before the comma (write RSD0,01, not RSD,01)");
  }
  if (integer.size() > 12 || decimals.size() > 2 || !allDigits(integer) || !allDigits(decimals)) {
    return bad("must be up to 12 digits, a comma and up to 2 decimals, with no thousands separators");
  }
  const std::string machine =
      decimals.empty() ? std::string(integer) : fmt::format("{},{}", integer, decimals);
  auto money = Money::parseDisplay(machine, Currency::rsd());
  if (money.has_error()) {
    return fail(money.error().code, fmt::format("amount '{}': {}", value, money.error().message), "I");
  }
  if (money.value().minorUnits() > kMaxAmountMinor) {
    return bad("is more than RSD999999999999,99");
  }
  if (money.value().isZero() && !zeroAllowed) {
    return bad("must be at least RSD0,01 (a zero amount is allowed only on printed bills, K:PR)");
  }
  return money;
}

/// RO: model (two digits) + reference; "00" when the reference follows no model. Model 97 is
/// checked by the Reference rules and must be written without dashes or spaces.
Result<void> payeeReference(std::string_view value) {
  if (value.size() > kPayeeReferenceLimit) {
    return fail(Errc::InvalidArgument,
                fmt::format("reference '{}' has {} characters; at most {} are allowed", value, value.size(),
                            kPayeeReferenceLimit),
                "RO");
  }
  if (value.size() < 3 || !isDigit(value[0]) || !isDigit(value[1])) {
    return fail(
        Errc::InvalidArgument,
        fmt::format("reference '{}' must be a two-digit model (00 for none) followed by the reference",
                    value),
        "RO");
  }
  const std::string_view model = value.substr(0, 2);
  const std::string_view number = value.substr(2);
  for (char c : number) {
    const bool letterOrDigit = isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (!letterOrDigit && (model == "97" || c != '-')) {
      return fail(Errc::InvalidArgument,
                  fmt::format("reference '{}' holds '{}'; {}", value, c,
                              model == "97" ? "a model-97 reference is written without dashes or spaces"
                                            : "only digits, letters and dashes are allowed"),
                  "RO");
    }
  }
  if (model == "97") {
    if (auto parsed = Reference::parse(model, number); parsed.has_error()) {
      return fail(parsed.error().code, fmt::format("reference '{}': {}", value, parsed.error().message),
                  "RO");
    }
  }
  return boost::outcome_v2::success();
}

Result<void> paymentCode(std::string_view value) {
  auto code = PaymentCode::parse(value);
  if (code.has_error()) {
    return fail(code.error().code, code.error().message, "SF");
  }
  if (code.value().form() != '1' && code.value().form() != '2') {
    return fail(
        Errc::InvalidArgument,
        fmt::format("the payment code {} is not for an instant payment; its form must be 1 (cash) or 2 "
                    "(cashless)",
                    value),
        "SF");
  }
  return boost::outcome_v2::success();
}

/// Checks one tag's value and stores it.
Result<void> assign(IpsQr& qr, std::string_view tag, std::string_view value) {
  const std::string where(tag);
  if (tag == "K") {
    if (value != "PR" && value != "PT" && value != "PK" && value != "EK") {
      return fail(Errc::InvalidArgument, fmt::format("kind '{}' is not PR, PT, PK or EK", value), where);
    }
    qr.kind = value;
  } else if (tag == "V") {
    if (value != "01") {
      return fail(Errc::InvalidArgument, fmt::format("version '{}' is not 01", value), where);
    }
    qr.version = value;
  } else if (tag == "C") {
    if (value != "1") {
      return fail(Errc::InvalidArgument, fmt::format("character set '{}' is not 1 (UTF-8)", value), where);
    }
    qr.charset = value;
  } else if (tag == "R") {
    BOOST_OUTCOME_TRYV(account(tag, value, "the payee account"));
    qr.payeeAccount = value;
  } else if (tag == "N") {
    BOOST_OUTCOME_TRYV(text(tag, value, kNameLimit, kNameLines, "the payee name"));
    qr.payeeName = value;
  } else if (tag == "I") {
    BOOST_OUTCOME_TRY(money, amount(value, qr.kind == "PR"));
    qr.amount = money;
  } else if (tag == "O") {
    BOOST_OUTCOME_TRYV(account(tag, value, "the payer account"));
    qr.payerAccount = value;
  } else if (tag == "P") {
    BOOST_OUTCOME_TRYV(text(tag, value, kNameLimit, kNameLines, "the payer name"));
    qr.payerName = value;
  } else if (tag == "SF") {
    BOOST_OUTCOME_TRYV(paymentCode(value));
    qr.paymentCode = value;
  } else if (tag == "S") {
    BOOST_OUTCOME_TRYV(text(tag, value, kPurposeLimit, 1, "the purpose"));
    qr.purpose = value;
  } else if (tag == "M") {
    BOOST_OUTCOME_TRYV(digitsOfLength(tag, value, 4, "the merchant category code"));
    qr.merchantCategory = value;
  } else if (tag == "JS") {
    BOOST_OUTCOME_TRYV(digitsOfLength(tag, value, 5, "the payer's one-time code"));
    qr.payerOneTimeCode = value;
  } else if (tag == "RO") {
    BOOST_OUTCOME_TRYV(payeeReference(value));
    qr.payeeReference = value;
  } else if (tag == "RL") {
    BOOST_OUTCOME_TRYV(text(tag, value, kFreeReferenceLimit, 1, "the payee's free reference"));
    qr.payeeReferenceFree = value;
  } else if (tag == "RP") {
    BOOST_OUTCOME_TRYV(digitsOfLength(tag, value, 19, "the point-of-sale reference"));
    qr.posReference = value;
  }
  return boost::outcome_v2::success();
}

bool isBlankChar(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

Result<IpsQr> parseIpsQr(std::string_view text) {
  if (text.empty()) {
    return fail(Errc::InvalidArgument, "the QR payload is empty");
  }
  if (isBlankChar(text.front())) {
    return fail(Errc::InvalidArgument, "the QR payload must not start with a space or a line break");
  }
  if (text.front() == '|') {
    return fail(Errc::InvalidArgument, "the QR payload must not start with '|'");
  }
  if (text.back() == '|') {
    return fail(Errc::InvalidArgument, "the QR payload must not end with '|'");
  }
  IpsQr qr;
  qr.kind.clear();
  qr.version.clear();
  qr.charset.clear();
  std::array<bool, kTagOrder.size()> seen{};
  int lastIndex = -1;
  std::string_view lastTag;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find('|', start), text.size());
    const std::string_view field = text.substr(start, end - start);
    start = end + 1;
    const auto colon = field.find(':');
    if (field.empty()) {
      return fail(Errc::InvalidArgument, "the QR payload has an empty field ('||')",
                  lastTag.empty() ? std::string() : std::string(lastTag));
    }
    if (colon == std::string_view::npos) {
      return fail(Errc::InvalidArgument,
                  fmt::format("the field '{}' has no ':' between tag and value", field),
                  std::string(field.substr(0, std::min<std::size_t>(field.size(), 3))));
    }
    const std::string_view tag = field.substr(0, colon);
    const std::string_view value = field.substr(colon + 1);
    const std::string where(tag);
    const int index = tagIndex(tag);
    if (index < 0) {
      return fail(Errc::InvalidArgument, fmt::format("'{}' is not an IPS QR tag", tag), where);
    }
    if (seen[static_cast<std::size_t>(index)]) {
      return fail(Errc::InvalidArgument, fmt::format("the tag {} appears twice", tag), where);
    }
    if (index < lastIndex) {
      return fail(Errc::InvalidArgument, fmt::format("the tag {} must come before {}", tag, lastTag), where);
    }
    if (value.empty()) {
      return fail(Errc::InvalidArgument,
                  fmt::format("the tag {} has no value (an optional tag without a value is left out)", tag),
                  where);
    }
    if (end == text.size() && isBlankChar(value.back())) {
      return fail(Errc::InvalidArgument, "the QR payload must not end with a space or a line break", where);
    }
    seen[static_cast<std::size_t>(index)] = true;
    lastIndex = index;
    lastTag = kTagOrder[static_cast<std::size_t>(index)];
    BOOST_OUTCOME_TRYV(assign(qr, tag, value));
    if (end == text.size()) {
      break;
    }
  }
  for (std::string_view tag : kMandatory) {
    if (!seen[static_cast<std::size_t>(tagIndex(tag))]) {
      return fail(Errc::InvalidArgument, fmt::format("the mandatory tag {} is missing", tag),
                  std::string(tag));
    }
  }
  return qr;
}

Result<std::string> makeIpsQr(const IpsQr& qr) {
  std::string amount;
  if (qr.amount) {
    if (qr.amount->currency() != Currency::rsd()) {
      return fail(Errc::CurrencyMismatch,
                  fmt::format("an IPS QR amount is in RSD, not {}", qr.amount->currency().code()), "I");
    }
    if (qr.amount->isNegative()) {
      return fail(Errc::InvalidArgument, fmt::format("the amount {} is negative", qr.amount->toDisplay()),
                  "I");
    }
    // "1.234,56" without its grouping dots is the QR form "1234,56".
    std::string display = qr.amount->toDisplay();
    display.erase(std::remove(display.begin(), display.end(), '.'), display.end());
    amount = "RSD" + display;
  }
  const std::array<std::pair<std::string_view, std::string_view>, 15> fields{{
      {"K", qr.kind},
      {"V", qr.version},
      {"C", qr.charset},
      {"R", qr.payeeAccount},
      {"N", qr.payeeName},
      {"I", amount},
      {"O", qr.payerAccount},
      {"P", qr.payerName},
      {"SF", qr.paymentCode},
      {"S", qr.purpose},
      {"M", qr.merchantCategory},
      {"JS", qr.payerOneTimeCode},
      {"RO", qr.payeeReference},
      {"RL", qr.payeeReferenceFree},
      {"RP", qr.posReference},
  }};
  std::string out;
  for (const auto& [tag, value] : fields) {
    if (value.empty()) {
      continue;
    }
    if (value.find('|') != std::string_view::npos) {
      return fail(Errc::InvalidArgument, fmt::format("the value '{}' must not contain '|'", value),
                  std::string(tag));
    }
    if (!out.empty()) {
      out += '|';
    }
    out += tag;
    out += ':';
    out += value;
  }
  // The same checks as reading: what we make, any reader following the NBS rules can read.
  BOOST_OUTCOME_TRYV(parseIpsQr(out));
  return out;
}

}  // namespace platnik::banking
