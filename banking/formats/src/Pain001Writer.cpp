// pain.001.001.03 / .001.001.09 credit transfer initiation from Platnik's payment orders.

#include "XmlWriting.h"
#include "banking/Account.h"
#include "banking/Iban.h"
#include "banking/formats/Iso20022.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

namespace platnik::banking::formats {
namespace {

using detail::xmlElement;
using detail::xmlEscape;

/// An account as an IBAN: a domestic account becomes RS35…; a foreign IBAN stays.
Result<std::string> ibanOf(std::string_view account, std::string_view what, std::size_t index) {
  if (auto domestic = Account::parse(account)) {
    return domestic.value().iban();
  }
  if (auto iban = Iban::parse(account)) {
    return iban.value().electronic();
  }
  return fail(Errc::InvalidAccount, fmt::format("'{}' is neither a domestic account nor an IBAN", account),
              fmt::format("order {}: {}", index + 1, what));
}

struct Group {
  std::string payerAccount;
  std::optional<Date> executionDate;
  bool urgent = false;
  std::vector<std::size_t> payments;
};

void agent(std::string& out, std::string_view indent, std::string_view tag, std::string_view iban) {
  // Serbian banks are known by the three-digit code that starts the account; foreign banks
  // by nothing we know without a BIC, so their agent is left unidentified.
  out += fmt::format("{}<{}>\n{}  <FinInstnId>\n", indent, tag, indent);
  if (iban.starts_with("RS") && iban.size() == 22) {
    out += fmt::format("{}    <ClrSysMmbId>\n{}      <MmbId>{}</MmbId>\n{}    </ClrSysMmbId>\n", indent,
                       indent, iban.substr(4, 3), indent);
  }
  out += fmt::format("{}  </FinInstnId>\n{}</{}>\n", indent, indent, tag);
}

void party(std::string& out, std::string_view indent, std::string_view tag, std::string_view name,
           std::string_view place) {
  out += fmt::format("{}<{}>\n", indent, tag);
  xmlElement(out, fmt::format("{}  ", indent), "Nm", name);
  if (!place.empty()) {
    out += fmt::format("{}  <PstlAdr>\n{}    <TwnNm>{}</TwnNm>\n{}  </PstlAdr>\n", indent, indent,
                       xmlEscape(place), indent);
  }
  out += fmt::format("{}</{}>\n", indent, tag);
}

}  // namespace

Result<std::string> writePain001(const Pain001Message& message, Pain001Version version) {
  if (message.payments.empty()) {
    return fail(Errc::InvalidArgument, "a pain.001 needs at least one order");
  }
  if (message.messageId.empty() || message.messageId.size() > 35) {
    return fail(Errc::InvalidArgument, "the message id must have 1 to 35 characters", "message id");
  }
  const bool v09 = version == Pain001Version::V09;
  // Group by payer account, execution date and urgency, keeping first-seen order.
  std::vector<Group> groups;
  std::optional<Money> total;
  std::vector<std::string> payerIbans;
  for (std::size_t i = 0; i < message.payments.size(); ++i) {
    const PaymentOrder& order = message.payments[i].order;
    if (message.payments[i].endToEndId.empty() || message.payments[i].endToEndId.size() > 35) {
      return fail(Errc::InvalidArgument, "the end-to-end id must have 1 to 35 characters",
                  fmt::format("order {}: end_to_end_id", i + 1));
    }
    if (order.amount.isNegative() || order.amount.isZero()) {
      return fail(Errc::InvalidArgument, "the amount must be positive",
                  fmt::format("order {}: amount", i + 1));
    }
    BOOST_OUTCOME_TRY(payer, ibanOf(order.payerAccount, "payer_account", i));
    auto found = std::find_if(groups.begin(), groups.end(), [&](const Group& g) {
      return g.payerAccount == payer && g.executionDate == order.executionDate && g.urgent == order.urgent;
    });
    if (found == groups.end()) {
      groups.push_back({payer, order.executionDate, order.urgent, {}});
      found = std::prev(groups.end());
    }
    found->payments.push_back(i);
    if (!total) {
      total = order.amount;
    } else {
      auto sum = total->plus(order.amount);
      if (!sum) {
        return fail(sum.error().code, sum.error().message, fmt::format("order {}: amount", i + 1));
      }
      total = sum.value();
    }
  }

  std::string out;
  out.reserve(1024 + message.payments.size() * 1200);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<Document xmlns=\"{}\">\n  <CstmrCdtTrfInitn>\n    <GrpHdr>\n", namespaceOf(version));
  xmlElement(out, "      ", "MsgId", message.messageId);
  xmlElement(out, "      ", "CreDtTm", fmt::format("{:%Y-%m-%dT%H:%M:%S}", message.creationTime));
  xmlElement(out, "      ", "NbOfTxs", std::to_string(message.payments.size()));
  xmlElement(out, "      ", "CtrlSum", total->toString());
  party(out, "      ", "InitgPty", message.initiatingParty, {});
  out += "    </GrpHdr>\n";
  std::size_t groupNumber = 0;
  for (const Group& group : groups) {
    ++groupNumber;
    const PaymentOrder& first = message.payments[group.payments.front()].order;
    std::optional<Money> sum;
    for (std::size_t i : group.payments) {
      sum = sum ? sum->plus(message.payments[i].order.amount).value() : message.payments[i].order.amount;
    }
    out += "    <PmtInf>\n";
    xmlElement(out, "      ", "PmtInfId", fmt::format("{}-{}", message.messageId.substr(0, 28), groupNumber));
    xmlElement(out, "      ", "PmtMtd", "TRF");
    xmlElement(out, "      ", "NbOfTxs", std::to_string(group.payments.size()));
    xmlElement(out, "      ", "CtrlSum", sum->toString());
    if (group.urgent) {
      out += "      <PmtTpInf>\n        <InstrPrty>HIGH</InstrPrty>\n      </PmtTpInf>\n";
    }
    // Without a date the order is to be executed at once: today's date in the file's time.
    const std::string date =
        group.executionDate
            ? toIsoString(*group.executionDate)
            : fmt::format("{:%Y-%m-%d}", std::chrono::floor<std::chrono::days>(message.creationTime));
    if (v09) {
      out += fmt::format("      <ReqdExctnDt>\n        <Dt>{}</Dt>\n      </ReqdExctnDt>\n", date);
    } else {
      xmlElement(out, "      ", "ReqdExctnDt", date);
    }
    party(out, "      ", "Dbtr", first.payerName, first.payerPlace);
    out += fmt::format(
        "      <DbtrAcct>\n        <Id>\n          <IBAN>{}</IBAN>\n        </Id>\n      </DbtrAcct>\n",
        group.payerAccount);
    agent(out, "      ", "DbtrAgt", group.payerAccount);
    for (std::size_t i : group.payments) {
      const Pain001Payment& payment = message.payments[i];
      const PaymentOrder& order = payment.order;
      BOOST_OUTCOME_TRY(recipient, ibanOf(order.recipientAccount, "recipient_account", i));
      out += "      <CdtTrfTxInf>\n        <PmtId>\n";
      xmlElement(out, "          ", "EndToEndId", payment.endToEndId);
      out += "        </PmtId>\n";
      out += fmt::format("        <Amt>\n          <InstdAmt Ccy=\"{}\">{}</InstdAmt>\n        </Amt>\n",
                         order.amount.currency().code(), order.amount.toString());
      agent(out, "        ", "CdtrAgt", recipient);
      party(out, "        ", "Cdtr", order.recipientName, order.recipientPlace);
      out += fmt::format(
          "        <CdtrAcct>\n          <Id>\n            <IBAN>{}</IBAN>\n          </Id>\n        "
          "</CdtrAcct>\n",
          recipient);
      if (!order.paymentCode.empty()) {
        out += fmt::format("        <Purp>\n          <Prtry>{}</Prtry>\n        </Purp>\n",
                           xmlEscape(order.paymentCode));
      }
      const bool structured = !order.creditReference.number.empty() || !order.debitReference.empty();
      if (!order.purpose.empty() || structured) {
        out += "        <RmtInf>\n";
        xmlElement(out, "          ", "Ustrd", order.purpose);
        if (structured) {
          out += "          <Strd>\n";
          if (!order.creditReference.number.empty()) {
            out += "            <CdtrRefInf>\n";
            if (!order.creditReference.model.empty()) {
              out += fmt::format(
                  "              <Tp>\n                <CdOrPrtry>\n                  <Prtry>{}</Prtry>\n"
                  "                </CdOrPrtry>\n              </Tp>\n",
                  xmlEscape(order.creditReference.model));
            }
            xmlElement(out, "              ", "Ref",
                       order.creditReference.model + order.creditReference.number);
            out += "            </CdtrRefInf>\n";
          }
          if (!order.debitReference.empty()) {
            xmlElement(
                out, "            ", "AddtlRmtInf",
                fmt::format("/DBTRREF/{}/{}", order.debitReference.model, order.debitReference.number));
          }
          out += "          </Strd>\n";
        }
        out += "        </RmtInf>\n";
      }
      out += "      </CdtTrfTxInf>\n";
    }
    out += "    </PmtInf>\n";
  }
  out += "  </CstmrCdtTrfInitn>\n</Document>\n";

  auto valid =
      validateAgainstSchema(out, pain001Schema(version), v09 ? "pain.001.001.09" : "pain.001.001.03");
  if (!valid) {
    return fail(Errc::InvalidArgument, "the orders do not make a valid pain.001: " + valid.error().message,
                valid.error().where);
  }
  return out;
}

}  // namespace platnik::banking::formats
