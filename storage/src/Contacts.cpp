#include "storage/Contacts.h"

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

constexpr const char* kColumns =
    "SELECT id, name, place, payment_code, purpose, credit_model, credit_reference, debit_model, "
    "debit_reference FROM contacts ";

Contact readContact(const Statement& row) {
  Contact contact;
  contact.id = row.integer(0);
  contact.name = row.text(1);
  contact.place = row.text(2);
  contact.paymentCode = row.text(3);
  contact.purpose = row.text(4);
  contact.creditReference = {row.text(5), row.text(6)};
  contact.debitReference = {row.text(7), row.text(8)};
  return contact;
}

void bindContact(Statement& statement, const Contact& contact) {
  statement.bind(1, contact.name)
      .bind(2, contact.place)
      .bind(3, contact.paymentCode)
      .bind(4, contact.purpose)
      .bind(5, contact.creditReference.model)
      .bind(6, contact.creditReference.number)
      .bind(7, contact.debitReference.model)
      .bind(8, contact.debitReference.number);
}

}  // namespace

Result<void> Contacts::writeAccounts(std::int64_t id, const std::vector<std::string>& accounts) {
  BOOST_OUTCOME_TRY(clear, m_connection->prepare("DELETE FROM contact_accounts WHERE contact_id = ?"));
  clear.bind(1, id);
  BOOST_OUTCOME_TRYV(clear.run());
  BOOST_OUTCOME_TRY(
      insert,
      m_connection->prepare("INSERT INTO contact_accounts(contact_id, position, account) VALUES (?, ?, ?)"));
  for (std::size_t i = 0; i < accounts.size(); ++i) {
    insert.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, accounts[i]);
    BOOST_OUTCOME_TRYV(insert.run());
  }
  return boost::outcome_v2::success();
}

Result<void> Contacts::readAccounts(Contact& contact) {
  BOOST_OUTCOME_TRY(
      query,
      m_connection->prepare("SELECT account FROM contact_accounts WHERE contact_id = ? ORDER BY position"));
  query.bind(1, contact.id);
  for (;;) {
    BOOST_OUTCOME_TRY(row, query.step());
    if (!row) {
      break;
    }
    contact.accounts.push_back(query.text(0));
  }
  return boost::outcome_v2::success();
}

Result<std::int64_t> Contacts::add(const Contact& contact) {
  if (contact.name.empty()) {
    return fail(Errc::InvalidArgument, "the contact needs a name", "name");
  }
  BOOST_OUTCOME_TRY(transaction, Transaction::begin(*m_connection));
  BOOST_OUTCOME_TRY(insert,
                    m_connection->prepare(
                        "INSERT INTO contacts(name, place, payment_code, purpose, credit_model, "
                        "credit_reference, debit_model, debit_reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  bindContact(insert, contact);
  BOOST_OUTCOME_TRYV(insert.run());
  const auto id = m_connection->lastInsertRowId();
  BOOST_OUTCOME_TRYV(writeAccounts(id, contact.accounts));
  BOOST_OUTCOME_TRYV(transaction.commit());
  return id;
}

Result<void> Contacts::update(const Contact& contact) {
  BOOST_OUTCOME_TRY(transaction, Transaction::begin(*m_connection));
  BOOST_OUTCOME_TRY(
      statement,
      m_connection->prepare("UPDATE contacts SET name = ?, place = ?, payment_code = ?, purpose = ?, "
                            "credit_model = ?, credit_reference = ?, debit_model = ?, debit_reference = ? "
                            "WHERE id = ?"));
  bindContact(statement, contact);
  statement.bind(9, contact.id);
  BOOST_OUTCOME_TRYV(statement.run());
  if (m_connection->changes() == 0) {
    return fail(Errc::NotFound, fmt::format("there is no contact with id {}", contact.id));
  }
  BOOST_OUTCOME_TRYV(writeAccounts(contact.id, contact.accounts));
  return transaction.commit();
}

Result<void> Contacts::remove(std::int64_t id) {
  BOOST_OUTCOME_TRY(statement, m_connection->prepare("DELETE FROM contacts WHERE id = ?"));
  statement.bind(1, id);
  BOOST_OUTCOME_TRYV(statement.run());
  if (m_connection->changes() == 0) {
    return fail(Errc::NotFound, fmt::format("there is no contact with id {}", id));
  }
  return boost::outcome_v2::success();
}

Result<Contact> Contacts::get(std::int64_t id) {
  BOOST_OUTCOME_TRY(query, m_connection->prepare(std::string(kColumns) + "WHERE id = ?"));
  query.bind(1, id);
  BOOST_OUTCOME_TRY(row, query.step());
  if (!row) {
    return fail(Errc::NotFound, fmt::format("there is no contact with id {}", id));
  }
  Contact contact = readContact(query);
  BOOST_OUTCOME_TRYV(readAccounts(contact));
  return contact;
}

Result<std::vector<Contact>> Contacts::list() {
  BOOST_OUTCOME_TRY(query, m_connection->prepare(std::string(kColumns) + "ORDER BY name COLLATE NOCASE, id"));
  std::vector<Contact> contacts;
  for (;;) {
    BOOST_OUTCOME_TRY(row, query.step());
    if (!row) {
      break;
    }
    contacts.push_back(readContact(query));
  }
  for (auto& contact : contacts) {
    BOOST_OUTCOME_TRYV(readAccounts(contact));
  }
  return contacts;
}

}  // namespace platnik::storage
