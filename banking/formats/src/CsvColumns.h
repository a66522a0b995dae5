#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace platnik::banking::formats::detail {

/// The columns of Platnik's CSV, in order (docs/formats.md, "CSV").
enum CsvColumn : std::size_t {
  kCsvBookingDate,
  kCsvValueDate,
  kCsvAmount,
  kCsvCurrency,
  kCsvCounterpartyName,
  kCsvCounterpartyAccount,
  kCsvCounterpartyPlace,
  kCsvPurpose,
  kCsvPaymentCode,
  kCsvDebitModel,
  kCsvDebitReference,
  kCsvCreditModel,
  kCsvCreditReference,
  kCsvEndToEndId,
  kCsvBankReference,
  kCsvTransactionCode,
  kCsvReversal,
  kCsvAccount,
  kCsvStatementNumber,
  kCsvColumnCount,
};

/// booking_date comes first: format detection knows Platnik's CSV by it.
inline constexpr std::array<std::string_view, kCsvColumnCount> kCsvColumnNames{
    "booking_date",         "value_date",         "amount",           "currency",         "counterparty_name",
    "counterparty_account", "counterparty_place", "purpose",          "payment_code",     "debit_model",
    "debit_reference",      "credit_model",       "credit_reference", "end_to_end_id",    "bank_reference",
    "transaction_code",     "reversal",           "account",          "statement_number",
};

}  // namespace platnik::banking::formats::detail
