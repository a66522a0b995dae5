#pragma once

#include "banking/Date.h"
#include "banking/Money.h"
#include "banking/Reference.h"

#include <optional>
#include <string>
#include <vector>

namespace platnik::banking {

/// The other side of an entry, as the bank reports it (an account may be a domestic
/// 18-digit number, an IBAN, or anything a foreign bank sends).
struct Counterparty {
  std::string name;
  std::string account;
  std::string place;
  std::string bic;

  friend bool operator==(const Counterparty&, const Counterparty&) = default;
};

enum class BalanceType {
  Opening,           ///< OPBD, :60F:, previous statement's closing balance
  Closing,           ///< CLBD, :62F:
  InterimOpening,    ///< :60M:, ITBD at the start
  InterimClosing,    ///< :62M:, ITBD at the end
  ClosingAvailable,  ///< CLAV, :64:
  ForwardAvailable,  ///< FWAV, :65:
  Other,
};

struct Balance {
  BalanceType type = BalanceType::Other;
  Money amount = Money::zero(Currency::rsd());
  std::optional<Date> date;

  friend bool operator==(const Balance&, const Balance&) = default;
};

/// One booked line of a statement. Amounts are signed: negative for a debit.
struct Entry {
  std::optional<Date> bookingDate;
  std::optional<Date> valueDate;
  Money amount = Money::zero(Currency::rsd());
  Counterparty counterparty;
  std::string purpose;
  std::string paymentCode;
  Reference reference;       ///< the credit-side ("odobrenja") or creditor reference
  Reference debitReference;  ///< the debit-side ("zaduženja") reference, where a format has it
  std::string endToEndId;
  std::string bankReference;            ///< AcctSvcrRef, "broj za reklamaciju", fitid, …
  std::string transactionCode;          ///< bank transaction code, GVC, Halcom posting code
  bool reversal = false;                ///< storno / RC / RD / RvslInd
  std::optional<Money> originalAmount;  ///< instructed amount in another currency
  std::string exchangeRate;             ///< as the bank wrote it ("117.1735")
  std::optional<Money> charges;
  std::string returnReason;    ///< ISO reason code of a return
  std::string additionalInfo;  ///< anything else the bank said about the line

  friend bool operator==(const Entry&, const Entry&) = default;
};

/// What a statement says about itself, apart from its entries.
struct StatementInfo {
  std::string account;  ///< as the bank names it: 18 digits, an IBAN, or the bank's own form
  std::string iban;
  std::optional<Currency> currency;
  std::string number;
  std::optional<Date> date;
  std::optional<Balance> opening;
  std::optional<Balance> closing;
  std::vector<Balance> otherBalances;
  std::string messageId;  ///< the file or message the statement came in (GrpHdr/MsgId, :20:)
  std::string ownerName;  ///< the account holder, where the statement names it (Halcom TXT)

  friend bool operator==(const StatementInfo&, const StatementInfo&) = default;
};

/// A whole statement in memory, for small files and tests; large files stream through a
/// StatementSink instead.
struct Statement {
  StatementInfo info;
  std::vector<Entry> entries;

  friend bool operator==(const Statement&, const Statement&) = default;
};

}  // namespace platnik::banking
