#include "storage/Settings.h"

#include "storage/AuditLog.h"
#include "storage/Connection.h"
#include "storage/Statement.h"
#include "storage/Transaction.h"

#include <fmt/format.h>

namespace platnik::storage {
using banking::Errc;
using banking::fail;
using banking::Result;

Result<std::optional<std::string>> Settings::get(std::string_view key) {
  BOOST_OUTCOME_TRY(query, m_connection->prepare("SELECT value FROM settings WHERE key = ?"));
  query.bind(1, key);
  BOOST_OUTCOME_TRY(row, query.step());
  if (!row) {
    return std::optional<std::string>();
  }
  return std::optional<std::string>(query.text(0));
}

Result<void> Settings::set(std::string_view key, std::string_view value) {
  if (key.empty()) {
    return fail(Errc::InvalidArgument, "a setting needs a name", "key");
  }
  BOOST_OUTCOME_TRY(transaction, Transaction::begin(*m_connection));
  BOOST_OUTCOME_TRY(old, get(key));
  if (old && *old == value) {
    return boost::outcome_v2::success();
  }
  BOOST_OUTCOME_TRY(statement,
                    m_connection->prepare("INSERT INTO settings(key, value) VALUES (?, ?) "
                                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
  statement.bind(1, key).bind(2, value);
  BOOST_OUTCOME_TRYV(statement.run());
  BOOST_OUTCOME_TRYV(
      AuditLog(*m_connection)
          .append("setting", key,
                  old ? fmt::format("'{}' -> '{}'", *old, value) : fmt::format("set to '{}'", value)));
  return transaction.commit();
}

Result<std::optional<Company>> Settings::company() {
  BOOST_OUTCOME_TRY(query, m_connection->prepare(
                               "SELECT name, place, tax_id, registration_number FROM company WHERE id = 1"));
  BOOST_OUTCOME_TRY(row, query.step());
  if (!row) {
    return std::optional<Company>();
  }
  return std::optional<Company>(Company{query.text(0), query.text(1), query.text(2), query.text(3)});
}

Result<void> Settings::setCompany(const Company& company) {
  if (company.name.empty()) {
    return fail(Errc::InvalidArgument, "the company needs a name", "name");
  }
  BOOST_OUTCOME_TRY(transaction, Transaction::begin(*m_connection));
  BOOST_OUTCOME_TRY(
      statement,
      m_connection->prepare("INSERT INTO company(id, name, place, tax_id, registration_number) "
                            "VALUES (1, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                            "place = excluded.place, tax_id = excluded.tax_id, "
                            "registration_number = excluded.registration_number"));
  statement.bind(1, company.name)
      .bind(2, company.place)
      .bind(3, company.taxId)
      .bind(4, company.registrationNumber);
  BOOST_OUTCOME_TRYV(statement.run());
  BOOST_OUTCOME_TRYV(AuditLog(*m_connection)
                         .append("company", company.name,
                                 fmt::format("{}, PIB {}, MB {}", company.place, company.taxId,
                                             company.registrationNumber)));
  return transaction.commit();
}

}  // namespace platnik::storage
