#pragma once

#include "banking/Error.h"
#include "banking/Money.h"
#include "banking/PaymentOrder.h"

#include <chrono>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace platnik::banking::formats {

// ISO 20022 payment initiation: pain.001 (orders to the bank) and pain.002 (the bank's
// status report on them). The mapping of Serbian order fields is documented in
// docs/formats.md.

enum class Pain001Version {
  V03,  ///< pain.001.001.03
  V09,  ///< pain.001.001.09
};
std::string_view namespaceOf(Pain001Version version);

/// One order of a batch, with the end-to-end id the caller assigned (the bank and the
/// recipient see it; the order's status reports and statements quote it back).
struct Pain001Payment {
  PaymentOrder order;
  std::string endToEndId;

  friend bool operator==(const Pain001Payment&, const Pain001Payment&) = default;
};

struct Pain001Message {
  std::string messageId;  ///< unique per file; the bank drops a file with a known id
  std::chrono::sys_seconds creationTime{};
  std::string initiatingParty;
  std::vector<Pain001Payment> payments;

  friend bool operator==(const Pain001Message&, const Pain001Message&) = default;
};

/// Writes a credit transfer initiation. Orders are grouped into payment information blocks
/// by payer account, execution date and urgency (in the order they first appear). Accounts
/// are written as IBANs (a domestic account as RS35…). The file is validated against the
/// shipped XSD before it is returned; a failure there is Errc::InvalidArgument naming the
/// order and the field.
Result<std::string> writePain001(const Pain001Message& message, Pain001Version version);

/// Reads a pain.001 (any of .001.03 … .001.09 that follow the common layout), e.g. from an
/// accounting program, back into orders. Payer fields come from each PmtInf.
Result<Pain001Message> readPain001(std::istream& in);

/// A status with its reasons, at any level of a pain.002.
struct StatusReason {
  std::string code;  ///< ISO reason code (AC01, AM04, …) or the bank's proprietary code
  std::vector<std::string> additionalInfo;

  friend bool operator==(const StatusReason&, const StatusReason&) = default;
};

struct TransactionStatus {
  std::string originalInstructionId;
  std::string originalEndToEndId;
  std::string status;  ///< ACTC, ACCP, ACSC, RJCT, PDNG, …
  std::vector<StatusReason> reasons;

  friend bool operator==(const TransactionStatus&, const TransactionStatus&) = default;
};

struct PaymentInformationStatus {
  std::string originalPaymentInformationId;
  std::string status;  ///< may be empty when only transactions carry one
  std::vector<StatusReason> reasons;
  std::vector<TransactionStatus> transactions;

  friend bool operator==(const PaymentInformationStatus&, const PaymentInformationStatus&) = default;
};

/// A pain.002 payment status report (.001.03 and .001.10 layouts).
struct PaymentStatusReport {
  std::string messageId;
  std::string creationTime;  ///< as written
  std::string originalMessageId;
  std::string originalMessageType;  ///< "pain.001.001.03"
  std::string groupStatus;          ///< may be empty
  std::vector<StatusReason> groupReasons;
  std::vector<PaymentInformationStatus> payments;

  friend bool operator==(const PaymentStatusReport&, const PaymentStatusReport&) = default;
};

Result<PaymentStatusReport> readPain002(std::istream& in);

/// The XSD Platnik ships for a pain.001 version (compiled in).
std::string_view pain001Schema(Pain001Version version);

/// Validates a document against an XSD given as text, with libxml2's schema validator (no
/// network, no external entities). Failure: Errc::MalformedFile with every problem found
/// ("line 12: Element 'IBAN': …"), `where` = `label`.
Result<void> validateAgainstSchema(std::string_view document, std::string_view xsd, std::string_view label);

}  // namespace platnik::banking::formats
