#pragma once

#include "banking/Error.h"
#include "banking/PaymentOrder.h"
#include "banking/Statement.h"
#include "banking/StatementSink.h"

#include <cstddef>
#include <istream>
#include <ostream>
#include <span>
#include <vector>

namespace platnik::banking::formats {

// Hal E-Bank TXT ("Hal E-Bank – Formati uvozno/izvoznih datoteka", v15.x.x.20, 2011), as the
// real files have it (see docs/formats.md, "Halcom TXT"). Files are written in cp1250 with
// CRLF lines and a closing 0x1A; they are read in cp1250, cp1251 or UTF-8 with or without
// the 0x1A. A malformed file fails with Errc::MalformedFile, `where` = "line N, column C"
// (C is the spec's position of the field), and nothing of it should be kept.

/// Reads a statement turnover file (spec 1.3) together with its "_cov" recap (spec 1.4): Halcom
/// RS delivers one statement as these two files. Each statement gets its number, date and
/// balances from the recap line of its own account and its entries from the turnover file;
/// the recap's debit and credit counts and totals must agree with the entries. A recap line
/// whose account has no entries gives a statement without entries.
Result<void> readHalcomStatementWithRecap(std::istream& turnover, std::istream& recap, StatementSink& sink);
Result<std::vector<Statement>> readHalcomStatementWithRecap(std::istream& turnover, std::istream& recap);

/// Writes the statements' entries as a turnover file (spec 1.3, 280 characters a line).
/// Descriptive text longer than its field (names, place, purpose) is cut to the field; an
/// account, amount, date or reference that does not fit fails with Errc::Overflow.
Result<void> writeHalcomTurnover(std::ostream& out, std::span<const Statement> statements);
/// Writes one recap line (spec 1.4, 147 characters) per statement: number, the opening balance
/// as the previous statement's closing, counts and totals of debits and credits, the closing
/// balance. Needs the account, number (up to 3 digits), date, opening and closing balance.
Result<void> writeHalcomRecap(std::ostream& out, std::span<const Statement> statements);

/// A payment order read from an order file, with the line it came from (for messages).
struct HalcomImportedOrder {
  PaymentOrder order;
  std::size_t line = 0;
};

/// Reads a payment-order file (spec 1.2 = 1.1): the address record (type 0) gives the payer,
/// each individual record (type 1) one order, and the sum record (type 9) must match the
/// orders' count and total. The orders are not validated (see banking::validate).
Result<std::vector<HalcomImportedOrder>> readHalcomOrders(std::istream& in);

/// Writes a payment-order file (spec 1.1): address record, sum record, one record per order.
/// All orders must be in dinars from one payer account. A value that does not fit its field
/// fails with Errc::Overflow naming the order and the field; nothing is cut.
Result<void> writeHalcomOrders(std::ostream& out, std::span<const PaymentOrder> orders);

}  // namespace platnik::banking::formats
