// Halcom payment-order files: export (spec 1.1) and import (spec 1.2, the same layout).
//
//   address record (type 0, 180 characters): payer account 1, name 19, place 54, value date 64
//     (DDMMYY, only when all orders share it), "MULTI E-BANK" 168, type 180
//   sum record (type 9, 180 characters): payer account 1, name 19, place 54, total 64 (15
//     digits, two implied decimals), number of orders 79 (5), type 180
//   order record (type 1, 182 characters): recipient account 1, name 19, place 54, "0" 64,
//     debit model 65, debit reference 67 (23), purpose 90 (36), "00000" 126, form of payment
//     132 ("2" transfer, "3" netting), basis 133 (2), "9" at 135 for a refund, amount 137
//     (13 digits, two implied decimals), credit model 150, credit reference 152 (23), value
//     date 175 (DDMMYY), document type 181 ("0" transfer, "4" netting), type 182 ("1").

#include "HalcomLines.h"
#include "banking/formats/HalcomTxt.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace platnik::banking::formats {
namespace {

using detail::FixedLine;
using detail::FixedLineBuilder;
using detail::HalcomLineReader;
using detail::Overflow;

constexpr std::string_view kLabel = "Halcom payment orders";
constexpr std::size_t kHeaderWidth = 180;
constexpr std::size_t kOrderWidth = 182;

auto success() {
  return boost::outcome_v2::success();
}

struct Party {
  std::string account;
  std::string name;
  std::string place;
  std::size_t line = 0;
};

Result<PaymentOrder> parseOrder(const FixedLine& line) {
  PaymentOrder order;
  order.recipientAccount = line.text(1, 18);
  order.recipientName = line.text(19, 35);
  order.recipientPlace = line.text(54, 10);
  order.debitReference = Reference{line.text(65, 2), line.text(67, 23)};
  order.purpose = line.text(90, 36);
  const std::string_view form = line.raw(132, 1);
  const std::string_view basis = line.raw(133, 2);
  const std::string_view refund = line.raw(135, 1);
  if (form != "2" && form != "3") {
    return line.error(fmt::format("the form of payment '{}' is neither 2 (transfer) nor 3 (netting)", form),
                      132);
  }
  if (basis.size() != 2 ||
      !std::all_of(basis.begin(), basis.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return line.error(fmt::format("the payment code basis '{}' is not two digits", basis), 133);
  }
  if (refund != " " && refund != "9") {
    return line.error(fmt::format("the refund mark '{}' is neither blank nor 9", refund), 135);
  }
  // A refund ("povraćaj sredstava") is the NBS form 9 of the payment code.
  order.paymentCode = std::string(refund == "9" ? "9" : form) + std::string(basis);
  BOOST_OUTCOME_TRY(amount, line.amount(137, 13, Currency::rsd(), "amount"));
  if (amount.isNegative()) {
    return line.error("the amount is negative", 137);
  }
  order.amount = amount;
  order.creditReference = Reference{line.text(150, 2), line.text(152, 23)};
  BOOST_OUTCOME_TRY(valueDate, line.compactDate(175, 6, "value date"));
  order.executionDate = valueDate;
  const std::string_view documentType = line.raw(181, 1);
  if (documentType != "0" && documentType != "4" && documentType != " ") {
    return line.error(
        fmt::format("the document type '{}' is neither 0 (transfer) nor 4 (netting)", documentType), 181);
  }
  return order;
}

Party parseParty(const FixedLine& line, std::size_t number) {
  return Party{line.text(1, 18), line.text(19, 35), line.text(54, 10), number};
}

}  // namespace

Result<std::vector<HalcomImportedOrder>> readHalcomOrders(std::istream& in) {
  HalcomLineReader reader(in, kLabel);
  std::optional<Party> payer;
  std::optional<Date> headerDate;
  std::optional<Party> sumParty;
  Money declaredTotal = Money::zero(Currency::rsd());
  std::uint64_t declaredCount = 0;
  std::size_t sumLine = 0;
  Money total = Money::zero(Currency::rsd());
  std::vector<HalcomImportedOrder> orders;
  while (true) {
    BOOST_OUTCOME_TRY(more, reader.next());
    if (!more) {
      break;
    }
    const FixedLine line(reader.line(), reader);
    const std::size_t length = line.length();
    const bool isOrder = length == kOrderWidth && line.raw(182, 1) == "1";
    const bool isHeader = (length == kHeaderWidth || (length == kOrderWidth && line.raw(181, 2) == "  ")) &&
                          (line.raw(180, 1) == "0" || line.raw(180, 1) == "9");
    if (!isOrder && !isHeader) {
      if (length != kHeaderWidth && length != kOrderWidth) {
        return line.error(
            fmt::format("the line has {} characters; an address or sum record has {} and an order "
                        "record {}",
                        length, kHeaderWidth, kOrderWidth),
            1);
      }
      return line.error("the record type is neither 0, 1 nor 9", length);
    }
    if (!payer && !(isHeader && line.raw(180, 1) == "0")) {
      return line.error("the file does not start with the address record (type 0)", length);
    }
    if (isOrder) {
      BOOST_OUTCOME_TRY(order, parseOrder(line));
      order.payerAccount = payer->account;
      order.payerName = payer->name;
      order.payerPlace = payer->place;
      if (!order.executionDate) {
        order.executionDate = headerDate;
      }
      auto sum = total.plus(order.amount);
      if (!sum) {
        return line.error("the orders' total is too large", 137);
      }
      total = sum.value();
      orders.push_back(HalcomImportedOrder{std::move(order), reader.number()});
    } else if (line.raw(180, 1) == "0") {
      if (payer) {
        return line.error(fmt::format("a second address record (the first is line {})", payer->line), 180);
      }
      payer = parseParty(line, reader.number());
      BOOST_OUTCOME_TRY(date, line.compactDate(64, 6, "value date"));
      headerDate = date;
    } else {
      if (sumParty) {
        return line.error(fmt::format("a second sum record (the first is line {})", sumParty->line), 180);
      }
      sumParty = parseParty(line, reader.number());
      if (detail::accountDigits(sumParty->account) != detail::accountDigits(payer->account)) {
        return line.error(fmt::format("the sum record's account {} is not the address record's {}",
                                      sumParty->account, payer->account),
                          1);
      }
      BOOST_OUTCOME_TRY(declared, line.amount(64, 15, Currency::rsd(), "total"));
      BOOST_OUTCOME_TRY(count, line.count(79, 5, "number of orders"));
      declaredTotal = declared;
      declaredCount = count;
      sumLine = reader.number();
    }
  }
  if (!payer) {
    return fail(Errc::MalformedFile, fmt::format("{}: the file is empty", kLabel));
  }
  if (!sumParty) {
    return fail(Errc::MalformedFile, fmt::format("{}: the file has no sum record (type 9)", kLabel));
  }
  if (declaredCount != orders.size()) {
    return fail(Errc::MalformedFile,
                fmt::format("{}: the sum record counts {} orders, the file holds {}", kLabel, declaredCount,
                            orders.size()),
                fmt::format("line {}, column 79", sumLine));
  }
  if (declaredTotal != total) {
    return fail(Errc::MalformedFile,
                fmt::format("{}: the sum record's total is {}, the orders add up to {}", kLabel,
                            declaredTotal.toString(), total.toString()),
                fmt::format("line {}, column 64", sumLine));
  }
  return orders;
}

namespace {

Result<std::string> headerRecord(const PaymentOrder& first, const std::string& payerAccount, char type,
                                 std::optional<Date> commonDate, const Money& total, std::size_t count) {
  const std::string context = type == '0' ? "address record" : "sum record";
  FixedLineBuilder line(kHeaderWidth, context);
  BOOST_OUTCOME_TRYV(line.text(1, 18, payerAccount, Overflow::Fail, "payer account"));
  BOOST_OUTCOME_TRYV(line.text(19, 35, first.payerName, Overflow::Fail, "payer name"));
  BOOST_OUTCOME_TRYV(line.text(54, 10, first.payerPlace, Overflow::Fail, "payer place"));
  if (type == '0') {
    BOOST_OUTCOME_TRYV(line.date(64, "DDMMYY", commonDate, "value date"));
    BOOST_OUTCOME_TRYV(line.text(168, 12, "MULTI E-BANK", Overflow::Fail, "program mark"));
  } else {
    BOOST_OUTCOME_TRYV(line.amount(64, 15, total, "total"));
    BOOST_OUTCOME_TRYV(line.digits(79, 5, count, "number of orders"));
  }
  BOOST_OUTCOME_TRYV(line.text(180, 1, std::string(1, type), Overflow::Fail, "record type"));
  return line.finish();
}

Result<std::string> orderRecord(const PaymentOrder& order, std::size_t index) {
  const std::string context = fmt::format("order {}", index);
  FixedLineBuilder line(kOrderWidth, context);
  BOOST_OUTCOME_TRY(account, detail::accountField(order.recipientAccount, "recipient account", context));
  BOOST_OUTCOME_TRYV(line.text(1, 18, account, Overflow::Fail, "recipient account"));
  BOOST_OUTCOME_TRYV(line.text(19, 35, order.recipientName, Overflow::Fail, "recipient name"));
  BOOST_OUTCOME_TRYV(line.text(54, 10, order.recipientPlace, Overflow::Fail, "recipient place"));
  BOOST_OUTCOME_TRYV(line.text(64, 1, "0", Overflow::Fail, "filler"));
  BOOST_OUTCOME_TRYV(line.text(65, 2, order.debitReference.model, Overflow::Fail, "debit model"));
  BOOST_OUTCOME_TRYV(line.text(67, 23, order.debitReference.number, Overflow::Fail, "debit reference"));
  BOOST_OUTCOME_TRYV(line.text(90, 36, order.purpose, Overflow::Fail, "purpose"));
  BOOST_OUTCOME_TRYV(line.text(126, 5, "00000", Overflow::Fail, "filler"));
  const std::string& code = order.paymentCode;
  if (code.size() != 3 ||
      !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
      (code[0] != '2' && code[0] != '3' && code[0] != '9')) {
    return Error(
        Errc::InvalidArgument,
        fmt::format("the payment code '{}' cannot be written: Halcom order files take three digits of form "
                    "2 (transfer), 3 (netting) or 9 (refund)",
                    code),
        context);
  }
  const bool netting = code[0] == '3';
  BOOST_OUTCOME_TRYV(line.text(132, 1, netting ? "3" : "2", Overflow::Fail, "form of payment"));
  BOOST_OUTCOME_TRYV(line.text(133, 2, code.substr(1), Overflow::Fail, "payment code"));
  if (code[0] == '9') {
    BOOST_OUTCOME_TRYV(line.text(135, 1, "9", Overflow::Fail, "refund mark"));
  }
  if (order.amount.isNegative()) {
    return Error(Errc::InvalidArgument, "the amount is negative", context);
  }
  if (order.amount.currency() != Currency::rsd()) {
    return Error(Errc::InvalidArgument,
                 fmt::format("the amount is in {}; Halcom order files carry dinar orders only",
                             order.amount.currency().code()),
                 context);
  }
  BOOST_OUTCOME_TRYV(line.amount(137, 13, order.amount, "amount"));
  BOOST_OUTCOME_TRYV(line.text(150, 2, order.creditReference.model, Overflow::Fail, "credit model"));
  BOOST_OUTCOME_TRYV(line.text(152, 23, order.creditReference.number, Overflow::Fail, "credit reference"));
  BOOST_OUTCOME_TRYV(line.date(175, "DDMMYY", order.executionDate, "value date"));
  BOOST_OUTCOME_TRYV(line.text(181, 1, netting ? "4" : "0", Overflow::Fail, "document type"));
  BOOST_OUTCOME_TRYV(line.text(182, 1, "1", Overflow::Fail, "record type"));
  return line.finish();
}

}  // namespace

Result<void> writeHalcomOrders(std::ostream& out, std::span<const PaymentOrder> orders) {
  if (orders.empty()) {
    return fail(Errc::InvalidArgument, "there are no orders to write");
  }
  const PaymentOrder& first = orders.front();
  BOOST_OUTCOME_TRY(payerAccount, detail::accountField(first.payerAccount, "payer account", "order 1"));
  if (payerAccount.empty()) {
    return fail(Errc::InvalidAccount, "the payer account is empty", "order 1");
  }
  std::optional<Date> commonDate = first.executionDate;
  Money total = Money::zero(Currency::rsd());
  std::string body;
  for (std::size_t i = 0; i < orders.size(); ++i) {
    const PaymentOrder& order = orders[i];
    if (detail::accountDigits(order.payerAccount) != payerAccount) {
      return fail(
          Errc::InvalidArgument,
          fmt::format("the payer account {} is not the first order's {}; a Halcom order file has one payer",
                      order.payerAccount, first.payerAccount),
          fmt::format("order {}", i + 1));
    }
    if (order.executionDate != commonDate) {
      commonDate.reset();
    }
    BOOST_OUTCOME_TRY(record, orderRecord(order, i + 1));
    body += record;
    auto sum = total.plus(order.amount);
    if (!sum) {
      return fail(Errc::Overflow, "the orders' total is too large");
    }
    total = sum.value();
  }
  BOOST_OUTCOME_TRY(address, headerRecord(first, payerAccount, '0', commonDate, total, orders.size()));
  BOOST_OUTCOME_TRY(sum, headerRecord(first, payerAccount, '9', commonDate, total, orders.size()));
  out << address << sum << body << '\x1A';
  if (!out) {
    return fail(Errc::Io, "the order file cannot be written");
  }
  return success();
}

}  // namespace platnik::banking::formats
