// pain.002 payment status report (.001.03 and .001.10 share the parts read here). Each
// transaction status is read as a small subtree.

#include "XmlReader.h"
#include "banking/formats/Iso20022.h"

#include <fmt/format.h>

namespace platnik::banking::formats {
namespace {

using detail::XmlElement;
using detail::XmlReader;

StatusReason reasonOf(const XmlElement& info) {
  StatusReason reason;
  reason.code = info.textAt("Rsn/Cd");
  if (reason.code.empty()) {
    reason.code = info.textAt("Rsn/Prtry");
  }
  for (const XmlElement* line : info.childrenNamed("AddtlInf")) {
    reason.additionalInfo.emplace_back(line->value());
  }
  return reason;
}

std::vector<StatusReason> reasonsOf(const XmlElement& holder) {
  std::vector<StatusReason> reasons;
  for (const XmlElement* info : holder.childrenNamed("StsRsnInf")) {
    reasons.push_back(reasonOf(*info));
  }
  return reasons;
}

Result<PaymentInformationStatus> readPayment(XmlReader& reader) {
  PaymentInformationStatus payment;
  const int depth = reader.depth();
  while (true) {
    BOOST_OUTCOME_TRY(more, reader.nextChild(depth));
    if (!more) {
      break;
    }
    const std::string name(reader.name());
    BOOST_OUTCOME_TRY(element, reader.readTree());
    if (name == "OrgnlPmtInfId") {
      payment.originalPaymentInformationId = element.value();
    } else if (name == "PmtInfSts") {
      payment.status = element.value();
    } else if (name == "StsRsnInf") {
      payment.reasons.push_back(reasonOf(element));
    } else if (name == "TxInfAndSts") {
      TransactionStatus tx;
      tx.originalInstructionId = element.textAt("OrgnlInstrId");
      tx.originalEndToEndId = element.textAt("OrgnlEndToEndId");
      tx.status = element.textAt("TxSts");
      tx.reasons = reasonsOf(element);
      payment.transactions.push_back(std::move(tx));
    }
  }
  return payment;
}

}  // namespace

Result<PaymentStatusReport> readPain002(std::istream& in) {
  XmlReader reader(in, "pain.002");
  BOOST_OUTCOME_TRYV(reader.openRoot());
  if (reader.name() != "Document" || reader.namespaceUri().find("pain.002.001.") == std::string_view::npos) {
    return fail(Errc::UnsupportedFormat,
                fmt::format("<{}> in namespace '{}' is not a pain.002 Document", reader.name(),
                            reader.namespaceUri()),
                reader.where());
  }
  const int documentDepth = reader.depth();
  BOOST_OUTCOME_TRY(hasReport, reader.nextChild(documentDepth));
  if (!hasReport || reader.name() != "CstmrPmtStsRpt") {
    return reader.error("a pain.002 Document must hold <CstmrPmtStsRpt>");
  }
  PaymentStatusReport report;
  bool group = false;
  const int depth = reader.depth();
  while (true) {
    BOOST_OUTCOME_TRY(more, reader.nextChild(depth));
    if (!more) {
      break;
    }
    const std::string name(reader.name());
    if (name == "OrgnlPmtInfAndSts") {
      BOOST_OUTCOME_TRY(payment, readPayment(reader));
      report.payments.push_back(std::move(payment));
      continue;
    }
    BOOST_OUTCOME_TRY(element, reader.readTree());
    if (name == "GrpHdr") {
      report.messageId = element.textAt("MsgId");
      report.creationTime = element.textAt("CreDtTm");
    } else if (name == "OrgnlGrpInfAndSts") {
      group = true;
      report.originalMessageId = element.textAt("OrgnlMsgId");
      report.originalMessageType = element.textAt("OrgnlMsgNmId");
      report.groupStatus = element.textAt("GrpSts");
      report.groupReasons = reasonsOf(element);
    }
  }
  if (!group) {
    return reader.error("the report has no <OrgnlGrpInfAndSts> (which message it reports on)");
  }
  if (report.originalMessageId.empty()) {
    return reader.error("the report does not name the original message (OrgnlMsgId)");
  }
  return report;
}

}  // namespace platnik::banking::formats
