// Halcom statement export: turnover (spec 1.3) and recap (spec 1.4), in the layout of the real
// files (blank at 106 and the three-digit payment code at 107-109; recap dates DDMMYYYY).

#include "HalcomLines.h"
#include "banking/formats/HalcomTxt.h"

#include <fmt/format.h>

#include <algorithm>

namespace platnik::banking::formats {
namespace {

using detail::FixedLineBuilder;
using detail::Overflow;

constexpr std::size_t kTurnoverWidth = 280;
constexpr std::size_t kRecapWidth = 147;

auto success() {
  return boost::outcome_v2::success();
}

/// The posting code: the entry's own when it agrees with the amount's sign and the storno
/// mark, otherwise the one the sign and mark call for.
std::string postingCode(const Entry& entry) {
  const bool negative = entry.amount.isNegative();
  const std::string& own = entry.transactionCode;
  if ((own == "10" && (negative || entry.amount.isZero())) || (own == "20" && !negative) ||
      (own == "30" && !negative && entry.reversal) || (own == "40" && negative && entry.reversal)) {
    return own;
  }
  if (entry.reversal) {
    return negative ? "40" : "30";
  }
  return negative ? "10" : "20";
}

Result<std::string> turnoverLine(const StatementInfo& info, const std::string& ownAccount, const Entry& entry,
                                 const std::string& context) {
  FixedLineBuilder line(kTurnoverWidth, context);
  BOOST_OUTCOME_TRY(counterparty,
                    detail::accountField(entry.counterparty.account, "counterparty account", context));
  BOOST_OUTCOME_TRYV(line.text(1, 18, counterparty, Overflow::Fail, "counterparty account"));
  const std::string code = postingCode(entry);
  BOOST_OUTCOME_TRYV(line.text(19, 2, code, Overflow::Fail, "posting code"));
  if (!entry.bookingDate) {
    return Error(Errc::InvalidArgument, "the entry has no booking date", context);
  }
  BOOST_OUTCOME_TRYV(line.date(21, "DD.MM.YY", entry.bookingDate, "booking date"));
  if (entry.reversal) {
    BOOST_OUTCOME_TRYV(line.text(29, 2, "S", Overflow::Fail, "storno mark"));
  }
  BOOST_OUTCOME_TRYV(line.text(31, 35, info.ownerName, Overflow::Cut, "account holder"));
  BOOST_OUTCOME_TRYV(line.date(67, "DDMMYY", entry.valueDate, "value date"));
  BOOST_OUTCOME_TRYV(line.text(73, 18, ownAccount, Overflow::Fail, "account"));
  BOOST_OUTCOME_TRYV(line.amount(91, 15, entry.amount, "amount"));
  BOOST_OUTCOME_TRYV(line.text(107, 3, entry.paymentCode, Overflow::Fail, "payment code"));
  BOOST_OUTCOME_TRYV(line.text(112, 2, entry.debitReference.model, Overflow::Fail, "debit model"));
  BOOST_OUTCOME_TRYV(line.text(114, 22, entry.debitReference.number, Overflow::Fail, "debit reference"));
  BOOST_OUTCOME_TRYV(line.text(136, 2, entry.reference.model, Overflow::Fail, "credit model"));
  BOOST_OUTCOME_TRYV(line.text(138, 22, entry.reference.number, Overflow::Fail, "credit reference"));
  BOOST_OUTCOME_TRYV(line.text(160, 36, entry.purpose, Overflow::Cut, "purpose"));
  BOOST_OUTCOME_TRYV(line.text(196, 10, entry.counterparty.place, Overflow::Cut, "counterparty place"));
  BOOST_OUTCOME_TRYV(line.text(206, 35, entry.counterparty.name, Overflow::Cut, "counterparty name"));
  BOOST_OUTCOME_TRYV(line.text(241, 22, entry.bankReference, Overflow::Fail, "bank reference"));
  return line.finish();
}

Result<void> checkDinars(const StatementInfo& info, const std::string& context) {
  if (info.currency && *info.currency != Currency::rsd()) {
    return Error(
        Errc::InvalidArgument,
        fmt::format("the statement is in {}; Halcom TXT statements are in dinars", info.currency->code()),
        context);
  }
  return success();
}

}  // namespace

Result<void> writeHalcomTurnover(std::ostream& out, std::span<const Statement> statements) {
  for (std::size_t s = 0; s < statements.size(); ++s) {
    const Statement& statement = statements[s];
    const std::string statementContext = fmt::format("statement {}", s + 1);
    BOOST_OUTCOME_TRYV(checkDinars(statement.info, statementContext));
    BOOST_OUTCOME_TRY(ownAccount, detail::accountField(statement.info.account, "account", statementContext));
    if (ownAccount.empty() && !statement.entries.empty()) {
      return fail(Errc::InvalidAccount, "the statement has no account", statementContext);
    }
    for (std::size_t e = 0; e < statement.entries.size(); ++e) {
      BOOST_OUTCOME_TRY(line, turnoverLine(statement.info, ownAccount, statement.entries[e],
                                           fmt::format("statement {}, entry {}", s + 1, e + 1)));
      out << line;
    }
  }
  out << '\x1A';
  if (!out) {
    return fail(Errc::Io, "the statement file cannot be written");
  }
  return success();
}

Result<void> writeHalcomRecap(std::ostream& out, std::span<const Statement> statements) {
  for (std::size_t s = 0; s < statements.size(); ++s) {
    const Statement& statement = statements[s];
    const StatementInfo& info = statement.info;
    const std::string context = fmt::format("statement {}", s + 1);
    BOOST_OUTCOME_TRYV(checkDinars(info, context));
    BOOST_OUTCOME_TRY(account, detail::accountField(info.account, "account", context));
    if (account.empty() || !info.opening || !info.closing) {
      return fail(Errc::InvalidArgument, "a recap needs the statement's account, opening and closing balance",
                  context);
    }
    const std::optional<Date> date = info.date ? info.date : info.closing->date;
    if (!date) {
      return fail(Errc::InvalidArgument, "a recap needs the statement's date", context);
    }
    const std::string& number = info.number;
    if (number.empty() || number.size() > 3 ||
        !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return fail(Errc::Overflow,
                  fmt::format("the statement number '{}' is not a number of up to three digits", number),
                  context);
    }
    std::uint64_t debitCount = 0;
    std::uint64_t creditCount = 0;
    Money debits = Money::zero(Currency::rsd());
    Money credits = Money::zero(Currency::rsd());
    for (const Entry& entry : statement.entries) {
      auto& count = entry.amount.isNegative() ? debitCount : creditCount;
      auto& sum = entry.amount.isNegative() ? debits : credits;
      BOOST_OUTCOME_TRY(added, sum.plus(entry.amount.abs()));
      sum = added;
      ++count;
    }
    BOOST_OUTCOME_TRY(afterCredits, info.opening->amount.plus(credits));
    BOOST_OUTCOME_TRY(expected, afterCredits.minus(debits));
    if (expected != info.closing->amount) {
      return fail(
          Errc::InvalidArgument,
          fmt::format("the opening balance {} and the entries give {}, not the closing balance {}",
                      info.opening->amount.toString(), expected.toString(), info.closing->amount.toString()),
          context);
    }
    FixedLineBuilder line(kRecapWidth, context);
    BOOST_OUTCOME_TRYV(line.text(1, 2, "01", Overflow::Fail, "record type"));
    BOOST_OUTCOME_TRYV(line.text(3, 18, account, Overflow::Fail, "account"));
    BOOST_OUTCOME_TRYV(line.date(21, "DDMMYYYY", date, "processing date"));
    if (info.opening->date) {
      BOOST_OUTCOME_TRYV(line.date(29, "DDMMYYYY", info.opening->date, "previous statement date"));
    } else {
      BOOST_OUTCOME_TRYV(line.digits(29, 8, 0, "previous statement date"));
    }
    BOOST_OUTCOME_TRYV(line.signedAmount(37, 18, info.opening->amount, "previous balance"));
    BOOST_OUTCOME_TRYV(line.digits(55, 6, debitCount, "number of debits"));
    BOOST_OUTCOME_TRYV(line.amount(61, 18, debits, "debit turnover"));
    BOOST_OUTCOME_TRYV(line.digits(79, 6, creditCount, "number of credits"));
    BOOST_OUTCOME_TRYV(line.amount(85, 18, credits, "credit turnover"));
    BOOST_OUTCOME_TRYV(line.signedAmount(103, 18, info.closing->amount, "new balance"));
    BOOST_OUTCOME_TRYV(line.digits(121, 6, 0, "number of pending transactions"));
    BOOST_OUTCOME_TRYV(line.digits(127, 18, 0, "pending amount"));
    BOOST_OUTCOME_TRYV(line.digits(145, 3, std::stoull(number), "statement number"));
    out << line.finish();
  }
  out << '\x1A';
  if (!out) {
    return fail(Errc::Io, "the recap file cannot be written");
  }
  return success();
}

}  // namespace platnik::banking::formats
