#pragma once

#include "banking/Date.h"
#include "banking/Error.h"
#include "banking/OrderState.h"
#include "banking/PaymentOrder.h"
#include "banking/formats/Format.h"
#include "services/Json.h"
#include "services/OrderJson.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace platnik::storage {
class Database;
}

namespace platnik::services {

/// One order of an imported file, now a draft in the database.
struct ImportedOrder {
  std::int64_t id = 0;
  std::string source;  ///< where in the file: "line 3" (Halcom TXT) or "order 2" (pain.001)
  banking::PaymentOrder order;
  std::vector<FieldProblem> problems;  ///< banking::validate's problems; empty when valid
};

struct OrderImportReport {
  banking::formats::Format format = banking::formats::Format::HalcomOrders;
  std::vector<ImportedOrder> orders;

  [[nodiscard]] std::size_t withProblems() const;
  /// {"format", "imported", "with_problems", "orders": [{"id", "source", "valid", "problems"}]}.
  [[nodiscard]] Json toJson() const;
};

/// Imports a payment-order file (Halcom TXT orders or pain.001, told from the content): every
/// order becomes a draft, valid or not, and its problems (judged against `today`) are
/// reported. One transaction: a file that cannot be read, or any failure, imports nothing.
banking::Result<OrderImportReport> importOrderFile(storage::Database& database,
                                                   const std::filesystem::path& path, banking::Date today);

enum class OrderExportFormat {
  Pain00100103,  ///< pain.001.001.03
  Pain00100109,  ///< pain.001.001.09
  HalcomTxt,     ///< Hal E-Bank order file (spec 1.1)
};
/// "pain.001.001.03", "pain.001.001.09", "halcom-txt".
std::optional<OrderExportFormat> orderExportFormatFromName(std::string_view name);

struct OrderExportRequest {
  OrderExportFormat format = OrderExportFormat::Pain00100103;
  /// Only orders in this state (signed when neither ids nor a state are given).
  std::optional<banking::OrderState> state;
  std::vector<std::int64_t> ids;   ///< these orders; empty means every order in `state`
  banking::Date today{};           ///< for validation (execution dates)
  std::chrono::sys_seconds now{};  ///< creation time and message id of a pain.001
};

/// An order that was not written, and why.
struct RefusedOrder {
  std::int64_t id = 0;
  std::vector<FieldProblem> problems;
};

struct OrderExport {
  std::string content;  ///< the file; empty when any order was refused
  std::vector<std::int64_t> written;
  std::vector<RefusedOrder> refused;  ///< when not empty, nothing was written
};

/// Writes the chosen orders. Every order is validated first; if any is not valid, nothing is
/// written and the refused orders are returned with their problems. A pain.001 is also
/// validated against its schema by the writer. Failures: no order chosen, an unknown id, an
/// order in another state than asked for, or a writer's refusal (Errc from the writer).
banking::Result<OrderExport> exportOrders(storage::Database& database, const OrderExportRequest& request);

}  // namespace platnik::services
