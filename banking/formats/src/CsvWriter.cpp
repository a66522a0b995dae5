#include "CsvColumns.h"
#include "banking/Text.h"
#include "banking/formats/Csv.h"

#include <fmt/format.h>

namespace platnik::banking::formats {
namespace {

auto success() {
  return boost::outcome_v2::success();
}

char separatorOf(CsvStyle style) {
  return style == CsvStyle::Serbian ? ';' : ',';
}

/// RFC 4180: a field holding the separator, a quote or a line break is quoted, quotes doubled.
void appendField(std::string& row, std::string_view value, char separator) {
  if (value.find_first_of(std::string{separator, '"', '\r', '\n'}) == std::string_view::npos) {
    row += value;
    return;
  }
  row += '"';
  for (char c : value) {
    if (c == '"') {
      row += '"';
    }
    row += c;
  }
  row += '"';
}

std::string dateText(const std::optional<Date>& date, CsvStyle style) {
  if (!date) {
    return {};
  }
  return style == CsvStyle::Serbian ? toSerbianString(*date) : toIsoString(*date);
}

}  // namespace

std::span<const std::string_view> csvColumns() {
  return detail::kCsvColumnNames;
}

CsvWriter::CsvWriter(std::ostream& out, CsvOptions options) : m_out(out), m_options(options) {}

Result<void> CsvWriter::header() {
  if (m_headerWritten) {
    return success();
  }
  m_headerWritten = true;
  if (m_options.byteOrderMark) {
    m_out << "\xEF\xBB\xBF";
  }
  std::string row;
  for (std::size_t i = 0; i < detail::kCsvColumnNames.size(); ++i) {
    if (i > 0) {
      row += separatorOf(m_options.style);
    }
    row += detail::kCsvColumnNames[i];
  }
  m_out << row << "\r\n";
  return success();
}

Result<void> CsvWriter::begin(const StatementInfo& info) {
  m_info = info;
  return header();
}

Result<void> CsvWriter::entry(const Entry& entry) {
  const char separator = separatorOf(m_options.style);
  const CsvStyle style = m_options.style;
  std::array<std::string, detail::kCsvColumnCount> fields;
  fields[detail::kCsvAccount] = m_info.account;
  fields[detail::kCsvStatementNumber] = m_info.number;
  fields[detail::kCsvCurrency] = std::string(entry.amount.currency().code());
  fields[detail::kCsvBookingDate] = dateText(entry.bookingDate, style);
  fields[detail::kCsvValueDate] = dateText(entry.valueDate, style);
  fields[detail::kCsvAmount] =
      style == CsvStyle::Serbian ? entry.amount.toDisplay() : entry.amount.toString();
  fields[detail::kCsvCounterpartyName] = entry.counterparty.name;
  fields[detail::kCsvCounterpartyAccount] = entry.counterparty.account;
  fields[detail::kCsvCounterpartyPlace] = entry.counterparty.place;
  fields[detail::kCsvPurpose] = entry.purpose;
  fields[detail::kCsvPaymentCode] = entry.paymentCode;
  fields[detail::kCsvDebitModel] = entry.debitReference.model;
  fields[detail::kCsvDebitReference] = entry.debitReference.number;
  fields[detail::kCsvCreditModel] = entry.reference.model;
  fields[detail::kCsvCreditReference] = entry.reference.number;
  fields[detail::kCsvEndToEndId] = entry.endToEndId;
  fields[detail::kCsvBankReference] = entry.bankReference;
  fields[detail::kCsvTransactionCode] = entry.transactionCode;
  fields[detail::kCsvReversal] = entry.reversal ? "1" : "0";
  std::string row;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (!isValidUtf8(fields[i])) {
      return fail(Errc::InvalidArgument,
                  fmt::format("the {} is not valid UTF-8", detail::kCsvColumnNames[i]));
    }
    if (i > 0) {
      row += separator;
    }
    appendField(row, fields[i], separator);
  }
  m_out << row << "\r\n";
  if (!m_out) {
    return fail(Errc::Io, "the CSV file cannot be written");
  }
  return success();
}

Result<void> CsvWriter::end(const StatementInfo&) {
  return success();
}

Result<void> CsvWriter::finish() {
  BOOST_OUTCOME_TRYV(header());
  m_out.flush();
  if (!m_out) {
    return fail(Errc::Io, "the CSV file cannot be written");
  }
  return success();
}

Result<void> writeCsv(std::ostream& out, std::span<const Statement> statements, CsvOptions options) {
  CsvWriter writer(out, options);
  for (const Statement& statement : statements) {
    BOOST_OUTCOME_TRYV(writer.begin(statement.info));
    for (const Entry& entry : statement.entries) {
      BOOST_OUTCOME_TRYV(writer.entry(entry));
    }
    BOOST_OUTCOME_TRYV(writer.end(statement.info));
  }
  return writer.finish();
}

}  // namespace platnik::banking::formats
