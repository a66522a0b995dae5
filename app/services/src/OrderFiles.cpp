#include "services/OrderFiles.h"

#include "banking/formats/HalcomTxt.h"
#include "banking/formats/Iso20022.h"
#include "services/ErrorCode.h"
#include "storage/Database.h"
#include "storage/Orders.h"
#include "storage/Transaction.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace platnik::services {
namespace {

namespace formats = banking::formats;

std::vector<FieldProblem> problemsOf(const banking::PaymentOrder& order, banking::Date today) {
  std::vector<FieldProblem> problems;
  for (const auto& problem : banking::validate(order, today)) {
    problems.push_back({std::string(banking::fieldName(problem.field)), problem.code, problem.message});
  }
  return problems;
}

/// The orders of a file, each with where it came from.
banking::Result<OrderImportReport> readOrderFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return banking::fail(banking::Errc::Io, fmt::format("cannot open: {}", std::strerror(errno)),
                         path.string());
  }
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  in.clear();
  in.seekg(0);
  auto format = formats::detectFormat(head);
  if (!format) {
    return banking::fail(format.error().code, "the format cannot be recognised: " + format.error().message,
                         format.error().where);
  }
  OrderImportReport report;
  report.format = format.value();
  const auto withFormat = [&](banking::Error error) {
    error.where = error.where.empty()
                      ? std::string(formats::formatName(report.format))
                      : fmt::format("{}, {}", formats::formatName(report.format), error.where);
    return boost::outcome_v2::failure(std::move(error));
  };
  if (report.format == formats::Format::HalcomOrders) {
    auto orders = formats::readHalcomOrders(in);
    if (!orders) {
      return withFormat(orders.error());
    }
    for (auto& imported : orders.value()) {
      report.orders.push_back({0, fmt::format("line {}", imported.line), std::move(imported.order), {}});
    }
  } else if (report.format == formats::Format::Pain001) {
    auto message = formats::readPain001(in);
    if (!message) {
      return withFormat(message.error());
    }
    std::size_t number = 0;
    for (auto& payment : message.value().payments) {
      report.orders.push_back({0, fmt::format("order {}", ++number), std::move(payment.order), {}});
    }
  } else {
    return banking::fail(
        banking::Errc::UnsupportedFormat,
        fmt::format("a {} file holds no payment orders (Halcom TXT orders or pain.001 expected)",
                    formats::formatName(report.format)));
  }
  return report;
}

/// An order as the writers want it: end-to-end id from the submission (a resend must reuse it).
std::string endToEndIdOf(const storage::StoredOrder& stored) {
  return stored.submissionId.empty() ? fmt::format("PLATNIK-{}", stored.id) : stored.submissionId;
}

}  // namespace

std::size_t OrderImportReport::withProblems() const {
  return static_cast<std::size_t>(std::count_if(
      orders.begin(), orders.end(), [](const ImportedOrder& order) { return !order.problems.empty(); }));
}

Json OrderImportReport::toJson() const {
  Json json = Json::object();
  json["format"] = formats::formatName(format);
  json["imported"] = orders.size();
  json["with_problems"] = withProblems();
  Json list = Json::array();
  for (const auto& order : orders) {
    Json item = Json::object();
    item["id"] = order.id;
    item["source"] = order.source;
    item["valid"] = order.problems.empty();
    Json problems = Json::array();
    for (const auto& problem : order.problems) {
      problems.push_back(problem.toJson());
    }
    item["problems"] = std::move(problems);
    list.push_back(std::move(item));
  }
  json["orders"] = std::move(list);
  return json;
}

banking::Result<OrderImportReport> importOrderFile(storage::Database& database,
                                                   const std::filesystem::path& path, banking::Date today) {
  BOOST_OUTCOME_TRY(report, readOrderFile(path));
  if (report.orders.empty()) {
    return banking::fail(banking::Errc::MalformedFile, "the file holds no payment orders", path.string());
  }
  BOOST_OUTCOME_TRY(transaction, storage::Transaction::begin(database.connection()));
  auto orders = database.orders();
  for (auto& imported : report.orders) {
    auto id = orders.add(imported.order);
    if (!id) {
      return banking::fail(id.error().code, id.error().message, imported.source);
    }
    imported.id = id.value();
    imported.problems = problemsOf(imported.order, today);
  }
  BOOST_OUTCOME_TRYV(transaction.commit());
  return std::move(report);
}

std::optional<OrderExportFormat> orderExportFormatFromName(std::string_view name) {
  if (name == "pain.001.001.03") {
    return OrderExportFormat::Pain00100103;
  }
  if (name == "pain.001.001.09") {
    return OrderExportFormat::Pain00100109;
  }
  if (name == "halcom-txt") {
    return OrderExportFormat::HalcomTxt;
  }
  return std::nullopt;
}

banking::Result<OrderExport> exportOrders(storage::Database& database, const OrderExportRequest& request) {
  auto orders = database.orders();
  std::vector<storage::StoredOrder> chosen;
  if (request.ids.empty()) {
    BOOST_OUTCOME_TRY(listed, orders.list(request.state.value_or(banking::OrderState::Signed)));
    chosen = std::move(listed);
    if (chosen.empty()) {
      return banking::fail(
          banking::Errc::NotFound,
          fmt::format("there are no {} orders to export",
                      banking::toString(request.state.value_or(banking::OrderState::Signed))));
    }
  } else {
    for (const auto id : request.ids) {
      auto stored = orders.get(id);
      if (!stored) {
        return banking::fail(stored.error().code, stored.error().message, fmt::format("order {}", id));
      }
      if (request.state && stored.value().state != *request.state) {
        return banking::fail(banking::Errc::InvalidArgument,
                             fmt::format("the order is {}, not {}", banking::toString(stored.value().state),
                                         banking::toString(*request.state)),
                             fmt::format("order {}", id));
      }
      chosen.push_back(std::move(stored).value());
    }
  }

  OrderExport result;
  for (const auto& stored : chosen) {
    auto problems = problemsOf(stored.order, request.today);
    if (!problems.empty()) {
      result.refused.push_back({stored.id, std::move(problems)});
    }
  }
  if (!result.refused.empty()) {
    return result;
  }

  if (request.format == OrderExportFormat::HalcomTxt) {
    std::vector<banking::PaymentOrder> plain;
    for (const auto& stored : chosen) {
      plain.push_back(stored.order);
    }
    std::ostringstream out;
    BOOST_OUTCOME_TRYV(formats::writeHalcomOrders(out, plain));
    result.content = std::move(out).str();
  } else {
    formats::Pain001Message message;
    message.creationTime = request.now;
    message.messageId = fmt::format("PLATNIK-{:%Y%m%d%H%M%S}-{}", request.now, chosen.front().id);
    message.initiatingParty = chosen.front().order.payerName;
    for (const auto& stored : chosen) {
      message.payments.push_back({stored.order, endToEndIdOf(stored)});
    }
    BOOST_OUTCOME_TRY(text, formats::writePain001(message, request.format == OrderExportFormat::Pain00100109
                                                               ? formats::Pain001Version::V09
                                                               : formats::Pain001Version::V03));
    result.content = std::move(text);
  }
  for (const auto& stored : chosen) {
    result.written.push_back(stored.id);
  }
  return result;
}

}  // namespace platnik::services
