// pain.001 credit transfer initiation read back into orders (order import from an
// accounting program). The inverse of Pain001Writer's mapping (docs/formats.md).

#include "IsoEnvelope.h"
#include "XmlReader.h"
#include "XmlValues.h"
#include "banking/Account.h"
#include "banking/formats/Iso20022.h"

#include <fmt/format.h>

#include <cstdio>

namespace platnik::banking::formats {
namespace {

using detail::XmlElement;
using detail::XmlReader;

/// A Serbian IBAN as the 18-digit domestic account, anything else as written.
std::string accountOf(const XmlElement* account) {
  if (account == nullptr) {
    return {};
  }
  std::string_view id = account->textAt("Id/IBAN");
  if (id.empty()) {
    id = account->textAt("Id/Othr/Id");
  }
  if (auto domestic = Account::parse(id)) {
    return domestic.value().digits();
  }
  return std::string(id);
}

std::string_view partyName(const XmlElement* party) {
  return party == nullptr ? "" : party->textAt("Nm");
}
std::string_view partyPlace(const XmlElement* party) {
  return party == nullptr ? "" : party->textAt("PstlAdr/TwnNm");
}

Result<std::chrono::sys_seconds> dateTime(const XmlReader& reader, const XmlElement& element) {
  const std::string_view text = element.value();
  BOOST_OUTCOME_TRY(date, detail::xmlDate(reader, element));
  int hours = 0;
  int minutes = 0;
  int seconds = 0;
  if (text.size() >= 19 &&
      std::sscanf(std::string(text.substr(11, 8)).c_str(), "%2d:%2d:%2d", &hours, &minutes, &seconds) != 3) {
    return reader.errorAt(element, fmt::format("'{}' is not a date and time", text));
  }
  return std::chrono::sys_days(date) + std::chrono::hours(hours) + std::chrono::minutes(minutes) +
         std::chrono::seconds(seconds);
}

struct PaymentHeader {
  std::string payerName;
  std::string payerPlace;
  std::string payerAccount;
  std::optional<Date> executionDate;
  bool urgent = false;
};

Result<Pain001Payment> readTransaction(const XmlReader& reader, const XmlElement& tx,
                                       const PaymentHeader& header) {
  Pain001Payment payment;
  PaymentOrder& order = payment.order;
  order.payerName = header.payerName;
  order.payerPlace = header.payerPlace;
  order.payerAccount = header.payerAccount;
  order.executionDate = header.executionDate;
  order.urgent = header.urgent || tx.textAt("PmtTpInf/InstrPrty") == "HIGH";
  payment.endToEndId = tx.textAt("PmtId/EndToEndId");
  const XmlElement* amount = tx.find("Amt/InstdAmt");
  if (amount == nullptr) {
    return reader.errorAt(tx, "the transaction has no instructed amount (Amt/InstdAmt)");
  }
  BOOST_OUTCOME_TRY(money, detail::isoAmount(reader, *amount));
  order.amount = money;
  order.recipientName = partyName(tx.child("Cdtr"));
  order.recipientPlace = partyPlace(tx.child("Cdtr"));
  order.recipientAccount = accountOf(tx.child("CdtrAcct"));
  order.paymentCode = tx.textAt("Purp/Prtry");
  if (const XmlElement* remittance = tx.child("RmtInf")) {
    std::string purpose;
    for (const XmlElement* line : remittance->childrenNamed("Ustrd")) {
      if (!purpose.empty()) {
        purpose += ' ';
      }
      purpose += line->value();
    }
    order.purpose = purpose;
    for (const XmlElement* structured : remittance->childrenNamed("Strd")) {
      if (const auto ref = structured->textAt("CdtrRefInf/Ref"); !ref.empty()) {
        const auto model = structured->textAt("CdtrRefInf/Tp/CdOrPrtry/Prtry");
        if (!model.empty() && ref.starts_with(model)) {
          order.creditReference = {std::string(model), std::string(ref.substr(model.size()))};
        } else if (ref.starts_with("RF")) {
          order.creditReference = {"RF", std::string(ref.substr(2))};
        } else {
          order.creditReference = {"", std::string(ref)};
        }
      }
      for (const XmlElement* line : structured->childrenNamed("AddtlRmtInf")) {
        // Platnik's own mark for the payer's reference: "/DBTRREF/<model>/<number>".
        const std::string_view text = line->value();
        if (text.starts_with("/DBTRREF/")) {
          const std::string_view rest = text.substr(9);
          const auto slash = rest.find('/');
          if (slash != std::string_view::npos) {
            order.debitReference = {std::string(rest.substr(0, slash)), std::string(rest.substr(slash + 1))};
          }
        }
      }
    }
  }
  return payment;
}

}  // namespace

Result<Pain001Message> readPain001(std::istream& in) {
  XmlReader reader(in, "pain.001");
  BOOST_OUTCOME_TRYV(reader.openRoot());
  // A SWIFT (CBPR+) envelope carries a business application header and the Document.
  BOOST_OUTCOME_TRY(envelope, detail::enterIsoEnvelope(reader));
  if (reader.name() != "Document" || reader.namespaceUri().find("pain.001.001.") == std::string_view::npos) {
    return fail(Errc::UnsupportedFormat,
                fmt::format("<{}> in namespace '{}' is not a pain.001 Document", reader.name(),
                            reader.namespaceUri()),
                reader.where());
  }
  BOOST_OUTCOME_TRYV(detail::checkEnvelopeNamesDocument(reader, envelope, "CBPR+ rule pain.001-R3"));
  const int documentDepth = reader.depth();
  BOOST_OUTCOME_TRY(hasMessage, reader.nextChild(documentDepth));
  if (!hasMessage || reader.name() != "CstmrCdtTrfInitn") {
    return reader.error("a pain.001 Document must hold <CstmrCdtTrfInitn>");
  }
  Pain001Message message;
  bool header = false;
  const int depth = reader.depth();
  while (true) {
    BOOST_OUTCOME_TRY(more, reader.nextChild(depth));
    if (!more) {
      break;
    }
    if (reader.name() == "GrpHdr") {
      BOOST_OUTCOME_TRY(element, reader.readTree());
      header = true;
      message.messageId = element.textAt("MsgId");
      message.initiatingParty = element.textAt("InitgPty/Nm");
      if (const XmlElement* created = element.child("CreDtTm")) {
        BOOST_OUTCOME_TRY(time, dateTime(reader, *created));
        message.creationTime = time;
      }
      continue;
    }
    if (reader.name() != "PmtInf") {
      continue;
    }
    PaymentHeader payment;
    const int paymentDepth = reader.depth();
    while (true) {
      BOOST_OUTCOME_TRY(item, reader.nextChild(paymentDepth));
      if (!item) {
        break;
      }
      const std::string name(reader.name());
      BOOST_OUTCOME_TRY(element, reader.readTree());
      if (name == "CdtTrfTxInf") {
        BOOST_OUTCOME_TRY(tx, readTransaction(reader, element, payment));
        message.payments.push_back(std::move(tx));
      } else if (name == "PmtTpInf") {
        payment.urgent = element.textAt("InstrPrty") == "HIGH";
      } else if (name == "ReqdExctnDt") {
        const XmlElement* date = element.child("Dt");  // .09 wraps the date
        if (date == nullptr) {
          date = element.child("DtTm");
        }
        BOOST_OUTCOME_TRY(day, detail::xmlDate(reader, date != nullptr ? *date : element));
        payment.executionDate = day;
      } else if (name == "Dbtr") {
        payment.payerName = partyName(&element);
        payment.payerPlace = partyPlace(&element);
      } else if (name == "DbtrAcct") {
        payment.payerAccount = accountOf(&element);
      }
    }
  }
  if (!header) {
    return reader.error("the message has no group header (GrpHdr)");
  }
  if (message.payments.empty()) {
    return reader.error("the message holds no credit transfer (CdtTrfTxInf)");
  }
  return message;
}

}  // namespace platnik::banking::formats
