// ISO 20022 camt.052 / camt.053 / camt.054 (versions .001.02 to .001.08), streamed: the
// statement header elements and each <Ntry> are read as small subtrees and dropped.

#include "Readers.h"
#include "XmlReader.h"
#include "XmlValues.h"

#include <fmt/format.h>

#include <string>
#include <vector>

namespace platnik::banking::formats::detail {
namespace {

struct CamtKind {
  const char* label;
  const char* message;  ///< the element under Document
  const char* record;   ///< Stmt, Rpt or Ntfctn
};

CamtKind kindOf(Format format) {
  switch (format) {
    case Format::Camt052:
      return {"camt.052", "BkToCstmrAcctRpt", "Rpt"};
    case Format::Camt054:
      return {"camt.054", "BkToCstmrDbtCdtNtfctn", "Ntfctn"};
    default:
      return {"camt.053", "BkToCstmrStmt", "Stmt"};
  }
}

/// Name of a party: <Nm> directly (.02), or in the .08 choice of <Pty> or <Agt> (a bank).
std::string_view partyName(const XmlElement* party) {
  if (party == nullptr) {
    return {};
  }
  for (const char* path : {"Nm", "Pty/Nm", "Agt/FinInstnId/Nm"}) {
    if (const auto name = party->textAt(path); !name.empty()) {
      return name;
    }
  }
  return {};
}

const XmlElement* partyAddress(const XmlElement* party) {
  if (party == nullptr) {
    return nullptr;
  }
  for (const char* path : {"PstlAdr", "Pty/PstlAdr", "Agt/FinInstnId/PstlAdr"}) {
    if (const XmlElement* address = party->find(path)) {
      return address;
    }
  }
  return nullptr;
}

std::string_view accountId(const XmlElement* account) {
  if (account == nullptr) {
    return {};
  }
  if (const auto iban = account->textAt("Id/IBAN"); !iban.empty()) {
    return iban;
  }
  return account->textAt("Id/Othr/Id");
}

std::string_view agentBic(const XmlElement* agent) {
  if (agent == nullptr) {
    return {};
  }
  if (const auto bic = agent->textAt("FinInstnId/BIC"); !bic.empty()) {
    return bic;
  }
  return agent->textAt("FinInstnId/BICFI");
}

void appendText(std::string& to, std::string_view text, std::string_view separator = " ") {
  if (text.empty()) {
    return;
  }
  if (!to.empty()) {
    to += separator;
  }
  to += text;
}

/// "Ccy"-less amounts of charges and their sum; charges are reported as a positive amount.
Result<std::optional<Money>> chargesOf(const XmlReader& reader, const XmlElement& holder) {
  std::optional<Money> total;
  for (const XmlElement* charges : holder.childrenNamed("Chrgs")) {
    if (const XmlElement* totalAmount = charges->child("TtlChrgsAndTaxAmt")) {
      BOOST_OUTCOME_TRY(amount, isoAmount(reader, *totalAmount));
      return std::optional<Money>{amount.abs()};
    }
    std::vector<const XmlElement*> amounts;
    if (const XmlElement* amount = charges->child("Amt")) {
      amounts.push_back(amount);  // .02: Chrgs repeats, each with its Amt
    }
    for (const XmlElement* record : charges->childrenNamed("Rcrd")) {
      if (const XmlElement* amount = record->child("Amt")) {
        amounts.push_back(amount);
      }
    }
    for (const XmlElement* amountElement : amounts) {
      BOOST_OUTCOME_TRY(amount, isoAmount(reader, *amountElement));
      if (!total) {
        total = amount.abs();
      } else {
        auto sum = total->plus(amount.abs());
        if (!sum) {
          return reader.errorAt(*amountElement, "charges in different currencies: " + sum.error().message);
        }
        total = sum.value();
      }
    }
  }
  return total;
}

std::string bankTransactionCode(const XmlElement* code) {
  if (code == nullptr) {
    return {};
  }
  if (const auto domain = code->textAt("Domn/Cd"); !domain.empty()) {
    std::string result(domain);
    if (const auto family = code->textAt("Domn/Fmly/Cd"); !family.empty()) {
      result += "/";
      result += family;
    }
    if (const auto sub = code->textAt("Domn/Fmly/SubFmlyCd"); !sub.empty()) {
      result += "/";
      result += sub;
    }
    return result;
  }
  return std::string(code->textAt("Prtry/Cd"));
}

Result<Balance> readBalance(const XmlReader& reader, const XmlElement& bal, int& interimSeen) {
  Balance balance;
  std::string_view code = bal.textAt("Tp/CdOrPrtry/Cd");
  if (code.empty()) {
    code = bal.textAt("Tp/CdOrPrtry/Prtry");
  }
  if (code == "OPBD" || code == "PRCD") {
    balance.type = BalanceType::Opening;
  } else if (code == "CLBD") {
    balance.type = BalanceType::Closing;
  } else if (code == "ITBD") {
    balance.type = interimSeen++ == 0 ? BalanceType::InterimOpening : BalanceType::InterimClosing;
  } else if (code == "CLAV") {
    balance.type = BalanceType::ClosingAvailable;
  } else if (code == "FWAV") {
    balance.type = BalanceType::ForwardAvailable;
  }
  const XmlElement* amountElement = bal.child("Amt");
  if (amountElement == nullptr) {
    return reader.errorAt(bal, "the balance has no Amt");
  }
  BOOST_OUTCOME_TRY(amount, isoAmount(reader, *amountElement));
  // CdtDbtInd is mandatory, but a Lithuanian bank (sample subite_LT_camt053.001.08) leaves it
  // out of positive balances; its statement reconciles only when they are read as credit.
  const XmlElement* indicatorElement = bal.child("CdtDbtInd");
  const auto indicator = bal.textAt("CdtDbtInd");
  if (indicator == "DBIT") {
    BOOST_OUTCOME_TRY(negative, amount.negated());
    amount = negative;
  } else if (indicator != "CRDT" && indicatorElement != nullptr) {
    return reader.errorAt(bal, fmt::format("the balance's CdtDbtInd is '{}', not CRDT or DBIT", indicator));
  }
  balance.amount = amount;
  BOOST_OUTCOME_TRY(date, isoDateChoice(reader, bal.child("Dt")));
  balance.date = date;
  return balance;
}

/// What an <Ntry> says for all its transactions.
struct EntryContext {
  Entry base;
  bool credit = true;
};

Result<Entry> transactionEntry(const XmlReader& reader, const EntryContext& context, const XmlElement* tx,
                               bool ownAmount) {
  Entry entry = context.base;
  if (tx == nullptr) {
    return entry;
  }
  bool credit = context.credit;
  if (ownAmount) {
    const XmlElement* amountElement = tx->child("Amt");
    if (amountElement == nullptr) {
      amountElement = tx->find("AmtDtls/TxAmt/Amt");
    }
    if (amountElement != nullptr) {
      BOOST_OUTCOME_TRY(amount, isoAmount(reader, *amountElement));
      const auto indicator = tx->textAt("CdtDbtInd");
      if (indicator == "DBIT" || indicator == "CRDT") {
        credit = indicator == "CRDT";
      }
      if (credit) {
        entry.amount = amount;
      } else {
        BOOST_OUTCOME_TRY(negative, amount.negated());
        entry.amount = negative;
      }
    }
  }
  if (const auto e2e = tx->textAt("Refs/EndToEndId"); !e2e.empty()) {
    entry.endToEndId = e2e;
  }
  if (const auto ref = tx->textAt("Refs/AcctSvcrRef"); !ref.empty() && entry.bankReference.empty()) {
    entry.bankReference = ref;
  }
  if (const XmlElement* instructed = tx->find("AmtDtls/InstdAmt")) {
    if (const XmlElement* amountElement = instructed->child("Amt")) {
      BOOST_OUTCOME_TRY(original, isoAmount(reader, *amountElement));
      entry.originalAmount = original;
    }
    entry.exchangeRate = instructed->textAt("CcyXchg/XchgRate");
  }
  if (entry.exchangeRate.empty()) {
    entry.exchangeRate = tx->textAt("AmtDtls/TxAmt/CcyXchg/XchgRate");
  }
  if (const std::string code = bankTransactionCode(tx->child("BkTxCd")); !code.empty()) {
    entry.transactionCode = code;
  }
  BOOST_OUTCOME_TRY(charges, chargesOf(reader, *tx));
  if (charges) {
    entry.charges = charges;
  }
  // The other side: who paid us on a credit, whom we paid on a debit. A reversal or a return
  // books the opposite direction of the original transfer, whose parties it repeats.
  const bool returned = tx->child("RtrInf") != nullptr;
  const bool otherIsDebtor = credit != (entry.reversal || returned);
  const XmlElement* parties = tx->child("RltdPties");
  const XmlElement* agents = tx->child("RltdAgts");
  if (parties != nullptr) {
    const char* party = otherIsDebtor ? "Dbtr" : "Cdtr";
    const char* ultimate = otherIsDebtor ? "UltmtDbtr" : "UltmtCdtr";
    const char* account = otherIsDebtor ? "DbtrAcct" : "CdtrAcct";
    entry.counterparty.name = partyName(parties->child(party));
    if (entry.counterparty.name.empty()) {
      entry.counterparty.name = partyName(parties->child(ultimate));
    }
    entry.counterparty.account = accountId(parties->child(account));
    if (const XmlElement* address = partyAddress(parties->child(party))) {
      entry.counterparty.place = address->textAt("TwnNm");
    }
  }
  if (agents != nullptr) {
    entry.counterparty.bic = agentBic(agents->child(otherIsDebtor ? "DbtrAgt" : "CdtrAgt"));
  }
  if (const XmlElement* purpose = tx->child("Purp")) {
    entry.paymentCode = purpose->textAt("Prtry");
    if (entry.paymentCode.empty()) {
      entry.paymentCode = purpose->textAt("Cd");
    }
  }
  if (const XmlElement* remittance = tx->child("RmtInf")) {
    std::string unstructured;
    for (const XmlElement* line : remittance->childrenNamed("Ustrd")) {
      appendText(unstructured, line->value());
    }
    if (!unstructured.empty()) {
      entry.purpose = unstructured;
    }
    for (const XmlElement* structured : remittance->childrenNamed("Strd")) {
      const auto ref = structured->textAt("CdtrRefInf/Ref");
      if (ref.empty()) {
        continue;
      }
      // A creditor reference: ISO 11649 "RF.." gives model RF; a Serbian reference written
      // as model + number carries its two-digit model in Tp/CdOrPrtry/Prtry.
      const auto model = structured->textAt("CdtrRefInf/Tp/CdOrPrtry/Prtry");
      if (ref.starts_with("RF")) {
        entry.reference = {"RF", std::string(ref.substr(2))};
      } else if (model.size() == 2 && ref.starts_with(model)) {
        entry.reference = {std::string(model), std::string(ref.substr(2))};
      } else {
        entry.reference = {"", std::string(ref)};
      }
      break;
    }
  }
  if (const XmlElement* ret = tx->child("RtrInf")) {
    entry.returnReason = ret->textAt("Rsn/Cd");
    if (entry.returnReason.empty()) {
      entry.returnReason = ret->textAt("Rsn/Prtry");
    }
    for (const XmlElement* info : ret->childrenNamed("AddtlInf")) {
      appendText(entry.additionalInfo, info->value());
    }
  }
  if (const auto info = tx->textAt("AddtlTxInf"); !info.empty()) {
    appendText(entry.additionalInfo, info, "; ");
  }
  if (entry.purpose.empty()) {
    entry.purpose = tx->textAt("AddtlTxInf");
  }
  return entry;
}

std::vector<const XmlElement*> transactionsOf(const XmlElement& ntry) {
  std::vector<const XmlElement*> transactions;
  for (const XmlElement* details : ntry.childrenNamed("NtryDtls")) {
    for (const XmlElement* tx : details->childrenNamed("TxDtls")) {
      transactions.push_back(tx);
    }
  }
  return transactions;
}

Result<void> readEntry(const XmlReader& reader, const XmlElement& ntry, StatementSink& sink) {
  EntryContext context;
  Entry& base = context.base;
  const std::vector<const XmlElement*> transactions = transactionsOf(ntry);
  const XmlElement* amountElement = ntry.child("Amt");
  // Amt and CdtDbtInd are mandatory on an entry. A trimmed PostFinance notification
  // (libeufin_postfinance_camt054) gives them only on each transaction; that is accepted
  // when every transaction has both, and each becomes an entry of its own.
  bool perTransaction = false;
  if (amountElement == nullptr) {
    perTransaction = !transactions.empty();
    for (const XmlElement* tx : transactions) {
      const auto txIndicator = tx->textAt("CdtDbtInd");
      perTransaction =
          perTransaction && tx->child("Amt") != nullptr && (txIndicator == "CRDT" || txIndicator == "DBIT");
    }
    if (!perTransaction) {
      return reader.errorAt(ntry, "the entry has no Amt");
    }
    amountElement = transactions.front()->child("Amt");
  }
  BOOST_OUTCOME_TRY(amount, isoAmount(reader, *amountElement));
  const auto indicator =
      perTransaction ? transactions.front()->textAt("CdtDbtInd") : ntry.textAt("CdtDbtInd");
  if (indicator != "CRDT" && indicator != "DBIT") {
    return reader.errorAt(ntry, fmt::format("the entry's CdtDbtInd is '{}', not CRDT or DBIT", indicator));
  }
  context.credit = indicator == "CRDT";
  if (context.credit) {
    base.amount = amount;
  } else {
    BOOST_OUTCOME_TRY(negative, amount.negated());
    base.amount = negative;
  }
  const auto reversal = ntry.textAt("RvslInd");
  base.reversal = reversal == "true" || reversal == "1";
  BOOST_OUTCOME_TRY(booking, isoDateChoice(reader, ntry.child("BookgDt")));
  BOOST_OUTCOME_TRY(value, isoDateChoice(reader, ntry.child("ValDt")));
  base.bookingDate = booking;
  base.valueDate = value;
  base.bankReference = ntry.textAt("AcctSvcrRef");
  base.transactionCode = bankTransactionCode(ntry.child("BkTxCd"));
  BOOST_OUTCOME_TRY(charges, chargesOf(reader, ntry));
  base.charges = charges;
  base.additionalInfo = ntry.textAt("AddtlNtryInf");

  if (transactions.size() <= 1 && !perTransaction) {
    BOOST_OUTCOME_TRY(
        entry, transactionEntry(reader, context, transactions.empty() ? nullptr : transactions[0], false));
    if (entry.purpose.empty()) {
      entry.purpose = entry.additionalInfo;
    }
    return sink.entry(entry);
  }
  // A batch booking: one entry per transaction, each with its own amount when given.
  for (const XmlElement* tx : transactions) {
    BOOST_OUTCOME_TRY(entry, transactionEntry(reader, context, tx, true));
    if (entry.purpose.empty()) {
      entry.purpose = entry.additionalInfo;
    }
    BOOST_OUTCOME_TRYV(sink.entry(entry));
  }
  return boost::outcome_v2::success();
}

Result<void> readRecord(XmlReader& reader, StatementSink& sink, const std::string& messageId) {
  StatementInfo info;
  info.messageId = messageId;
  std::string id;
  std::string electronic;
  std::string legal;
  bool begun = false;
  int interimSeen = 0;
  std::size_t entries = 0;
  const auto fillNumber = [&] {
    info.number = !legal.empty() ? legal : !electronic.empty() ? electronic : id;
  };
  const int depth = reader.depth();
  while (true) {
    BOOST_OUTCOME_TRY(more, reader.nextChild(depth));
    if (!more) {
      break;
    }
    const std::string name(reader.name());
    if (name == "Ntry") {
      BOOST_OUTCOME_TRY(ntry, reader.readTree());
      if (!begun) {
        fillNumber();
        if (!info.currency) {  // neither Acct/Ccy nor a balance: the first entry's currency
          const XmlElement* amount = ntry.child("Amt");
          if (const auto code = amount != nullptr ? amount->attribute("Ccy") : std::nullopt) {
            if (auto currency = Currency::fromCode(trimXml(*code))) {
              info.currency = currency.value();
            }
          }
        }
        BOOST_OUTCOME_TRYV(sink.begin(info));
        begun = true;
      }
      ++entries;
      BOOST_OUTCOME_TRYV(readEntry(reader, ntry, sink));
      continue;
    }
    BOOST_OUTCOME_TRY(element, reader.readTree());
    if (name == "Id") {
      id = element.value();
    } else if (name == "ElctrncSeqNb") {
      electronic = element.value();
    } else if (name == "LglSeqNb") {
      legal = element.value();
    } else if (name == "CreDtTm") {
      if (!info.date) {
        BOOST_OUTCOME_TRY(date, xmlDate(reader, element));
        info.date = date;
      }
    } else if (name == "FrToDt") {
      if (const XmlElement* to = element.child("ToDtTm")) {
        BOOST_OUTCOME_TRY(date, xmlDate(reader, *to));
        info.date = date;
      }
    } else if (name == "Acct") {
      const auto iban = element.textAt("Id/IBAN");
      info.iban = iban;
      info.account = iban.empty() ? element.textAt("Id/Othr/Id") : iban;
      if (const auto code = element.textAt("Ccy"); !code.empty()) {
        auto currency = Currency::fromCode(code);
        if (!currency) {
          return reader.errorAt(element, fmt::format("'{}' is not a currency", code));
        }
        info.currency = currency.value();
      }
    } else if (name == "Bal") {
      BOOST_OUTCOME_TRY(balance, readBalance(reader, element, interimSeen));
      if (!info.currency) {
        info.currency = balance.amount.currency();
      }
      if (balance.type == BalanceType::Opening &&
          (!info.opening || element.textAt("Tp/CdOrPrtry/Cd") == "OPBD")) {
        info.opening = balance;
      } else if (balance.type == BalanceType::Closing && !info.closing) {
        info.closing = balance;
      } else {
        info.otherBalances.push_back(balance);
      }
    }
  }
  fillNumber();
  if (!begun) {
    BOOST_OUTCOME_TRYV(sink.begin(info));
  }
  return sink.end(info);
}

}  // namespace

Result<void> readCamt(std::istream& in, StatementSink& sink, Format format) {
  const CamtKind kind = kindOf(format);
  XmlReader reader(in, kind.label);
  BOOST_OUTCOME_TRYV(reader.openRoot());
  // A SWIFT envelope (CBPR+) carries an application header and the Document.
  if (reader.name() == "Envelope") {
    bool found = false;
    const int depth = reader.depth();
    while (!found) {
      BOOST_OUTCOME_TRY(more, reader.nextChild(depth));
      if (!more) {
        return reader.error("the envelope holds no Document");
      }
      found = reader.name() == "Document";
    }
  }
  if (reader.name() != "Document") {
    return reader.error(fmt::format("the root element is <{}>, not an ISO 20022 <Document>", reader.name()));
  }
  const std::string_view uri = reader.namespaceUri();
  const std::string expected = fmt::format("{}.001.", kind.label);
  if (uri.find(expected) == std::string_view::npos) {
    return fail(Errc::UnsupportedFormat,
                fmt::format("the Document's namespace '{}' is not a {} message", uri, kind.label),
                reader.where());
  }
  const int documentDepth = reader.depth();
  BOOST_OUTCOME_TRY(hasMessage, reader.nextChild(documentDepth));
  if (!hasMessage || reader.name() != kind.message) {
    return reader.error(fmt::format("a {} Document must hold <{}>", kind.label, kind.message));
  }
  const int messageDepth = reader.depth();
  std::string messageId;
  std::size_t records = 0;
  while (true) {
    BOOST_OUTCOME_TRY(more, reader.nextChild(messageDepth));
    if (!more) {
      break;
    }
    if (reader.name() == "GrpHdr") {
      BOOST_OUTCOME_TRY(header, reader.readTree());
      messageId = header.textAt("MsgId");
    } else if (reader.name() == kind.record) {
      ++records;
      BOOST_OUTCOME_TRYV(readRecord(reader, sink, messageId));
    }
  }
  if (records == 0) {
    return reader.error(fmt::format("the {} message holds no <{}>", kind.label, kind.record));
  }
  return boost::outcome_v2::success();
}

}  // namespace platnik::banking::formats::detail
