#include "services/StatementExport.h"

#include "banking/Account.h"
#include "banking/formats/Camt053Writer.h"
#include "banking/formats/Csv.h"
#include "banking/formats/HalcomTxt.h"
#include "storage/Accounts.h"
#include "storage/Database.h"
#include "storage/StatementArchive.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>

namespace platnik::services {

std::optional<StatementExportFormat> statementExportFormatFromName(std::string_view name) {
  if (name == "halcom-txt") {
    return StatementExportFormat::HalcomTxt;
  }
  if (name == "csv") {
    return StatementExportFormat::Csv;
  }
  if (name == "camt.053") {
    return StatementExportFormat::Camt053;
  }
  return std::nullopt;
}

banking::Result<std::vector<banking::Statement>> loadStatements(storage::Database& database,
                                                                std::string_view account,
                                                                std::optional<banking::Date> from,
                                                                std::optional<banking::Date> to) {
  BOOST_OUTCOME_TRY(found, database.accounts().find(account));
  if (!found) {
    return banking::fail(banking::Errc::NotFound, fmt::format("no account '{}' in the database", account),
                         "account");
  }
  return storage::loadStatements(database, *found, from, to);
}

banking::Result<void> writeStatements(StatementExportFormat format,
                                      std::span<const banking::Statement> statements, std::ostream& out,
                                      std::ostream* recap, std::chrono::sys_seconds now) {
  switch (format) {
    case StatementExportFormat::HalcomTxt: {
      if (recap == nullptr) {
        throw std::logic_error("a Halcom TXT export needs a stream for the recap");
      }
      std::vector<banking::Statement> domestic(statements.begin(), statements.end());
      for (auto& statement : domestic) {
        for (auto& entry : statement.entries) {
          auto& account = entry.counterparty.account;
          if (account.starts_with("RS")) {
            if (auto parsed = banking::Account::parse(account)) {
              account = parsed.value().digits();
            }
          }
        }
      }
      BOOST_OUTCOME_TRYV(banking::formats::writeHalcomTurnover(out, domestic));
      BOOST_OUTCOME_TRYV(banking::formats::writeHalcomRecap(*recap, domestic));
      break;
    }
    case StatementExportFormat::Csv: {
      BOOST_OUTCOME_TRYV(banking::formats::writeCsv(out, statements));
      break;
    }
    case StatementExportFormat::Camt053: {
      const banking::formats::Camt053Header header{fmt::format("PLATNIK-{:%Y%m%d%H%M%S}", now), now};
      BOOST_OUTCOME_TRY(text, banking::formats::writeCamt053(statements, header));
      out << text;
      break;
    }
  }
  return boost::outcome_v2::success();
}

}  // namespace platnik::services
