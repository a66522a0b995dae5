// Halcom statement turnover (spec 1.3) and recap (spec 1.4), and readHalcom(), the entry
// point for every Halcom statement form.

#include "HalcomLines.h"
#include "HalcomReaders.h"
#include "Readers.h"
#include "banking/formats/HalcomTxt.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace platnik::banking::formats {
namespace detail {
namespace {

constexpr std::size_t kTurnoverWidth = 280;
constexpr std::size_t kRecapWidth = 147;
constexpr std::string_view kTurnoverLabel = "Halcom statement";
constexpr std::string_view kRecapLabel = "Halcom statement recap";

auto success() {
  return boost::outcome_v2::success();
}

/// One turnover line: the own account, the holder's name and the entry.
struct TurnoverLine {
  std::string ownAccount;
  std::string ownerName;
  Entry entry;
};

Result<TurnoverLine> parseTurnoverLine(const HalcomLineReader& reader) {
  const FixedLine line(reader.line(), reader);
  if (line.length() != kTurnoverWidth) {
    return line.error(
        fmt::format("the line has {} characters; a statement line has {}", line.length(), kTurnoverWidth), 1);
  }
  TurnoverLine out;
  Entry& entry = out.entry;
  const std::string code = line.text(19, 2);
  bool negative = false;
  if (code == "10") {
    negative = true;
  } else if (code == "20") {
    negative = false;
  } else if (code == "30") {  // storno of a debit: the money comes back
    entry.reversal = true;
  } else if (code == "40") {  // storno of a credit: the money goes out again
    entry.reversal = true;
    negative = true;
  } else {
    return line.error(fmt::format("unknown posting code '{}' (10, 20, 30 or 40 expected)", line.raw(19, 2)),
                      19);
  }
  entry.transactionCode = code;
  BOOST_OUTCOME_TRY(booking, line.dottedShortDate(21, "booking date"));
  entry.bookingDate = booking;
  const std::string storno = line.text(29, 2);
  if (storno == "S") {
    entry.reversal = true;
  } else if (!storno.empty()) {
    return line.error(fmt::format("the storno mark '{}' is neither 'S' nor blank", line.raw(29, 2)), 29);
  }
  out.ownerName = line.text(31, 35);
  BOOST_OUTCOME_TRY(value, line.compactDate(67, 6, "value date"));
  entry.valueDate = value;
  out.ownAccount = line.text(73, 18);
  if (out.ownAccount.empty()) {
    return line.error("the own account is blank", 73);
  }
  BOOST_OUTCOME_TRY(amount, line.amount(91, 15, Currency::rsd(), "amount"));
  if (amount.isNegative()) {
    return line.error("the amount is signed; the posting code gives the sign", 91);
  }
  entry.amount = negative ? Money(-amount.minorUnits(), amount.currency()) : amount;
  // Real files: blank at 106 and the three-digit code at 107-109 (the spec's "8", "8" and a
  // two-digit code are from the pre-2003 code book). The whole zone is read, blanks dropped.
  std::string paymentCode = line.text(106, 6);
  paymentCode.erase(std::remove(paymentCode.begin(), paymentCode.end(), ' '), paymentCode.end());
  entry.paymentCode = std::move(paymentCode);
  entry.debitReference = Reference{line.text(112, 2), line.text(114, 22)};
  entry.reference = Reference{line.text(136, 2), line.text(138, 22)};
  entry.purpose = line.text(160, 36);
  entry.counterparty.place = line.text(196, 10);
  entry.counterparty.name = line.text(206, 35);
  entry.bankReference = line.text(241, 22);
  entry.counterparty.account = line.text(1, 18);
  if (entry.counterparty.account.empty()) {
    entry.counterparty.account = line.text(263, 18);
  }
  return out;
}

StatementInfo turnoverInfo(const TurnoverLine& line) {
  StatementInfo info;
  info.account = line.ownAccount;
  info.iban = ibanOf(line.ownAccount);
  info.currency = Currency::rsd();
  info.ownerName = line.ownerName;
  return info;
}

/// A recap line: the statement's info and the day's debit and credit counts and totals.
struct RecapLine {
  StatementInfo info;
  std::uint64_t debitCount = 0;
  Money debitTotal = Money::zero(Currency::rsd());
  std::uint64_t creditCount = 0;
  Money creditTotal = Money::zero(Currency::rsd());
  std::size_t lineNumber = 0;
};

Result<RecapLine> parseRecapLine(const HalcomLineReader& reader) {
  const FixedLine line(reader.line(), reader);
  if (line.length() != kRecapWidth) {
    return line.error(
        fmt::format("the line has {} characters; a recap line has {}", line.length(), kRecapWidth), 1);
  }
  if (line.raw(1, 2) != "01") {
    return line.error(fmt::format("the record type is '{}'; a recap line starts with 01", line.raw(1, 2)), 1);
  }
  const Currency rsd = Currency::rsd();
  RecapLine out;
  out.lineNumber = reader.number();
  StatementInfo& info = out.info;
  info.account = line.text(3, 18);
  if (info.account.empty()) {
    return line.error("the account is blank", 3);
  }
  info.iban = ibanOf(info.account);
  info.currency = rsd;
  // The spec says DD.MM.GGGG, which cannot fit in 8 characters; real files write DDMMYYYY.
  BOOST_OUTCOME_TRY(date, line.compactDate(21, 8, "processing date"));
  if (!date) {
    return line.error("the processing date is blank", 21);
  }
  info.date = date;
  BOOST_OUTCOME_TRY(previousDate, line.compactDate(29, 8, "previous statement date"));
  BOOST_OUTCOME_TRY(previous, line.amount(37, 18, rsd, "previous balance"));
  BOOST_OUTCOME_TRY(debitCount, line.count(55, 6, "number of debits"));
  BOOST_OUTCOME_TRY(debitTotal, line.amount(61, 18, rsd, "debit turnover"));
  BOOST_OUTCOME_TRY(creditCount, line.count(79, 6, "number of credits"));
  BOOST_OUTCOME_TRY(creditTotal, line.amount(85, 18, rsd, "credit turnover"));
  BOOST_OUTCOME_TRY(closing, line.amount(103, 18, rsd, "new balance"));
  // 121 and 127: transactions pending for today (count and amount), not part of the balance.
  BOOST_OUTCOME_TRYV(line.count(121, 6, "number of pending transactions"));
  BOOST_OUTCOME_TRYV(line.amount(127, 18, rsd, "pending amount"));
  std::string number = line.text(145, 3);
  if (number.empty() ||
      !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return line.error(fmt::format("the statement number '{}' is not a number", line.raw(145, 3)), 145);
  }
  number.erase(0, std::min(number.find_first_not_of('0'), number.size() - 1));
  info.number = number;
  info.opening = Balance{BalanceType::Opening, previous, previousDate};
  info.closing = Balance{BalanceType::Closing, closing, date};
  out.debitCount = debitCount;
  out.debitTotal = debitTotal;
  out.creditCount = creditCount;
  out.creditTotal = creditTotal;
  BOOST_OUTCOME_TRY(afterCredits, previous.plus(creditTotal));
  BOOST_OUTCOME_TRY(expected, afterCredits.minus(debitTotal));
  if (expected != closing) {
    return line.error(
        fmt::format("the previous balance {} plus credits {} minus debits {} is {}, not the new "
                    "balance {}",
                    previous.toString(), creditTotal.toString(), debitTotal.toString(), expected.toString(),
                    closing.toString()),
        103);
  }
  return out;
}

/// Counts and sums a statement's entries as the recap does: debits are negative amounts.
struct Turnover {
  std::uint64_t debitCount = 0;
  Money debitTotal = Money::zero(Currency::rsd());
  std::uint64_t creditCount = 0;
  Money creditTotal = Money::zero(Currency::rsd());

  Result<void> add(const Money& amount) {
    if (amount.isNegative()) {
      ++debitCount;
      BOOST_OUTCOME_TRY(sum, debitTotal.plus(amount.abs()));
      debitTotal = sum;
    } else {
      ++creditCount;
      BOOST_OUTCOME_TRY(sum, creditTotal.plus(amount));
      creditTotal = sum;
    }
    return success();
  }
};

/// Puts the recap's number, date and balances on the turnover's statements and checks that
/// the entries add up to the recap's counts and totals.
class RecapMerger final : public StatementSink {
 public:
  RecapMerger(std::vector<RecapLine> recap, StatementSink& out) : m_recap(std::move(recap)), m_out(out) {}

  Result<void> begin(const StatementInfo& info) override {
    const auto found = std::find_if(m_recap.begin(), m_recap.end(), [&](const RecapLine& r) {
      return accountDigits(r.info.account) == accountDigits(info.account);
    });
    if (found == m_recap.end()) {
      return fail(Errc::MalformedFile,
                  fmt::format("{}: the recap has no line for the account {}", kRecapLabel, info.account));
    }
    if (m_used.contains(found->lineNumber)) {
      return fail(Errc::MalformedFile,
                  fmt::format("{}: the entries of the account {} are not together in one run of lines",
                              kTurnoverLabel, info.account));
    }
    m_used.insert(found->lineNumber);
    m_current = &*found;
    m_turnover = Turnover{};
    m_info = m_current->info;
    m_info.ownerName = info.ownerName;
    return m_out.begin(m_info);
  }

  Result<void> entry(const Entry& entry) override {
    BOOST_OUTCOME_TRYV(m_turnover.add(entry.amount));
    return m_out.entry(entry);
  }

  Result<void> end(const StatementInfo&) override {
    const RecapLine& r = *m_current;
    if (r.debitCount != m_turnover.debitCount || r.debitTotal != m_turnover.debitTotal ||
        r.creditCount != m_turnover.creditCount || r.creditTotal != m_turnover.creditTotal) {
      return fail(
          Errc::MalformedFile,
          fmt::format("{}: the recap says {} debits of {} and {} credits of {}, the statement file holds "
                      "{} debits of {} and {} credits of {}",
                      kRecapLabel, r.debitCount, r.debitTotal.toString(), r.creditCount,
                      r.creditTotal.toString(), m_turnover.debitCount, m_turnover.debitTotal.toString(),
                      m_turnover.creditCount, m_turnover.creditTotal.toString()),
          fmt::format("recap line {}", r.lineNumber));
    }
    return m_out.end(m_info);
  }

  /// Statements of the recap whose account had no entries.
  Result<void> finish() {
    for (const RecapLine& r : m_recap) {
      if (m_used.contains(r.lineNumber)) {
        continue;
      }
      if (r.debitCount != 0 || r.creditCount != 0) {
        return fail(
            Errc::MalformedFile,
            fmt::format("{}: the recap says {} debits and {} credits for the account {}, the statement "
                        "file holds none",
                        kRecapLabel, r.debitCount, r.creditCount, r.info.account),
            fmt::format("recap line {}", r.lineNumber));
      }
      BOOST_OUTCOME_TRYV(m_out.begin(r.info));
      BOOST_OUTCOME_TRYV(m_out.end(r.info));
    }
    return success();
  }

 private:
  std::vector<RecapLine> m_recap;
  StatementSink& m_out;
  std::set<std::size_t> m_used;
  const RecapLine* m_current = nullptr;
  Turnover m_turnover;
  StatementInfo m_info;
};

}  // namespace

namespace {

Result<void> readTurnoverLines(std::istream& in, StatementSink& sink, bool allowEmpty) {
  HalcomLineReader reader(in, kTurnoverLabel);
  std::optional<StatementInfo> current;
  std::size_t entries = 0;
  while (true) {
    BOOST_OUTCOME_TRY(more, reader.next());
    if (!more) {
      break;
    }
    BOOST_OUTCOME_TRY(line, parseTurnoverLine(reader));
    if (current && current->account != line.ownAccount) {
      BOOST_OUTCOME_TRYV(sink.end(*current));
      current.reset();
    }
    if (!current) {
      current = turnoverInfo(line);
      BOOST_OUTCOME_TRYV(sink.begin(*current));
    }
    // Without the recap the statement's date is its latest booking date.
    if (!current->date || *current->date < *line.entry.bookingDate) {
      current->date = line.entry.bookingDate;
    }
    BOOST_OUTCOME_TRYV(sink.entry(line.entry));
    ++entries;
  }
  if (entries == 0) {
    if (allowEmpty) {
      return success();
    }
    return fail(Errc::MalformedFile, fmt::format("{}: the file holds no statement lines", kTurnoverLabel));
  }
  return sink.end(*current);
}

}  // namespace

Result<void> readHalcomTurnover(std::istream& in, StatementSink& sink) {
  return readTurnoverLines(in, sink, false);
}

Result<void> readHalcomRecap(std::istream& in, StatementSink& sink) {
  HalcomLineReader reader(in, kRecapLabel);
  std::size_t lines = 0;
  while (true) {
    BOOST_OUTCOME_TRY(more, reader.next());
    if (!more) {
      break;
    }
    BOOST_OUTCOME_TRY(recap, parseRecapLine(reader));
    BOOST_OUTCOME_TRYV(sink.begin(recap.info));
    BOOST_OUTCOME_TRYV(sink.end(recap.info));
    ++lines;
  }
  if (lines == 0) {
    return fail(Errc::MalformedFile, fmt::format("{}: the file holds no recap lines", kRecapLabel));
  }
  return success();
}

Result<void> readHalcom(std::istream& in, StatementSink& sink, Format format) {
  switch (format) {
    case Format::HalcomStatement:
      return readHalcomTurnover(in, sink);
    case Format::HalcomRecap:
      return readHalcomRecap(in, sink);
    case Format::HalcomExtended:
      return readHalcomExtended(in, sink);
    case Format::HalcomForeign:
      return readHalcomForeign(in, sink);
    default:
      break;
  }
  return fail(Errc::UnsupportedFormat, "the format is not a Halcom statement form");
}

}  // namespace detail

Result<void> readHalcomStatementWithRecap(std::istream& turnover, std::istream& recap, StatementSink& sink) {
  std::vector<detail::RecapLine> lines;
  detail::HalcomLineReader reader(recap, detail::kRecapLabel);
  while (true) {
    BOOST_OUTCOME_TRY(more, reader.next());
    if (!more) {
      break;
    }
    BOOST_OUTCOME_TRY(line, detail::parseRecapLine(reader));
    for (const auto& seen : lines) {
      if (detail::accountDigits(seen.info.account) == detail::accountDigits(line.info.account)) {
        return reader.error(fmt::format("a second recap line for the account {} (the first is line {})",
                                        line.info.account, seen.lineNumber),
                            3);
      }
    }
    lines.push_back(std::move(line));
  }
  if (lines.empty()) {
    return fail(Errc::MalformedFile, fmt::format("{}: the file holds no recap lines", detail::kRecapLabel));
  }
  detail::RecapMerger merger(std::move(lines), sink);
  // A turnover file may be empty on a day without entries; the recap alone then speaks.
  BOOST_OUTCOME_TRYV(detail::readTurnoverLines(turnover, merger, true));
  return merger.finish();
}

Result<std::vector<Statement>> readHalcomStatementWithRecap(std::istream& turnover, std::istream& recap) {
  StatementCollector collector;
  BOOST_OUTCOME_TRYV(readHalcomStatementWithRecap(turnover, recap, collector));
  return collector.take();
}

}  // namespace platnik::banking::formats
