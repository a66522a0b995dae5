// The Halcom foreign-currency statement: tag-based pseudo-XML (<CLIENTPROFILE>, then per
// statement <KONTO> and its entries <PPTPROMET>). Not in any published spec; the meaning of the
// tags is inferred from the real file (see docs/formats.md, "Halcom foreign-currency form").

#include "HalcomLines.h"
#include "HalcomReaders.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

namespace platnik::banking::formats::detail {
namespace {

constexpr std::string_view kLabel = "Halcom foreign-currency statement";
constexpr std::size_t kMaxChunk = 1 << 20;  // no tag or value is anywhere near a megabyte
constexpr std::size_t kMaxFields = 1000;    // fields in one record

/// Without blanks, line breaks and the 0x1A end-of-file mark around it.
std::string_view trimSpace(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\x1A";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) {
    return {};
  }
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

class ForeignReader {
 public:
  ForeignReader(std::istream& in, StatementSink& sink) : m_in(in), m_sink(sink) {}

  Result<void> run() {
    std::string chunk;
    bool first = true;
    while (true) {
      const BoundedRead read = readBounded(m_in, chunk, '<', kMaxChunk);
      if (read == BoundedRead::End) {
        break;
      }
      const std::size_t chunkLine = m_line;
      if (read == BoundedRead::TooLong) {
        return error(chunkLine, "a tag or value is longer than a megabyte");
      }
      m_line += static_cast<std::size_t>(std::count(chunk.begin(), chunk.end(), '\n'));
      if (first) {  // what precedes the first tag: only blanks, a byte order mark or 0x1A
        first = false;
        std::string_view lead = chunk;
        if (lead.starts_with("\xEF\xBB\xBF")) {
          lead.remove_prefix(3);
        }
        if (!trimSpace(lead).empty()) {
          return error(chunkLine, "the file does not start with a tag");
        }
        continue;
      }
      BOOST_OUTCOME_TRYV(token(chunk, chunkLine));
    }
    if (m_in.bad()) {
      return fail(Errc::Io, fmt::format("{}: the file cannot be read", kLabel));
    }
    if (!m_record.empty()) {
      return error(m_line, fmt::format("the file ends inside <{}>", m_record));
    }
    if (!m_current) {
      return fail(Errc::MalformedFile, fmt::format("{}: the file holds no statement (<KONTO>)", kLabel));
    }
    return m_sink.end(*m_current);
  }

 private:
  [[nodiscard]] Error error(std::size_t line, std::string reason, std::string_view tag = {}) const {
    std::string where = fmt::format("line {}", line);
    if (!tag.empty()) {
      where += fmt::format(", <{}>", tag);
    }
    return Error(Errc::MalformedFile, fmt::format("{}: {}", kLabel, reason), std::move(where));
  }

  Result<std::string> decode(std::string_view text, std::size_t line) {
    auto converted = m_decoder.decode(text);
    if (!converted) {
      return error(line, converted.error().message);
    }
    return std::move(converted).value();
  }

  Result<void> token(std::string_view chunk, std::size_t line) {
    const auto close = chunk.find('>');
    if (close == std::string_view::npos) {
      return error(line, "a '<' is not followed by a tag name and '>'");
    }
    const bool closing = chunk.front() == '/';
    const std::string name(chunk.substr(closing ? 1 : 0, close - (closing ? 1 : 0)));
    const std::string_view rest = chunk.substr(close + 1);
    if (name.empty() || name.find_first_of(" \t\r\n/") != std::string::npos) {
      return error(line, fmt::format("'<{}' is not a tag", chunk.substr(0, close + 1)));
    }
    if (!closing) {
      if (m_record.empty()) {
        if (!trimSpace(rest).empty()) {
          return error(line, "text between records", name);
        }
        m_record = name;
        m_fields.clear();
        return boost::outcome_v2::success();
      }
      if (!m_field.empty()) {
        return error(line, fmt::format("<{}> opens inside <{}>", name, m_field), m_record);
      }
      if (m_fields.size() >= kMaxFields) {
        return error(line, "too many fields in one record", m_record);
      }
      m_field = name;
      m_fieldLine = line;
      BOOST_OUTCOME_TRY(value, decode(rest, line));
      m_value = std::move(value);
      return boost::outcome_v2::success();
    }
    if (!trimSpace(rest).empty()) {  // text after a closing tag belongs to no field
      return error(line, fmt::format("text after </{}>", name), m_record);
    }
    if (!m_field.empty()) {
      if (name != m_field) {
        return error(line, fmt::format("</{}> closes <{}>", name, m_field), m_record);
      }
      m_fields[m_field] = {std::string(trimSpace(m_value)), m_fieldLine};
      m_field.clear();
      return boost::outcome_v2::success();
    }
    if (name != m_record) {
      return error(line, fmt::format("</{}> closes <{}>", name, m_record.empty() ? "nothing" : m_record));
    }
    BOOST_OUTCOME_TRYV(record(line));
    m_record.clear();
    return boost::outcome_v2::success();
  }

  [[nodiscard]] std::string value(const std::string& tag) const {
    const auto found = m_fields.find(tag);
    return found == m_fields.end() ? std::string{} : found->second.text;
  }

  [[nodiscard]] std::size_t lineOf(const std::string& tag, std::size_t fallback) const {
    const auto found = m_fields.find(tag);
    return found == m_fields.end() ? fallback : found->second.line;
  }

  Result<std::string> required(const std::string& tag, std::size_t line) const {
    std::string text = value(tag);
    if (text.empty()) {
      return error(line, fmt::format("<{}> is missing or empty", tag), m_record);
    }
    return text;
  }

  Result<std::optional<Date>> date(const std::string& tag, std::size_t line) const {
    const std::string text = value(tag);
    if (text.empty()) {
      return std::optional<Date>{};
    }
    auto parsed = parseSerbianDate(text);
    if (!parsed) {
      return error(lineOf(tag, line), fmt::format("'{}' is not a date of the form DD.MM.YYYY", text), tag);
    }
    return std::optional<Date>(parsed.value());
  }

  Result<Money> amount(const std::string& tag, Currency currency, std::size_t line) const {
    BOOST_OUTCOME_TRY(text, required(tag, line));
    auto parsed = Money::parseDisplay(text, currency);
    if (!parsed) {
      return error(lineOf(tag, line), fmt::format("'{}' is not an amount of the form 1.234,56", text), tag);
    }
    return parsed.value();
  }

  Result<void> record(std::size_t line) {
    if (m_record == "CLIENTPROFILE") {
      m_ownerName = value("CNM");
      return boost::outcome_v2::success();
    }
    if (m_record == "KONTO") {
      return statement(line);
    }
    if (m_record == "PPTPROMET") {
      return entry(line);
    }
    return boost::outcome_v2::success();  // records that carry nothing for a statement
  }

  Result<Currency> currency(std::size_t line) const {
    BOOST_OUTCOME_TRY(code, required("OV", line));
    auto parsed = Currency::fromCode(code);
    if (!parsed) {
      return error(lineOf("OV", line), fmt::format("'{}' is not a currency code", code), "OV");
    }
    return parsed.value();
  }

  Result<void> statement(std::size_t line) {
    if (m_current) {
      BOOST_OUTCOME_TRYV(m_sink.end(*m_current));
      m_current.reset();
    }
    StatementInfo info;
    BOOST_OUTCOME_TRY(account, required("STK", line));
    info.account = account;
    info.iban = ibanOf(account);
    BOOST_OUTCOME_TRY(cur, currency(line));
    info.currency = cur;
    info.number = value("STI");
    info.ownerName = m_ownerName;
    BOOST_OUTCOME_TRY(processing, date("DO", line));
    info.date = processing;
    BOOST_OUTCOME_TRY(previousDate, date("DPI", line));
    // AMM is the balance before the statement, PST the balance after it (the reading under
    // which the real file's entries add up; see docs/formats.md).
    BOOST_OUTCOME_TRY(opening, amount("AMM", cur, line));
    BOOST_OUTCOME_TRY(closing, amount("PST", cur, line));
    info.opening = Balance{BalanceType::Opening, opening, previousDate};
    info.closing = Balance{BalanceType::Closing, closing, processing};
    m_current = info;
    return m_sink.begin(info);
  }

  Result<void> entry(std::size_t line) {
    if (!m_current) {
      return error(line, "an entry (<PPTPROMET>) comes before its statement (<KONTO>)");
    }
    const std::string account = value("SK");
    if (!account.empty() && accountDigits(account) != accountDigits(m_current->account)) {
      return error(lineOf("SK", line),
                   fmt::format("the entry's account {} is not the statement's account {}", account,
                               m_current->account),
                   "SK");
    }
    const std::string code = value("OV");
    if (!code.empty() && code != m_current->currency->code()) {
      return error(
          lineOf("OV", line),
          fmt::format("the entry's currency {} is not the statement's {}", code, m_current->currency->code()),
          "OV");
    }
    Entry e;
    BOOST_OUTCOME_TRY(money, amount("VBD", *m_current->currency, line));
    const std::string side = value("IDB");
    if (side == "1") {  // debit ("breme"), as posting code 10 of the fixed-width form
      BOOST_OUTCOME_TRY(negated, money.negated());
      e.amount = negated;
    } else if (side == "2") {  // credit ("dobro"), as posting code 20
      e.amount = money;
    } else {
      return error(lineOf("IDB", line), fmt::format("the debit/credit mark '{}' is neither 1 nor 2", side),
                   "IDB");
    }
    e.transactionCode = side;
    BOOST_OUTCOME_TRY(booking, date("DOB", line));
    e.bookingDate = booking ? booking : m_current->date;
    BOOST_OUTCOME_TRY(valueDate, date("DOV", line));
    e.valueDate = valueDate;
    e.purpose = value("OZK");
    e.counterparty.name = value("NPO");
    e.bankReference = value("INS");
    e.additionalInfo = value("COMMENT");
    return m_sink.entry(e);
  }

  struct Field {
    std::string text;
    std::size_t line = 0;
  };

  std::istream& m_in;
  StatementSink& m_sink;
  std::size_t m_line = 1;
  TextDecoder m_decoder;
  std::string m_record;
  std::map<std::string, Field> m_fields;
  std::string m_field;
  std::size_t m_fieldLine = 0;
  std::string m_value;
  std::string m_ownerName;
  std::optional<StatementInfo> m_current;
};

}  // namespace

Result<void> readHalcomForeign(std::istream& in, StatementSink& sink) {
  ForeignReader reader(in, sink);
  return reader.run();
}

}  // namespace platnik::banking::formats::detail
