// Asseco OfficeBanking / FX Client XML statements: <stmtrs> (statement on request),
// <pmtnotification> (instant notification, same structure) and <stmtrslist> holding several.
// Each <stmttrn> is read as a small subtree and dropped.
//
// A foreign-currency statement (spec "Struktura XML izvoda u deviznom platnom prometu") adds
// a <documentlist> after its <trnlist>: "the documents on whose basis the transactions in this
// statement were generated". A <document> is not turnover of its own: the statement's balances
// move by its <stmttrn> lines, and the document's <ledgeritems> are the bank's bookings of both
// sides on its general-ledger accounts (konto), one of which is that very line. So a document
// never becomes an entry; it enriches the lines that name it (stmttrn/documentid equal to
// document/documentid) with what a foreign-currency <stmttrn> lacks: the other side (the
// beneficiary on a debit, the ordering party on a credit: name, city, account, BIC), purpose,
// purpose code, the original amount in the document's currency, the exchange rate, the
// originating order's reference and the dates. What the line itself says wins. A document
// that names no line of the statement is dropped.
//
// The documents come after the lines they describe, so once a line names a document, it and
// every later line of that statement wait (in order) for the end of the statement before
// they are delivered, at most kMaxWaitingEntries of them. Dinar statements have no
// documentid and stream line by line as before.

#include "Readers.h"
#include "XmlReader.h"
#include "XmlSerbian.h"
#include "XmlValues.h"

#include <fmt/format.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace platnik::banking::formats::detail {
namespace {

Result<Currency> currencyOf(const XmlReader& reader, const XmlElement& element) {
  auto currency = Currency::fromCode(element.value());  // "DIN" is the dinar
  if (!currency) {
    return reader.errorAt(element, fmt::format("'{}' is not a currency", element.value()));
  }
  return currency.value();
}

/// A balance subtree. `below`: the reader has since moved on to the end of the statement
/// (a balance written before the statement's <curdef>), so errors name it below there.
Result<Balance> readBalance(const XmlReader& reader, const XmlElement& element, BalanceType type,
                            Currency currency, bool below = false) {
  const std::string prefix = element.name + "/";
  const auto spot = [&](const XmlElement& child) {
    return below ? XmlSpot(reader, prefix, child.name, child.line) : XmlSpot(reader, child);
  };
  Balance balance;
  balance.type = type;
  const XmlElement* amount = element.child("balamt");
  if (amount == nullptr) {
    const std::string reason = fmt::format("<{}> has no <balamt>", element.name);
    return below ? reader.errorBelow(element.name, element.line, reason) : reader.errorAt(element, reason);
  }
  BOOST_OUTCOME_TRY(money, xmlMoneyText(spot(*amount), amount->value(), currency));
  balance.amount = money;
  if (const XmlElement* date = element.child("dtasof"); date != nullptr && !date->value().empty()) {
    BOOST_OUTCOME_TRY(day, xmlDateText(spot(*date), date->value()));
    balance.date = day;
  }
  return balance;
}

Result<Entry> readTransaction(const XmlReader& reader, const XmlElement& trn, Currency statementCurrency) {
  Entry entry;
  Currency currency = statementCurrency;
  if (const XmlElement* code = trn.child("curdef"); code != nullptr && !code->value().empty()) {
    BOOST_OUTCOME_TRY(own, currencyOf(reader, *code));
    currency = own;
  }
  const XmlElement* amount = trn.child("trnamt");
  if (amount == nullptr) {
    return reader.errorAt(trn, "the transaction has no <trnamt>");
  }
  BOOST_OUTCOME_TRY(money, xmlMoney(reader, *amount, amount->value(), currency));
  const auto benefit = trn.textAt("benefit");
  if (benefit == "debit") {
    BOOST_OUTCOME_TRY(negative, money.abs().negated());
    entry.amount = negative;
  } else if (benefit == "credit") {
    entry.amount = money.abs();
  } else {
    return reader.errorAt(trn, fmt::format("<benefit> is '{}', not credit or debit", benefit));
  }
  for (const auto& [name, date] :
       {std::pair{"dtposted", &entry.bookingDate}, std::pair{"dtavail", &entry.valueDate}}) {
    if (const XmlElement* element = trn.child(name); element != nullptr && !element->value().empty()) {
      BOOST_OUTCOME_TRY(day, xmlDate(reader, *element));
      *date = day;
    }
  }
  entry.bankReference = trn.textAt("fitid");
  entry.transactionCode = trn.textAt("trntype");
  entry.counterparty.name = trn.textAt("payeeinfo/name");
  entry.counterparty.place = trn.textAt("payeeinfo/city");
  entry.counterparty.account = domesticAccount(trn.textAt("payeeaccountinfo/acctid"));
  entry.purpose = trn.textAt("purpose");
  entry.paymentCode = trn.textAt("purposecode");
  assignReferences(entry, {std::string(trn.textAt("refmodel")), std::string(trn.textAt("refnumber"))},
                   {std::string(trn.textAt("payeerefmodel")), std::string(trn.textAt("payeerefnumber"))});
  return entry;
}

/// Lines of one statement that may wait for their <documentlist>; beyond this the file is
/// refused rather than held in memory.
constexpr std::size_t kMaxWaitingEntries = 10'000;

/// One side of a foreign-currency document (<beneficiary>, <orderingparty>).
struct DocumentParty {
  std::string name;
  std::string place;
  std::string account;
  std::string bic;
  std::string legalId;  ///< matični broj
};

/// What a <documentlist>/<document> says about the lines that name it.
struct Document {
  std::string id;
  std::string type;
  std::string reference;  ///< the document this one was generated from (the order)
  DocumentParty beneficiary;
  DocumentParty orderingParty;
  std::string purpose;
  std::string purposeCode;
  std::optional<Money> amount;  ///< trnamt in curdef
  std::string exchangeRate;
  std::string charges;  ///< inocharge: our, ben, sha
  std::string comment;
  std::optional<Date> valueDate;
  std::optional<Date> bookingDate;
};

/// The first non-empty text of several paths. The spec spells some names two ways: its
/// element table has "accountifo", "refrencenumber" and "benfit", its sample "accountinfo",
/// "refnumber" and "benefit"; both are read.
std::string_view textOfAny(const XmlElement& element, std::initializer_list<std::string_view> paths) {
  for (const std::string_view path : paths) {
    if (const auto text = element.textAt(path); !text.empty()) {
      return text;
    }
  }
  return {};
}

DocumentParty readParty(const XmlElement* party) {
  DocumentParty out;
  if (party == nullptr) {
    return out;
  }
  out.name = party->textAt("name");
  out.place = party->textAt("address/city");
  out.account = domesticAccount(textOfAny(*party, {"accountinfo/acctid", "accountifo/acctid"}));
  out.bic = textOfAny(*party, {"accountinfo/bankinfo/bic", "accountifo/bankinfo/bic"});
  out.legalId = party->textAt("legalid");
  return out;
}

Result<std::optional<Date>> optionalDate(const XmlReader& reader, const XmlElement& parent,
                                         std::string_view name) {
  const XmlElement* element = parent.child(name);
  if (element == nullptr || element->value().empty()) {
    return std::optional<Date>();
  }
  BOOST_OUTCOME_TRY(day, xmlDate(reader, *element));
  return std::optional<Date>(day);
}

/// A <document> read as a subtree; `statementCurrency` is its amount's when it names none.
Result<Document> readDocument(const XmlReader& reader, const XmlElement& element,
                              Currency statementCurrency) {
  Document document;
  document.id = element.textAt("documentid");
  if (document.id.empty()) {
    return reader.errorAt(element, "the document has no <documentid>, so it names no line of the statement");
  }
  document.type = element.textAt("doctype");
  document.reference = textOfAny(element, {"refnumber", "refrencenumber"});
  document.beneficiary = readParty(element.child("beneficiary"));
  document.orderingParty = readParty(element.child("orderingparty"));
  document.purpose = element.textAt("purpose");
  document.purposeCode = element.textAt("purposecode");
  document.exchangeRate = element.textAt("currencyrate");
  document.charges = element.textAt("inocharge");
  document.comment = element.textAt("comment");
  if (const XmlElement* amount = element.child("trnamt"); amount != nullptr && !amount->value().empty()) {
    Currency currency = statementCurrency;
    if (const XmlElement* code = element.child("curdef"); code != nullptr && !code->value().empty()) {
      BOOST_OUTCOME_TRY(own, currencyOf(reader, *code));
      currency = own;
    }
    BOOST_OUTCOME_TRY(money, xmlMoney(reader, *amount, amount->value(), currency));
    document.amount = money.abs();
  }
  BOOST_OUTCOME_TRY(valueDate, optionalDate(reader, element, "valuedate"));
  document.valueDate = valueDate;
  BOOST_OUTCOME_TRY(bookingDate, optionalDate(reader, element, "bookingdate"));
  document.bookingDate = bookingDate;
  return document;
}

void fillIfEmpty(std::string& field, std::string_view value) {
  if (field.empty()) {
    field = value;
  }
}

/// Adds what the document says to a line that names it; the line's own data wins.
void describeEntry(Entry& entry, const Document& document) {
  // On a debit the account owner ordered the payment: the other side is the beneficiary.
  const DocumentParty& other = entry.amount.isNegative() ? document.beneficiary : document.orderingParty;
  fillIfEmpty(entry.counterparty.name, other.name);
  fillIfEmpty(entry.counterparty.place, other.place);
  fillIfEmpty(entry.counterparty.account, other.account);
  fillIfEmpty(entry.counterparty.bic, other.bic);
  fillIfEmpty(entry.purpose, document.purpose);
  fillIfEmpty(entry.paymentCode, document.purposeCode);
  fillIfEmpty(entry.transactionCode, document.type);
  fillIfEmpty(entry.endToEndId, document.reference);
  fillIfEmpty(entry.exchangeRate, document.exchangeRate);
  if (!entry.bookingDate) {
    entry.bookingDate = document.bookingDate;
  }
  if (!entry.valueDate) {
    entry.valueDate = document.valueDate;
  }
  if (!entry.originalAmount && document.amount && document.amount->currency() != entry.amount.currency()) {
    entry.originalAmount = document.amount;
  }
  if (entry.additionalInfo.empty()) {
    std::string info = document.comment;
    const auto add = [&](std::string_view label, std::string_view value) {
      if (!value.empty()) {
        info += fmt::format("{}{} {}", info.empty() ? "" : "; ", label, value);
      }
    };
    add("legal id", other.legalId);
    add("charges", document.charges);
    entry.additionalInfo = std::move(info);
  }
}

/// A line of the statement and the document it names ("" for none).
struct WaitingEntry {
  Entry entry;
  std::string documentId;
};

/// One <stmtrs> or <pmtnotification>; the reader is at its start.
Result<void> readStatement(XmlReader& reader, StatementSink& sink) {
  StatementInfo info;
  info.currency = Currency::rsd();
  std::optional<Date> statementDate;  // dateasto
  bool currencyDeclared = false;
  std::vector<XmlElement> laterBalances;  // <stmbal>, <closing> met before <curdef>
  const auto typeOf = [](std::string_view name) {
    return name == "stmbal" ? BalanceType::Opening : BalanceType::Closing;
  };
  bool begun = false;
  const auto beginOnce = [&]() -> Result<void> {
    if (!begun) {
      begun = true;
      return sink.begin(info);
    }
    return boost::outcome_v2::success();
  };
  std::vector<WaitingEntry> waiting;  // lines held for the <documentlist>, in order
  const auto transaction = [&]() -> Result<void> {
    BOOST_OUTCOME_TRYV(beginOnce());
    BOOST_OUTCOME_TRY(trn, reader.readTree());
    BOOST_OUTCOME_TRY(entry, readTransaction(reader, trn, *info.currency));
    std::string documentId(trn.textAt("documentid"));
    if (waiting.empty() && documentId.empty()) {
      return sink.entry(entry);
    }
    if (waiting.size() == kMaxWaitingEntries) {
      return reader.errorAt(trn,
                            fmt::format("more than {} lines of the statement wait for the <documentlist> "
                                        "that describes them; Platnik holds no more",
                                        kMaxWaitingEntries));
    }
    waiting.push_back({std::move(entry), std::move(documentId)});
    return boost::outcome_v2::success();
  };
  const auto documents = [&]() -> Result<void> {
    const int listDepth = reader.depth();
    while (true) {
      BOOST_OUTCOME_TRY(item, reader.nextChild(listDepth));
      if (!item) {
        return boost::outcome_v2::success();
      }
      if (reader.name() != "document") {
        continue;
      }
      BOOST_OUTCOME_TRY(element, reader.readTree());
      BOOST_OUTCOME_TRY(document, readDocument(reader, element, *info.currency));
      for (WaitingEntry& line : waiting) {
        if (line.documentId == document.id) {
          describeEntry(line.entry, document);
        }
      }
    }
  };
  const int depth = reader.depth();
  while (true) {
    BOOST_OUTCOME_TRY(more, reader.nextChild(depth));
    if (!more) {
      break;
    }
    const std::string name(reader.name());
    if (name == "trnlist") {
      const int listDepth = reader.depth();
      while (true) {
        BOOST_OUTCOME_TRY(item, reader.nextChild(listDepth));
        if (!item) {
          break;
        }
        if (reader.name() == "stmttrn") {
          BOOST_OUTCOME_TRYV(transaction());
        }
      }
      continue;
    }
    if (name == "stmttrn") {
      BOOST_OUTCOME_TRYV(transaction());
      continue;
    }
    if (name == "documentlist") {
      BOOST_OUTCOME_TRYV(documents());
      continue;
    }
    BOOST_OUTCOME_TRY(element, reader.readTree());
    if (name == "status") {
      if (const auto code = element.textAt("code"); !code.empty() && code != "0") {
        return reader.errorAt(
            element, fmt::format("the bank reports an error instead of a statement: status {} ({})", code,
                                 element.textAt("severity")));
      }
    } else if (name == "curdef") {
      BOOST_OUTCOME_TRY(currency, currencyOf(reader, element));
      info.currency = currency;
      currencyDeclared = true;
    } else if (name == "acctid") {
      info.account = domesticAccount(element.value());
    } else if (name == "stmtnumber" || name == "stmtno") {  // stmtno: foreign currency
      info.number = element.value();
    } else if (name == "dateasto") {  // foreign currency: the statement's booking date
      BOOST_OUTCOME_TRY(day, xmlDate(reader, element));
      statementDate = day;
    } else if (name == "stmbal" || name == "closing") {
      // Foreign currency: <stmbal> is the balance the previous statement closed with. The
      // spec writes both before <curdef>; such balances are read at the statement's end.
      if (currencyDeclared) {
        BOOST_OUTCOME_TRY(balance, readBalance(reader, element, typeOf(name), *info.currency));
        (name == "stmbal" ? info.opening : info.closing) = balance;
      } else {
        laterBalances.push_back(std::move(element));
      }
    } else if (name == "ledgerbal") {
      // The balance the previous statement closed with: this one's opening balance.
      BOOST_OUTCOME_TRY(balance, readBalance(reader, element, BalanceType::Opening, *info.currency));
      info.opening = balance;
    } else if (name == "availbal") {
      BOOST_OUTCOME_TRY(balance, readBalance(reader, element, BalanceType::Closing, *info.currency));
      info.closing = balance;
      info.date = balance.date;
    }
  }
  for (const XmlElement& element : laterBalances) {
    BOOST_OUTCOME_TRY(balance, readBalance(reader, element, typeOf(element.name), *info.currency, true));
    (element.name == "stmbal" ? info.opening : info.closing) = balance;
  }
  BOOST_OUTCOME_TRYV(beginOnce());
  for (const WaitingEntry& line : waiting) {
    BOOST_OUTCOME_TRYV(sink.entry(line.entry));
  }
  if (!info.date) {
    info.date = statementDate;
  }
  if (info.closing && !info.closing->date) {
    info.closing->date = info.date;
  }
  return sink.end(info);
}

}  // namespace

Result<void> readAssecoXml(std::istream& in, StatementSink& sink) {
  XmlReader reader(in, "asseco-xml");
  BOOST_OUTCOME_TRYV(reader.openRoot());
  if (reader.name() == "stmtrs" || reader.name() == "pmtnotification") {
    return readStatement(reader, sink);
  }
  if (reader.name() != "stmtrslist") {
    return reader.error(
        fmt::format("<{}> is not an Asseco statement (stmtrs, stmtrslist, pmtnotification)", reader.name()));
  }
  const int depth = reader.depth();
  std::size_t statements = 0;
  while (true) {
    BOOST_OUTCOME_TRY(more, reader.nextChild(depth));
    if (!more) {
      break;
    }
    if (reader.name() == "stmtrs" || reader.name() == "pmtnotification") {
      ++statements;
      BOOST_OUTCOME_TRYV(readStatement(reader, sink));
    }
  }
  if (statements == 0) {
    return reader.error("the statement list holds no <stmtrs>");
  }
  return boost::outcome_v2::success();
}

}  // namespace platnik::banking::formats::detail
