#include "CsvColumns.h"
#include "HalcomLines.h"
#include "banking/Text.h"
#include "banking/formats/Csv.h"

#include <fmt/format.h>

namespace platnik::banking::formats {
namespace {

constexpr std::string_view kLabel = "Platnik CSV";
constexpr std::size_t kMaxRecord = 1 << 20;  // a row longer than a megabyte is not an entry

auto success() {
  return boost::outcome_v2::success();
}

/// Splits the file into RFC 4180 records (a quoted field may hold line breaks).
class CsvRecords {
 public:
  CsvRecords(std::istream& in, char separator, std::size_t linesRead)
      : m_in(in), m_separator(separator), m_line(linesRead) {}

  [[nodiscard]] std::size_t line() const { return m_firstLine; }

  /// The next record's fields; false at the end of the file.
  Result<bool> next(std::vector<std::string>& fields) {
    fields.clear();
    std::string field;
    bool inQuotes = false;
    bool quoted = false;
    bool started = false;
    std::size_t size = 0;
    while (true) {
      const detail::BoundedRead read = detail::readBounded(m_in, m_raw, '\n', detail::kMaxLineBytes);
      if (read == detail::BoundedRead::End) {
        break;
      }
      ++m_line;
      if (read == detail::BoundedRead::TooLong) {
        m_firstLine = m_line;
        return error("a line is longer than a megabyte");
      }
      if (!started) {
        m_firstLine = m_line;
        if (m_raw.empty() || m_raw == "\r") {
          continue;  // blank lines between records
        }
        started = true;
      }
      size += m_raw.size();
      if (size > kMaxRecord) {
        return error("a row is longer than a megabyte");
      }
      std::string_view text = m_raw;
      for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inQuotes) {
          if (c != '"') {
            field += c;
          } else if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            ++i;
          } else {
            inQuotes = false;
          }
          continue;
        }
        if (c == m_separator) {
          fields.push_back(std::move(field));
          field.clear();
          quoted = false;
        } else if (c == '\r' && i + 1 == text.size()) {
          // the CR of a CRLF line end
        } else if (c == '"' && field.empty() && !quoted) {
          inQuotes = true;
          quoted = true;
        } else if (quoted || c == '"') {
          return error(fmt::format("a quote in the middle of field {}", fields.size() + 1));
        } else {
          field += c;
        }
      }
      if (inQuotes) {
        field += '\n';  // a line break inside a quoted field
        continue;
      }
      fields.push_back(std::move(field));
      return true;
    }
    if (m_in.bad()) {
      return fail(Errc::Io, fmt::format("{}: the file cannot be read", kLabel));
    }
    if (inQuotes) {
      return error("the file ends inside a quoted field");
    }
    return false;
  }

  [[nodiscard]] Error error(std::string reason) const {
    return Error(Errc::MalformedFile, fmt::format("{}: {}", kLabel, reason),
                 fmt::format("line {}", m_firstLine));
  }

 private:
  std::istream& m_in;
  std::string m_raw;
  char m_separator = ',';
  std::size_t m_line = 0;
  std::size_t m_firstLine = 0;
};

}  // namespace

Result<void> readCsv(std::istream& in, StatementSink& sink) {
  // The header row tells the style: Platnik writes the same names with ';' or ','.
  std::string head;
  const detail::BoundedRead headRead = detail::readBounded(in, head, '\n', detail::kMaxLineBytes);
  if (headRead == detail::BoundedRead::End) {
    return fail(Errc::MalformedFile, fmt::format("{}: the file is empty", kLabel), "line 1");
  }
  if (headRead == detail::BoundedRead::TooLong) {
    return fail(Errc::MalformedFile, fmt::format("{}: the header row is not Platnik's", kLabel), "line 1");
  }
  if (head.starts_with("\xEF\xBB\xBF")) {
    head.erase(0, 3);
  }
  if (!head.empty() && head.back() == '\r') {
    head.pop_back();
  }
  const std::string_view first = detail::kCsvColumnNames[0];
  if (!head.starts_with(first) || head.size() <= first.size() ||
      (head[first.size()] != ';' && head[first.size()] != ',')) {
    return fail(Errc::MalformedFile, fmt::format("{}: the header row is not Platnik's", kLabel), "line 1");
  }
  const char separator = head[first.size()];
  const CsvStyle style = separator == ';' ? CsvStyle::Serbian : CsvStyle::Machine;
  std::vector<std::string_view> names;
  for (std::size_t start = 0;;) {
    const auto next = head.find(separator, start);
    names.push_back(
        std::string_view(head).substr(start, next == std::string::npos ? std::string::npos : next - start));
    if (next == std::string::npos) {
      break;
    }
    start = next + 1;
  }
  if (names.size() != detail::kCsvColumnCount) {
    return fail(Errc::MalformedFile,
                fmt::format("{}: the header row has {} columns; Platnik's CSV has {}", kLabel, names.size(),
                            detail::kCsvColumnCount),
                "line 1");
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] != detail::kCsvColumnNames[i]) {
      return fail(Errc::MalformedFile,
                  fmt::format("{}: column {} is '{}'; Platnik's CSV has '{}' there", kLabel, i + 1, names[i],
                              detail::kCsvColumnNames[i]),
                  "line 1");
    }
  }
  CsvRecords records(in, separator, 1);
  std::vector<std::string> fields;

  std::optional<StatementInfo> current;
  while (true) {
    BOOST_OUTCOME_TRY(more, records.next(fields));
    if (!more) {
      break;
    }
    if (fields.size() != detail::kCsvColumnCount) {
      return records.error(fmt::format("the row has {} fields; the header row has {}", fields.size(),
                                       detail::kCsvColumnCount));
    }
    const auto bad = [&](detail::CsvColumn column, std::string reason) {
      return Error(Errc::MalformedFile, fmt::format("{}: {}", kLabel, reason),
                   fmt::format("line {}, column {}", records.line(), detail::kCsvColumnNames[column]));
    };
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (!isValidUtf8(fields[i])) {
        return bad(static_cast<detail::CsvColumn>(i), "the text is not valid UTF-8");
      }
    }
    auto currency = Currency::fromCode(fields[detail::kCsvCurrency]);
    if (!currency) {
      return bad(detail::kCsvCurrency,
                 fmt::format("'{}' is not a currency code", fields[detail::kCsvCurrency]));
    }
    const auto date = [&](detail::CsvColumn column) -> Result<std::optional<Date>> {
      const std::string& text = fields[column];
      if (text.empty()) {
        return std::optional<Date>{};
      }
      auto parsed = style == CsvStyle::Serbian ? parseSerbianDate(text) : parseIsoDate(text);
      if (!parsed) {
        return bad(column, parsed.error().message);
      }
      return std::optional<Date>(parsed.value());
    };
    Entry entry;
    BOOST_OUTCOME_TRY(booking, date(detail::kCsvBookingDate));
    BOOST_OUTCOME_TRY(value, date(detail::kCsvValueDate));
    entry.bookingDate = booking;
    entry.valueDate = value;
    const std::string& amountText = fields[detail::kCsvAmount];
    auto amount = style == CsvStyle::Serbian ? Money::parseDisplay(amountText, currency.value())
                                             : Money::parse(amountText, currency.value());
    if (!amount) {
      return bad(detail::kCsvAmount, amount.error().message);
    }
    entry.amount = amount.value();
    entry.counterparty.name = fields[detail::kCsvCounterpartyName];
    entry.counterparty.account = fields[detail::kCsvCounterpartyAccount];
    entry.counterparty.place = fields[detail::kCsvCounterpartyPlace];
    entry.purpose = fields[detail::kCsvPurpose];
    entry.paymentCode = fields[detail::kCsvPaymentCode];
    entry.debitReference = Reference{fields[detail::kCsvDebitModel], fields[detail::kCsvDebitReference]};
    entry.reference = Reference{fields[detail::kCsvCreditModel], fields[detail::kCsvCreditReference]};
    entry.endToEndId = fields[detail::kCsvEndToEndId];
    entry.bankReference = fields[detail::kCsvBankReference];
    entry.transactionCode = fields[detail::kCsvTransactionCode];
    const std::string& reversal = fields[detail::kCsvReversal];
    if (reversal != "0" && reversal != "1") {
      return bad(detail::kCsvReversal, fmt::format("'{}' is neither 0 nor 1", reversal));
    }
    entry.reversal = reversal == "1";

    const std::string& account = fields[detail::kCsvAccount];
    const std::string& number = fields[detail::kCsvStatementNumber];
    if (current &&
        (current->account != account || current->number != number || current->currency != currency.value())) {
      BOOST_OUTCOME_TRYV(sink.end(*current));
      current.reset();
    }
    if (!current) {
      current = StatementInfo{};
      current->account = account;
      current->number = number;
      current->currency = currency.value();
      BOOST_OUTCOME_TRYV(sink.begin(*current));
    }
    BOOST_OUTCOME_TRYV(sink.entry(entry));
  }
  if (current) {
    BOOST_OUTCOME_TRYV(sink.end(*current));
  }
  return success();
}

Result<std::vector<Statement>> readCsv(std::istream& in) {
  StatementCollector collector;
  BOOST_OUTCOME_TRYV(readCsv(in, collector));
  return collector.take();
}

}  // namespace platnik::banking::formats
