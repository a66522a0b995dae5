// Asseco OfficeBanking / FX Client XML statements: <stmtrs> (statement on request),
// <pmtnotification> (instant notification, same structure) and <stmtrslist> holding several.
// Each <stmttrn> is read as a small subtree and dropped.

#include "Readers.h"
#include "XmlReader.h"
#include "XmlSerbian.h"
#include "XmlValues.h"

#include <fmt/format.h>

namespace platnik::banking::formats::detail {
namespace {

Result<Currency> currencyOf(const XmlReader& reader, const XmlElement& element) {
  auto currency = Currency::fromCode(element.value());  // "DIN" is the dinar
  if (!currency) {
    return reader.errorAt(element, fmt::format("'{}' is not a currency", element.value()));
  }
  return currency.value();
}

Result<Balance> readBalance(const XmlReader& reader, const XmlElement& element, BalanceType type,
                            Currency currency) {
  Balance balance;
  balance.type = type;
  const XmlElement* amount = element.child("balamt");
  if (amount == nullptr) {
    return reader.errorAt(element, fmt::format("<{}> has no <balamt>", element.name));
  }
  BOOST_OUTCOME_TRY(money, xmlMoney(reader, *amount, amount->value(), currency));
  balance.amount = money;
  if (const XmlElement* date = element.child("dtasof"); date != nullptr && !date->value().empty()) {
    BOOST_OUTCOME_TRY(day, xmlDate(reader, *date));
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

/// One <stmtrs> or <pmtnotification>; the reader is at its start.
Result<void> readStatement(XmlReader& reader, StatementSink& sink) {
  StatementInfo info;
  info.currency = Currency::rsd();
  bool begun = false;
  const auto beginOnce = [&]() -> Result<void> {
    if (!begun) {
      begun = true;
      return sink.begin(info);
    }
    return boost::outcome_v2::success();
  };
  const auto transaction = [&]() -> Result<void> {
    BOOST_OUTCOME_TRYV(beginOnce());
    BOOST_OUTCOME_TRY(trn, reader.readTree());
    BOOST_OUTCOME_TRY(entry, readTransaction(reader, trn, *info.currency));
    return sink.entry(entry);
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
    } else if (name == "acctid") {
      info.account = domesticAccount(element.value());
    } else if (name == "stmtnumber") {
      info.number = element.value();
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
  BOOST_OUTCOME_TRYV(beginOnce());
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
