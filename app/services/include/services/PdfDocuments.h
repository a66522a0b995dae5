#pragma once

#include "banking/Error.h"
#include "banking/PaymentOrder.h"
#include "banking/Statement.h"
#include "services/PrintLayout.h"

#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

namespace platnik::storage {
class Database;
}

namespace platnik::services {

/// The stored orders with these ids, in that order (Errc::NotFound names a missing one).
banking::Result<std::vector<banking::PaymentOrder>> ordersToPrint(storage::Database& database,
                                                                  std::span<const std::int64_t> ids);

/// A statement's heading: the company's name and the name of the bank its account is at
/// (from the account's bank code; empty when the company or the bank is not set up).
banking::Result<StatementHeading> statementHeading(storage::Database& database,
                                                   const banking::Statement& statement);

/// The TrueType font printed documents use (DejaVu Sans, which has Serbian Latin and Cyrillic
/// glyphs), regular or bold: $PLATNIK_FONT_DIR first, then the usual system folders.
/// Errc::NotFound naming the package to install when it is nowhere.
banking::Result<std::filesystem::path> documentFont(bool bold);

/// Writes the laid out pages as a PDF (A4, the font embedded, UTF-8 text). Errc::Io when the
/// file cannot be written.
banking::Result<void> writeLayoutPdf(const LayoutDocument& document, const std::filesystem::path& path);

/// The orders on the NBS transfer order form (layoutOrders) as a PDF.
banking::Result<void> writeOrdersPdf(std::span<const banking::PaymentOrder> orders,
                                     const std::filesystem::path& path);

/// One statement with its entries (layoutStatement) as a PDF.
banking::Result<void> writeStatementPdf(const banking::Statement& statement, const StatementHeading& heading,
                                        const StatementLabels& labels, const std::filesystem::path& path);

}  // namespace platnik::services
