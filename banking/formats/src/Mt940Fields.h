#pragma once

// Parsers for the values of single SWIFT MT940/MT942 fields. Each takes the text after the
// tag (continuation lines already joined where the field allows them) and fails with
// Errc::MalformedFile and a reason; the reader adds the position.

#include "banking/Currency.h"
#include "banking/Date.h"
#include "banking/Error.h"
#include "banking/Money.h"
#include "banking/Statement.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace platnik::banking::formats::detail {

/// "YYMMDD" (years 80..99 are 19YY, the rest 20YY); Feb 30 and the like fail.
Result<Date> parseSwiftDate(std::string_view yymmdd);

/// A SWIFT amount: digits with a decimal comma ("1200,00", "2,", "0,3", "35122,"). Decimals
/// beyond the currency's that are zeros are dropped; others fail (never rounded).
Result<Money> parseSwiftAmount(std::string_view text, Currency currency);

/// :60F:/:60M:/:62F:/:62M:/:64:/:65: — "C160229EUR1200,00".
Result<Balance> parseSwiftBalance(std::string_view value, BalanceType type);

/// :25: — "IBAN", "IBAN CCY", "IBANCCY", "bank/account", "BIC/account/CCY".
struct AccountField {
  std::string account;
  std::string iban;
  std::optional<Currency> currency;
};
AccountField parseAccountField(std::string_view value);

/// :61: — the first line and the supplementary-details lines that follow it.
struct StatementLine {
  Date valueDate;
  std::optional<Date> entryDate;
  Money amount;  ///< signed: negative for debits and reversed credits
  bool reversal = false;
  std::string fundsCode;
  std::string transactionType;  ///< "NTRF", "N024", empty when the bank leaves it out
  std::string customerReference;
  std::string bankReference;
  std::string supplementaryDetails;
};
Result<StatementLine> parseStatementLine(std::string_view firstLine,
                                         const std::vector<std::string>& moreLines, Currency currency);

/// :86: — applies one field's lines (German ?NN and other separator styles, Dutch /CODE/,
/// Serbian ?20 ?21SIF- ?22PBZ- ?23PBO- ?30 ?32 ?33, free text) to the entry it describes.
void applyInformation(const std::vector<std::string>& lines, Entry& entry);

/// The number of characters of a :86: field's lines that the reader accepts.
inline constexpr std::size_t kMaxInformationLength = 7 * 65;

}  // namespace platnik::banking::formats::detail
