// SWIFT MT940 (customer statement) and MT942 (interim transaction report), streaming.
//
// The file is read line by line. A field starts at a line that begins with a known tag
// (":20:", ":61:", ":NS:", …); other lines continue the field before them, even when they
// begin with ':' (":08 Karten" inside :86:). A line that has a tag's shape but an unknown
// number (":12:") is an error rather than text, so a damaged file is not read as a good one.
// Each message (":20:" up to "-", "-}", the next envelope, the next ":20:" or the end) streams
// into the sink: the statement begins at its first line (:61:), each line is delivered once its
// information (:86:) is complete, and the statement ends at its closing balance. Only one
// entry is held in memory, whatever the size of the statement. A file that turns out bad
// fails the read; by the StatementSink contract the caller then discards what it received
// (the storage layer imports inside one transaction).

#include "Mt940Fields.h"
#include "Readers.h"
#include "SwiftLineReader.h"
#include "banking/Text.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace platnik::banking::formats::detail {
namespace {

/// Where a tag may stand in a message: tags must come in non-decreasing rank.
enum class Rank {
  Reference = 0,     // :20:
  Related = 1,       // :21:
  Account = 2,       // :25:
  Number = 3,        // :28C: / :28:
  Opening = 4,       // :60F: / :60M: (MT940), :34F: (MT942)
  DateTime = 5,      // :13D: (MT942)
  Lines = 6,         // :61: and its :86:
  Sums = 7,          // :90D: / :90C: (MT942)
  Closing = 8,       // :62F: / :62M:
  Available = 9,     // :64:
  Forward = 10,      // :65:
  Information = 11,  // :86: for the whole statement, after the balances
};

struct TagInfo {
  std::string_view tag;
  Rank rank;
  bool repeatable;
};

constexpr std::array<TagInfo, 19> kTags{{
    {"20", Rank::Reference, false}, {"21", Rank::Related, false},   {"25", Rank::Account, false},
    {"28C", Rank::Number, false},   {"28", Rank::Number, false},    {"60F", Rank::Opening, false},
    {"60M", Rank::Opening, false},  {"34F", Rank::Opening, true},   {"13D", Rank::DateTime, false},
    {"13", Rank::DateTime, false},  {"61", Rank::Lines, true},      {"86", Rank::Lines, true},
    {"90D", Rank::Sums, true},      {"90C", Rank::Sums, true},      {"62F", Rank::Closing, false},
    {"62M", Rank::Closing, false},  {"64", Rank::Available, false}, {"65", Rank::Forward, true},
    {"NS", Rank::Lines, true},
}};

const TagInfo* findTag(std::string_view tag) {
  for (const auto& info : kTags) {
    if (info.tag == tag) {
      return &info;
    }
  }
  return nullptr;
}

/// ":61:…" -> "61" when the line has a tag's shape (":" two digits, optional letter, ":"
/// or ":NS:"); empty otherwise.
std::string_view tagShape(std::string_view line) {
  if (line.size() < 4 || line[0] != ':') {
    return {};
  }
  if (line.starts_with(":NS:")) {
    return line.substr(1, 2);
  }
  const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
  if (!isDigit(line[1]) || !isDigit(line[2])) {
    return {};
  }
  if (line[3] == ':') {
    return line.substr(1, 2);
  }
  if (line.size() >= 5 && line[3] >= 'A' && line[3] <= 'Z' && line[4] == ':') {
    return line.substr(1, 3);
  }
  return {};
}

/// A field being collected: its tag, the line it started on, its lines (tag removed).
struct Field {
  const TagInfo* info = nullptr;
  std::size_t line = 0;
  std::vector<std::string> lines;
};

/// One message, streamed into the sink as it is read.
class Message {
 public:
  Message(Format format, std::size_t startLine, StatementSink& sink)
      : m_format(format), m_startLine(startLine), m_sink(sink) {}

  Result<void> add(Field field) {
    const auto where = fmt::format("line {}", field.line);
    const auto& tag = field.info->tag;
    // A :86: after the balances speaks about the whole statement.
    const Rank rank = tag == "86" && m_rank && *m_rank > Rank::Lines ? Rank::Information : field.info->rank;
    if (m_rank && (rank < *m_rank || (rank == *m_rank && !field.info->repeatable))) {
      return fail(Errc::MalformedFile, fmt::format("tag :{}: is out of order (after :{}:)", tag, m_lastTag),
                  where);
    }
    std::string value;
    for (const auto& line : field.lines) {
      value += line;
    }
    if (tag == "86") {
      std::size_t length = 0;
      for (const auto& line : field.lines) {
        length += characterCount(line);
      }
      if (length > kMaxInformationLength) {
        return fail(Errc::MalformedFile,
                    fmt::format("information to account owner (:86:) is {} characters long; at most {} are "
                                "accepted",
                                length, kMaxInformationLength),
                    where);
      }
      if (m_lastTag == "61" || (m_lastTag == "86" && m_lastWasEntryInfo)) {
        applyInformation(field.lines, *m_pending);
        m_lastWasEntryInfo = true;
      } else {
        m_lastWasEntryInfo = false;  // about the statement, not an entry: nothing of ours
      }
    } else if (tag == "NS") {
      // proprietary: carries nothing we map, and does not change what :86: belongs to
      return boost::outcome_v2::success();
    } else {
      BOOST_OUTCOME_TRYV(addValue(*field.info, value, field.lines, where));
    }
    m_rank = rank;
    m_lastTag = tag;
    return boost::outcome_v2::success();
  }

  /// Whether the statement has what ends it (MT940: the closing balance).
  [[nodiscard]] bool complete() const { return m_format == Format::Mt942 || m_info.closing.has_value(); }

  /// Checks the message is complete and delivers the rest of it.
  Result<void> deliver(std::size_t endLine) {
    const auto where = fmt::format("line {}", endLine);
    if (!m_haveAccount) {
      return fail(Errc::MalformedFile,
                  fmt::format("the message starting on line {} has no account (:25:)", m_startLine), where);
    }
    if (m_format == Format::Mt940) {
      if (!m_info.opening) {
        return fail(
            Errc::MalformedFile,
            fmt::format("the message starting on line {} has no opening balance (:60F:)", m_startLine),
            where);
      }
      if (!m_info.closing) {
        return fail(Errc::MalformedFile,
                    fmt::format("the message starting on line {} ends without a closing balance (:62F:)",
                                m_startLine),
                    where);
      }
    } else if (!m_info.currency) {
      return fail(Errc::MalformedFile,
                  fmt::format("the message starting on line {} has no floor limit (:34F:)", m_startLine),
                  where);
    }
    BOOST_OUTCOME_TRYV(flushPending());
    BOOST_OUTCOME_TRYV(beginOnce());
    return m_sink.end(m_info);
  }

 private:
  /// Begins the statement in the sink with what is known before its lines.
  Result<void> beginOnce() {
    if (m_begun) {
      return boost::outcome_v2::success();
    }
    StatementInfo begin = m_info;
    begin.closing.reset();
    begin.otherBalances.clear();
    m_begun = true;
    return m_sink.begin(begin);
  }

  /// Delivers the line read last, now that nothing more can belong to it.
  Result<void> flushPending() {
    if (!m_pending) {
      return boost::outcome_v2::success();
    }
    BOOST_OUTCOME_TRYV(beginOnce());
    BOOST_OUTCOME_TRYV(m_sink.entry(*m_pending));
    m_pending.reset();
    return boost::outcome_v2::success();
  }

  Result<void> addValue(const TagInfo& info, const std::string& value, const std::vector<std::string>& lines,
                        const std::string& where) {
    const auto& tag = info.tag;
    auto wrap = [&](Result<void> r) -> Result<void> {
      if (!r) {
        return fail(Errc::MalformedFile, fmt::format(":{}: {}", tag, r.error().message), where);
      }
      return boost::outcome_v2::success();
    };
    if (tag == "20") {
      m_info.messageId = trimmed(value);
    } else if (tag == "25") {
      auto account = parseAccountField(value);
      m_info.account = std::move(account.account);
      m_info.iban = std::move(account.iban);
      if (account.currency) {
        m_info.currency = account.currency;
      }
      m_haveAccount = true;
    } else if (tag == "28C" || tag == "28") {
      m_info.number = trimmed(value);
    } else if (tag == "60F" || tag == "60M" || tag == "62F" || tag == "62M" || tag == "64" || tag == "65") {
      const auto type = tag == "60F"   ? BalanceType::Opening
                        : tag == "60M" ? BalanceType::InterimOpening
                        : tag == "62F" ? BalanceType::Closing
                        : tag == "62M" ? BalanceType::InterimClosing
                        : tag == "64"  ? BalanceType::ClosingAvailable
                                       : BalanceType::ForwardAvailable;
      auto balance = parseSwiftBalance(value, type);
      if (!balance) {
        return wrap(balance.error());
      }
      if (type == BalanceType::Opening || type == BalanceType::InterimOpening) {
        m_info.opening = balance.value();
        m_info.currency = balance.value().amount.currency();
      } else if (type == BalanceType::Closing || type == BalanceType::InterimClosing) {
        m_info.closing = balance.value();
        m_info.date = balance.value().date;
      } else {
        m_info.otherBalances.push_back(balance.value());
      }
    } else if (tag == "34F") {
      // Floor limit: currency, optional D/C, amount. It fixes the report's currency.
      if (value.size() < 4) {
        return wrap(fail(Errc::MalformedFile, fmt::format("'{}' is not a floor limit", value)));
      }
      auto currency = Currency::fromCode(std::string_view(value).substr(0, 3));
      if (!currency) {
        return wrap(
            fail(Errc::MalformedFile, fmt::format("'{}' is not a currency code", value.substr(0, 3))));
      }
      auto amountText = std::string_view(value).substr(3);
      if (amountText.starts_with('D') || amountText.starts_with('C')) {
        amountText.remove_prefix(1);
      }
      auto amount = parseSwiftAmount(amountText, currency.value());
      if (!amount) {
        return wrap(amount.error());
      }
      m_info.currency = currency.value();
    } else if (tag == "13D" || tag == "13") {
      // Date and time of the report: YYMMDDhhmm[+-hhmm].
      auto date = parseSwiftDate(std::string_view(value).substr(0, std::min<std::size_t>(6, value.size())));
      if (!date) {
        return wrap(date.error());
      }
      m_info.date = date.value();
    } else if (tag == "90D" || tag == "90C") {
      // Number and sum of entries: digits, currency, amount.
      const auto digits = value.find_first_not_of("0123456789");
      if (digits == std::string::npos || value.size() < digits + 4) {
        return wrap(fail(Errc::MalformedFile, fmt::format("'{}' is not a number and sum of entries", value)));
      }
      auto currency = Currency::fromCode(std::string_view(value).substr(digits, 3));
      if (!currency) {
        return wrap(
            fail(Errc::MalformedFile, fmt::format("'{}' is not a currency code", value.substr(digits, 3))));
      }
      auto amount = parseSwiftAmount(std::string_view(value).substr(digits + 3), currency.value());
      if (!amount) {
        return wrap(amount.error());
      }
    } else if (tag == "61") {
      if (!m_haveAccount || !m_info.currency || (m_format == Format::Mt940 && !m_info.opening)) {
        return fail(Errc::MalformedFile,
                    m_format == Format::Mt940
                        ? "a statement line (:61:) before the account (:25:) and opening balance (:60F:)"
                        : "a statement line (:61:) before the account (:25:) and floor limit (:34F:)",
                    where);
      }
      const std::vector<std::string> more(lines.begin() + 1, lines.end());
      auto line = parseStatementLine(lines.front(), more, *m_info.currency);
      if (!line) {
        return wrap(line.error());
      }
      auto& parsed = line.value();
      Entry entry;
      entry.valueDate = parsed.valueDate;
      // Without an entry date, SWIFT's rule is that the entry was booked on the value date.
      entry.bookingDate = parsed.entryDate.value_or(parsed.valueDate);
      entry.amount = parsed.amount;
      entry.reversal = parsed.reversal;
      entry.transactionCode = parsed.transactionType;
      entry.bankReference = parsed.bankReference;
      if (parsed.customerReference != "NONREF") {
        entry.endToEndId = parsed.customerReference;
      }
      entry.additionalInfo = parsed.supplementaryDetails;
      BOOST_OUTCOME_TRYV(flushPending());
      m_pending = std::move(entry);
      m_lastWasEntryInfo = false;
    }
    // :21: (related reference) carries nothing we keep.
    return boost::outcome_v2::success();
  }

  static std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(' ');
    if (first == std::string_view::npos) {
      return {};
    }
    return std::string(text.substr(first, text.find_last_not_of(' ') - first + 1));
  }

  Format m_format;
  std::size_t m_startLine;
  StatementInfo m_info;
  bool m_haveAccount = false;
  std::optional<Rank> m_rank;
  std::string_view m_lastTag = "20";
  bool m_lastWasEntryInfo = false;
  StatementSink& m_sink;
  bool m_begun = false;
  std::optional<Entry> m_pending;  ///< the line read last, waiting for its :86:
};

/// "-}" always ends a message; a bare "-" (or Van Lanschot's "-XXX") only once the statement
/// is complete or outside free text, since wrapped :86: text can put a lone "-" on a line.
bool endsMessage(std::string_view line, bool complete, bool inFreeText) {
  const auto first = line.find_first_not_of(' ');
  line.remove_prefix(first == std::string_view::npos ? line.size() : first);
  if (line.starts_with("-}")) {
    return true;
  }
  return (line == "-" || line == "-XXX") && (complete || !inFreeText);
}

}  // namespace

Result<void> readMt940(std::istream& in, StatementSink& sink, Format format) {
  SwiftLineReader reader(in);
  std::optional<Message> message;
  std::optional<Field> field;
  std::size_t messages = 0;
  std::size_t lastLine = 0;

  // A field is closed when the next one starts, a message when its end is seen.
  auto closeField = [&]() -> Result<void> {
    if (field && message) {
      BOOST_OUTCOME_TRYV(message->add(std::move(*field)));
    }
    field.reset();
    return boost::outcome_v2::success();
  };
  auto closeMessage = [&](std::size_t line) -> Result<void> {
    BOOST_OUTCOME_TRYV(closeField());
    if (message) {
      BOOST_OUTCOME_TRYV(message->deliver(line));
      ++messages;
    }
    message.reset();
    return boost::outcome_v2::success();
  };

  while (true) {
    BOOST_OUTCOME_TRY(next, reader.next());
    if (!next) {
      break;
    }
    std::string& line = *next;
    const auto number = reader.lineNumber();
    lastLine = number;
    const auto where = fmt::format("line {}", number);
    const std::string_view view(line);

    if (view.find_first_not_of(" \t") == std::string_view::npos) {
      continue;  // blank lines carry nothing, inside a message or between messages
    }
    const bool inFreeText = field && (field->info->tag == "86" || field->info->tag == "61");
    if (message && endsMessage(view, message->complete(), inFreeText)) {
      BOOST_OUTCOME_TRYV(closeMessage(number));
      continue;
    }
    // "{1:…}{2:…}{4:" starts an envelope; "{5:…}" or "}" after "-" closes one.
    if (view.starts_with('{') || view.starts_with('}')) {
      BOOST_OUTCOME_TRYV(closeMessage(number));
      continue;
    }
    const auto shape = tagShape(view);
    if (shape.empty()) {
      if (field) {
        field->lines.emplace_back(line);
      } else if (view.starts_with(':')) {
        return fail(Errc::MalformedFile, fmt::format("'{}' is not a SWIFT field tag", view.substr(0, 8)),
                    where);
      }
      continue;  // a preamble line before the first :20: ("940", "BUNQNL2A", …)
    }
    const TagInfo* info = findTag(shape);
    if (!info) {
      return fail(Errc::MalformedFile, fmt::format("unknown tag :{}:", shape), where);
    }
    if (info->tag == "20") {
      BOOST_OUTCOME_TRYV(closeMessage(number));
      message.emplace(format, number, sink);
    } else if (!message) {
      return fail(Errc::MalformedFile,
                  fmt::format("tag :{}: before the start of a message (:20:)", info->tag), where);
    }
    BOOST_OUTCOME_TRYV(closeField());
    field = Field{info, number, {line.substr(shape.size() + 2)}};
  }
  BOOST_OUTCOME_TRYV(closeMessage(lastLine));
  if (messages == 0) {
    return fail(Errc::MalformedFile,
                fmt::format("no {} message found (a message starts with :20:)",
                            format == Format::Mt942 ? "MT942" : "MT940"),
                fmt::format("line {}", lastLine));
  }
  return boost::outcome_v2::success();
}

}  // namespace platnik::banking::formats::detail
