#include "storage/Banks.h"

#include "storage/AuditLog.h"
#include "storage/Connection.h"
#include "storage/Statement.h"
#include "storage/Transaction.h"

#include <fmt/format.h>

namespace platnik::storage {
using banking::Errc;
using banking::fail;
using banking::Result;

namespace {

Result<void> validate(const Bank& bank) {
  if (bank.code.size() != 3 || bank.code.find_first_not_of("0123456789") != std::string::npos) {
    return fail(Errc::InvalidArgument, "a bank code is three digits", "code");
  }
  if (bank.name.empty()) {
    return fail(Errc::InvalidArgument, "the bank needs a name", "name");
  }
  return boost::outcome_v2::success();
}

Bank readBank(const Statement& row) {
  return Bank{row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4)};
}

}  // namespace

Result<std::int64_t> Banks::add(const Bank& bank) {
  BOOST_OUTCOME_TRYV(validate(bank));
  BOOST_OUTCOME_TRY(transaction, Transaction::begin(*m_connection));
  BOOST_OUTCOME_TRY(existing, findByCode(bank.code));
  if (existing) {
    return fail(Errc::InvalidArgument, fmt::format("bank {} is already in the list", bank.code), "code");
  }
  BOOST_OUTCOME_TRY(
      insert, m_connection->prepare("INSERT INTO banks(code, name, adapter, settings) VALUES (?, ?, ?, ?)"));
  insert.bind(1, bank.code).bind(2, bank.name).bind(3, bank.adapter).bind(4, bank.settingsJson);
  auto inserted = insert.run();
  if (!inserted) {
    return fail(Errc::InvalidArgument, "the bank's settings are not valid JSON", "settings");
  }
  const auto id = m_connection->lastInsertRowId();
  BOOST_OUTCOME_TRYV(AuditLog(*m_connection)
                         .append("bank.add", fmt::format("bank {}", bank.code),
                                 fmt::format("{} via {}", bank.name, bank.adapter)));
  BOOST_OUTCOME_TRYV(transaction.commit());
  return id;
}

Result<void> Banks::update(const Bank& bank) {
  BOOST_OUTCOME_TRYV(validate(bank));
  BOOST_OUTCOME_TRY(transaction, Transaction::begin(*m_connection));
  BOOST_OUTCOME_TRY(
      statement,
      m_connection->prepare("UPDATE banks SET code = ?, name = ?, adapter = ?, settings = ? WHERE id = ?"));
  statement.bind(1, bank.code)
      .bind(2, bank.name)
      .bind(3, bank.adapter)
      .bind(4, bank.settingsJson)
      .bind(5, bank.id);
  BOOST_OUTCOME_TRYV(statement.run());
  if (m_connection->changes() == 0) {
    return fail(Errc::NotFound, fmt::format("there is no bank with id {}", bank.id));
  }
  BOOST_OUTCOME_TRYV(
      AuditLog(*m_connection)
          .append("bank.update", fmt::format("bank {}", bank.code),
                  fmt::format("{} via {}, settings {}", bank.name, bank.adapter, bank.settingsJson)));
  return transaction.commit();
}

Result<std::vector<Bank>> Banks::list() {
  BOOST_OUTCOME_TRY(
      query, m_connection->prepare("SELECT id, code, name, adapter, settings FROM banks ORDER BY code"));
  std::vector<Bank> banks;
  for (;;) {
    BOOST_OUTCOME_TRY(row, query.step());
    if (!row) {
      break;
    }
    banks.push_back(readBank(query));
  }
  return banks;
}

Result<std::optional<Bank>> Banks::findByCode(std::string_view code) {
  BOOST_OUTCOME_TRY(
      query, m_connection->prepare("SELECT id, code, name, adapter, settings FROM banks WHERE code = ?"));
  query.bind(1, code);
  BOOST_OUTCOME_TRY(row, query.step());
  if (!row) {
    return std::optional<Bank>();
  }
  return std::optional<Bank>(readBank(query));
}

}  // namespace platnik::storage
