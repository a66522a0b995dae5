#include "Mt940Fields.h"

#include "banking/Text.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace platnik::banking::formats::detail {
namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
bool isUpper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool isAlnum(char c) {
  return isDigit(c) || isUpper(c) || (c >= 'a' && c <= 'z');
}

bool allDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), isDigit);
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(' ');
  return text.substr(first, last - first + 1);
}

unsigned twoDigits(std::string_view text) {
  return static_cast<unsigned>((text[0] - '0') * 10 + (text[1] - '0'));
}

auto malformed(std::string message) {
  return fail(Errc::MalformedFile, std::move(message));
}

void appendText(std::string& to, std::string_view text, std::string_view separator = " ") {
  text = trim(text);
  if (text.empty()) {
    return;
  }
  if (!to.empty()) {
    to += separator;
  }
  to += text;
}

/// Joins wrapped lines: a line that fills the SWIFT width (65) was cut mid-text and continues
/// without a blank; a shorter one ended where the bank ended it, so a blank separates them.
std::string joinFreeText(const std::vector<std::string>& lines) {
  std::string out;
  bool previousFull = false;
  for (const auto& line : lines) {
    if (!out.empty() && !previousFull) {
      out += ' ';
    }
    out += line;
    previousFull = line.size() >= 65;
  }
  return std::string(trim(out));
}

// --- IBAN shape -------------------------------------------------------------------------

bool looksLikeIban(std::string_view text) {
  if (text.size() < 15 || text.size() > 34 || !isUpper(text[0]) || !isUpper(text[1]) || !isDigit(text[2]) ||
      !isDigit(text[3])) {
    return false;
  }
  return std::all_of(text.begin(), text.end(), [](char c) { return isDigit(c) || isUpper(c); });
}

// --- Serbian references ("PBO-97 1234", "PBZ-") ------------------------------------------

Reference parseIncomingReference(std::string_view text) {
  text = trim(text);
  Reference reference;
  // A model is only split off when the bank separated it ("97 1234", "97-1234"): a bare
  // run of digits may or may not start with one, and incoming data is carried as given.
  if (text.size() > 3 && isDigit(text[0]) && isDigit(text[1]) && (text[2] == ' ' || text[2] == '-')) {
    reference.model = std::string(text.substr(0, 2));
    reference.number = std::string(trim(text.substr(3)));
  } else {
    reference.number = std::string(text);
  }
  return reference;
}

// --- SEPA keywords inside German purpose text (EREF+, SVWZ+, …) ---------------------------

constexpr std::array<std::string_view, 12> kSepaKeys{"EREF+", "KREF+", "MREF+", "CRED+", "DEBT+", "SVWZ+",
                                                     "ABWA+", "ABWE+", "IBAN+", "BIC+",  "COAM+", "OAMT+"};

struct SepaParts {
  std::vector<std::pair<std::string_view, std::string>> fields;  // key without '+', value
  std::string leading;                                           // text before the first key
};

SepaParts splitSepaKeywords(std::string_view text) {
  SepaParts parts;
  std::vector<std::pair<std::size_t, std::string_view>> hits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    for (auto key : kSepaKeys) {
      // Keywords start subfields, which are joined without a blank ("…4711SVWZ+…").
      if (text.compare(i, key.size(), key) == 0) {
        hits.emplace_back(i, key);
        break;
      }
    }
  }
  if (hits.empty()) {
    parts.leading = std::string(trim(text));
    return parts;
  }
  parts.leading = std::string(trim(text.substr(0, hits.front().first)));
  for (std::size_t h = 0; h < hits.size(); ++h) {
    const auto start = hits[h].first + hits[h].second.size();
    const auto end = h + 1 < hits.size() ? hits[h + 1].first : text.size();
    parts.fields.emplace_back(hits[h].second.substr(0, hits[h].second.size() - 1),
                              std::string(trim(text.substr(start, end - start))));
  }
  return parts;
}

void applyPurposeText(std::string_view text, Entry& entry) {
  const auto sepa = splitSepaKeywords(text);
  std::string purpose = sepa.leading;
  std::string endToEnd;
  std::string customerRef;
  for (const auto& [key, value] : sepa.fields) {
    if (key == "SVWZ") {
      appendText(purpose, value);
    } else if (key == "EREF") {
      if (value != "NOTPROVIDED") {
        endToEnd = value;
      }
    } else if (key == "KREF") {
      if (value != "NOTPROVIDED") {
        customerRef = value;
      }
    } else if (key == "IBAN" && entry.counterparty.account.empty()) {
      entry.counterparty.account = value;
    } else if (key == "BIC" && entry.counterparty.bic.empty()) {
      entry.counterparty.bic = value;
    } else {
      appendText(entry.additionalInfo, fmt::format("{}+{}", key, value), "; ");
    }
  }
  appendText(entry.purpose, purpose);
  if (entry.endToEndId.empty()) {
    entry.endToEndId = !endToEnd.empty() ? endToEnd : customerRef;
  }
}

// --- "GVC?NN…" structured :86: (German ?, Triodos >, Polish ^ or <) ----------------------

bool isSubfieldSeparator(char c) {
  return c == '?' || c == '>' || c == '^' || c == '<' || c == '~';
}

/// "166?00GUTSCHRIFT?20…" (or "221 ?20…"): three digits, a separator and two digits. Returns
/// where the first separator is, or npos.
std::size_t subfieldStart(std::string_view text) {
  if (text.size() < 6 || !allDigits(text.substr(0, 3))) {
    return std::string_view::npos;
  }
  const auto pos = text.find_first_not_of(' ', 3);
  if (pos == std::string_view::npos || pos + 2 >= text.size() || !isSubfieldSeparator(text[pos]) ||
      !isDigit(text[pos + 1]) || !isDigit(text[pos + 2])) {
    return std::string_view::npos;
  }
  return pos;
}

void applySubfields(std::string_view text, std::size_t pos, Entry& entry) {
  const char separator = text[pos];
  entry.transactionCode = std::string(text.substr(0, 3));
  std::vector<std::pair<unsigned, std::string_view>> subfields;
  while (pos < text.size()) {
    // text[pos] is a separator followed by two digits (checked for the first by the caller).
    const unsigned number = twoDigits(text.substr(pos + 1, 2));
    std::size_t next = pos + 3;
    while (next < text.size() && !(text[next] == separator && next + 2 < text.size() &&
                                   isDigit(text[next + 1]) && isDigit(text[next + 2]))) {
      ++next;
    }
    subfields.emplace_back(number, text.substr(pos + 3, next - pos - 3));
    pos = next;
  }
  const bool serbian = std::any_of(subfields.begin(), subfields.end(), [](const auto& s) {
    return s.second.starts_with("SIF-") || s.second.starts_with("PBZ-") || s.second.starts_with("PBO-");
  });
  std::string purpose;
  std::size_t previousPurposeLength = 0;
  std::string name;
  for (const auto& [number, value] : subfields) {
    if (serbian && value.starts_with("SIF-")) {
      entry.paymentCode = std::string(trim(value.substr(4)));
    } else if (serbian && value.starts_with("PBZ-")) {
      entry.debitReference = parseIncomingReference(value.substr(4));
    } else if (serbian && value.starts_with("PBO-")) {
      entry.reference = parseIncomingReference(value.substr(4));
    } else if (number == 0) {
      appendText(entry.additionalInfo, value, "; ");  // posting text ("GUTSCHRIFT")
    } else if ((number >= 20 && number <= 29) || (number >= 60 && number <= 63)) {
      // Purpose is cut into 27-character pieces: a full piece goes on without a blank,
      // a shorter one ended where the writer ended it.
      if (!purpose.empty() && previousPurposeLength < 27 && !purpose.ends_with(' ') &&
          !value.starts_with(' ')) {
        purpose += ' ';
      }
      purpose += value;
      previousPurposeLength = characterCount(value);
    } else if (number == 30) {
      (serbian ? entry.counterparty.account : entry.counterparty.bic) = std::string(trim(value));
    } else if (number == 31) {
      entry.counterparty.account = std::string(trim(value));
    } else if (number == 32) {
      name += value;
    } else if (number == 33) {
      if (serbian) {
        entry.counterparty.place = std::string(trim(value));
      } else {
        name += value;
      }
    }
    // ?10 primanota, ?34 text key extension and others carry no field of ours.
  }
  if (serbian) {
    appendText(entry.purpose, purpose);
  } else {
    applyPurposeText(purpose, entry);
  }
  if (entry.counterparty.name.empty()) {
    entry.counterparty.name = std::string(trim(name));
  }
}

// --- Dutch /CODE/value/ structure --------------------------------------------------------

constexpr std::array<std::string_view, 33> kDutchCodes{
    "TRTP", "IBAN", "BIC",  "NAME", "REMI", "EREF", "MARF", "CSID",    "ORDP",      "BENM", "CNTP",
    "ISDT", "RTRN", "ADDR", "ID",   "PREF", "SVCL", "BBAN", "KREF",    "OCMT",      "CHGS", "EXCH",
    "ULTC", "ULTD", "PURP", "RTYP", "TRCD", "ACCW", "BUSP", "CDTRREF", "CDTRREFTP", "CD",   "ISSR"};

bool isDutchCode(std::string_view code) {
  return std::find(kDutchCodes.begin(), kDutchCodes.end(), code) != kDutchCodes.end();
}

/// Finds "/CODE/" with a known code at or after `from`.
std::pair<std::size_t, std::string_view> findDutchCode(std::string_view text, std::size_t from) {
  for (std::size_t i = text.find('/', from); i != std::string_view::npos; i = text.find('/', i + 1)) {
    const auto close = text.find('/', i + 1);
    if (close == std::string_view::npos) {
      break;
    }
    const auto code = text.substr(i + 1, close - i - 1);
    if (isDutchCode(code)) {
      return {i, code};
    }
  }
  return {std::string_view::npos, {}};
}

bool isDutchForm(std::string_view text) {
  return text.starts_with('/') && findDutchCode(text, 0).first == 0;
}

void applyDutch(std::string_view text, Entry& entry) {
  auto [at, code] = findDutchCode(text, 0);
  while (at != std::string_view::npos) {
    const auto valueStart = at + code.size() + 2;
    const auto [nextAt, nextCode] = findDutchCode(text, valueStart - 1);
    auto value =
        text.substr(valueStart, (nextAt == std::string_view::npos ? text.size() : nextAt) - valueStart);
    if (value.ends_with('/')) {
      value.remove_suffix(1);
    }
    value = trim(value);
    if (code == "IBAN" || (code == "BBAN" && entry.counterparty.account.empty())) {
      entry.counterparty.account = std::string(value);
    } else if (code == "BIC") {
      entry.counterparty.bic = std::string(value);
    } else if (code == "NAME") {
      if (entry.counterparty.name.empty()) {
        entry.counterparty.name = std::string(value);
      }
    } else if (code == "REMI") {
      auto remi = value;
      for (std::string_view prefix : {"USTD//", "USTD/", "STRD/CUR/", "STRD/ISO/", "STRD/"}) {
        if (remi.starts_with(prefix)) {
          remi.remove_prefix(prefix.size());
          break;
        }
      }
      appendText(entry.purpose, remi);
    } else if (code == "EREF") {
      if (value != "NOTPROVIDED") {
        entry.endToEndId = std::string(value);
      }
    } else if (code == "CNTP") {
      // account/BIC/name/place
      std::array<std::string_view, 4> parts{};
      std::size_t index = 0;
      std::size_t start = 0;
      while (index < parts.size()) {
        const auto slash = value.find('/', start);
        parts[index++] = value.substr(start, slash == std::string_view::npos ? slash : slash - start);
        if (slash == std::string_view::npos) {
          break;
        }
        start = slash + 1;
      }
      entry.counterparty.account = std::string(trim(parts[0]));
      entry.counterparty.bic = std::string(trim(parts[1]));
      entry.counterparty.name = std::string(trim(parts[2]));
      entry.counterparty.place = std::string(trim(parts[3]));
    } else if (code == "TRTP") {
      appendText(entry.additionalInfo, value, "; ");
    } else if (!value.empty() && code != "ORDP" && code != "BENM") {
      appendText(entry.additionalInfo, fmt::format("{}: {}", code, value), "; ");
    }
    at = nextAt;
    code = nextCode;
  }
}

}  // namespace

Result<Date> parseSwiftDate(std::string_view yymmdd) {
  if (yymmdd.size() != 6 || !allDigits(yymmdd)) {
    return malformed(fmt::format("'{}' is not a date (YYMMDD)", yymmdd));
  }
  const int yy = static_cast<int>(twoDigits(yymmdd.substr(0, 2)));
  auto date = makeDate(yy >= 80 ? 1900 + yy : 2000 + yy, twoDigits(yymmdd.substr(2, 2)),
                       twoDigits(yymmdd.substr(4, 2)));
  if (!date) {
    return malformed(fmt::format("'{}' is not a valid date", yymmdd));
  }
  return date.value();
}

Result<Money> parseSwiftAmount(std::string_view text, Currency currency) {
  const auto comma = text.find(',');
  if (comma == std::string_view::npos || comma == 0 || text.find(',', comma + 1) != std::string_view::npos) {
    return malformed(fmt::format("'{}' is not an amount (digits with a decimal comma)", text));
  }
  const auto whole = text.substr(0, comma);
  auto fraction = text.substr(comma + 1);
  if (!allDigits(whole) || (!fraction.empty() && !allDigits(fraction))) {
    return malformed(fmt::format("'{}' is not an amount (digits with a decimal comma)", text));
  }
  while (fraction.size() > static_cast<std::size_t>(currency.exponent()) && fraction.ends_with('0')) {
    fraction.remove_suffix(1);
  }
  const std::string machine = fraction.empty() ? std::string(whole) : fmt::format("{}.{}", whole, fraction);
  auto money = Money::parse(machine, currency);
  if (!money) {
    return malformed(fmt::format("amount '{}': {}", text, money.error().message));
  }
  return money.value();
}

Result<Balance> parseSwiftBalance(std::string_view value, BalanceType type) {
  value = trim(value);
  if (value.size() < 11 || (value[0] != 'C' && value[0] != 'D')) {
    return malformed(fmt::format("'{}' is not a balance (C or D, YYMMDD, currency, amount)", value));
  }
  BOOST_OUTCOME_TRY(date, parseSwiftDate(value.substr(1, 6)));
  auto currency = Currency::fromCode(value.substr(7, 3));
  if (!currency) {
    return malformed(fmt::format("'{}' is not a currency code", value.substr(7, 3)));
  }
  // Some banks (ABN AMRO's Moneyou, mBank) mark a negative amount with a trailing '-' too.
  auto amountText = trim(value.substr(10));
  bool trailingMinus = false;
  if (amountText.ends_with('-')) {
    trailingMinus = true;
    amountText = trim(amountText.substr(0, amountText.size() - 1));
  }
  BOOST_OUTCOME_TRY(amount, parseSwiftAmount(amountText, currency.value()));
  Balance balance;
  balance.type = type;
  balance.date = date;
  if ((value[0] == 'D') != trailingMinus) {
    BOOST_OUTCOME_TRY(negative, amount.negated());
    balance.amount = negative;
  } else {
    balance.amount = amount;
  }
  return balance;
}

AccountField parseAccountField(std::string_view value) {
  value = trim(value);
  AccountField field;
  auto account = value;
  // "NL.. EUR": account, blank, currency.
  if (const auto blank = account.rfind(' '); blank != std::string_view::npos) {
    const auto tail = trim(account.substr(blank + 1));
    if (tail.size() == 3 && std::all_of(tail.begin(), tail.end(), isUpper)) {
      if (auto currency = Currency::fromCode(tail)) {
        field.currency = currency.value();
        account = trim(account.substr(0, blank));
      }
    }
  }
  // ".../HUF": account, slash, currency.
  if (!field.currency && account.size() > 4 && account[account.size() - 4] == '/') {
    if (auto currency = Currency::fromCode(account.substr(account.size() - 3))) {
      field.currency = currency.value();
      account.remove_suffix(4);
    }
  }
  // "NL77INGB0574908765EUR": an IBAN with the currency glued on.
  if (!field.currency && account.size() > 18 && looksLikeIban(account) &&
      std::all_of(account.end() - 3, account.end(), isUpper)) {
    if (auto currency = Currency::fromCode(account.substr(account.size() - 3))) {
      field.currency = currency.value();
      account.remove_suffix(3);
    }
  }
  if (account.starts_with('/') && looksLikeIban(account.substr(1))) {
    account.remove_prefix(1);  // "/PL61…" (Polish banks)
  }
  field.account = std::string(account);
  if (looksLikeIban(account)) {
    field.iban = field.account;
  }
  return field;
}

Result<StatementLine> parseStatementLine(std::string_view line, const std::vector<std::string>& moreLines,
                                         Currency currency) {
  const std::string original(line);
  auto bad = [&](std::string_view why) {
    return malformed(fmt::format("statement line '{}': {}", original, why));
  };
  if (line.size() < 6) {
    return bad("too short");
  }
  StatementLine result{.valueDate = {},
                       .entryDate = {},
                       .amount = Money::zero(currency),
                       .reversal = false,
                       .fundsCode = {},
                       .transactionType = {},
                       .customerReference = {},
                       .bankReference = {},
                       .supplementaryDetails = {}};
  BOOST_OUTCOME_TRY(valueDate, parseSwiftDate(line.substr(0, 6)));
  result.valueDate = valueDate;
  line.remove_prefix(6);
  if (line.size() >= 4 && allDigits(line.substr(0, 4))) {
    const unsigned month = twoDigits(line.substr(0, 2));
    const unsigned day = twoDigits(line.substr(2, 2));
    // The entry date has no year: it is the value date's, except across New Year.
    int year = static_cast<int>(valueDate.year());
    const unsigned valueMonth = static_cast<unsigned>(valueDate.month());
    if (valueMonth == 12 && month == 1) {
      ++year;
    } else if (valueMonth == 1 && month == 12) {
      --year;
    }
    auto entryDate = makeDate(year, month, day);
    if (!entryDate) {
      return bad(fmt::format("entry date '{}' is not a valid date", line.substr(0, 4)));
    }
    result.entryDate = entryDate.value();
    line.remove_prefix(4);
  } else if (line.starts_with("    ")) {
    line.remove_prefix(4);  // an entry date left blank (ASN Bank)
  }
  bool debit = false;
  if (line.starts_with("RC") || line.starts_with("RD")) {
    result.reversal = true;
    debit = line[1] == 'C';  // reversing a credit takes money out
    line.remove_prefix(2);
  } else if (line.starts_with("EC") || line.starts_with("ED")) {
    debit = line[1] == 'D';
    line.remove_prefix(2);
  } else if (line.starts_with('C') || line.starts_with('D')) {
    debit = line[0] == 'D';
    line.remove_prefix(1);
  } else {
    return bad("the debit/credit mark (C, D, RC, RD) is missing");
  }
  if (!line.empty() && (isUpper(line[0]) || (line[0] >= 'a' && line[0] <= 'z'))) {
    result.fundsCode = std::string(line.substr(0, 1));
    line.remove_prefix(1);
  }
  std::size_t amountLength = 0;
  while (amountLength < line.size() && (isDigit(line[amountLength]) || line[amountLength] == ',')) {
    ++amountLength;
  }
  if (amountLength == 0) {
    return bad("the amount is missing");
  }
  BOOST_OUTCOME_TRY(amount, parseSwiftAmount(line.substr(0, amountLength), currency));
  if (debit) {
    BOOST_OUTCOME_TRY(negative, amount.negated());
    result.amount = negative;
  } else {
    result.amount = amount;
  }
  line.remove_prefix(amountLength);
  // Transaction type: N, F or S and three characters. Some banks (Penta) leave it out and
  // write the reference straight away; "NONREF" is then the reference, not type "NONR".
  // Zenith Bank leaves out both and goes straight to the bank's reference ("//1923…").
  const bool typeLeftOut = (line.starts_with("NONREF") && (line.size() == 6 || line.substr(6, 2) == "//")) ||
                           line.starts_with("//");
  if (!typeLeftOut && line.size() >= 4 && (line[0] == 'N' || line[0] == 'F' || line[0] == 'S') &&
      std::all_of(line.begin() + 1, line.begin() + 4, [](char c) { return isAlnum(c) || c == ' '; })) {
    result.transactionType = std::string(trim(line.substr(0, 4)));
    line.remove_prefix(4);
  } else if (!typeLeftOut && !line.empty()) {
    return bad(
        fmt::format("'{}' does not start with a transaction type (N, F or S and three characters)", line));
  }
  const auto slashes = line.find("//");
  result.customerReference = std::string(trim(line.substr(0, slashes)));
  if (slashes != std::string_view::npos) {
    result.bankReference = std::string(trim(line.substr(slashes + 2)));
  }
  for (const auto& more : moreLines) {
    appendText(result.supplementaryDetails, more);
  }
  return result;
}

void applyInformation(const std::vector<std::string>& lines, Entry& entry) {
  std::string joined;
  for (const auto& line : lines) {
    joined += line;
  }
  if (const auto code = trim(joined); code.size() == 3 && allDigits(code)) {
    entry.transactionCode = std::string(code);  // a transaction code and nothing more
  } else if (const auto start = subfieldStart(joined); start != std::string_view::npos) {
    applySubfields(joined, start, entry);
  } else if (isDutchForm(trim(joined))) {
    applyDutch(trim(joined), entry);
  } else {
    applyPurposeText(joinFreeText(lines), entry);
  }
}

}  // namespace platnik::banking::formats::detail
