#pragma once

#include "banking/Error.h"
#include "banking/Reference.h"

#include <cstdint>
#include <string>
#include <vector>

namespace platnik::storage {

class Connection;

/// An address-book entry: a counterparty the company pays, with what its orders usually carry.
struct Contact {
  std::int64_t id = 0;
  std::string name;
  std::string place;
  std::vector<std::string> accounts;  ///< as typed or received; the first is the default
  std::string paymentCode;            ///< default "šifra plaćanja"
  std::string purpose;
  banking::Reference creditReference;
  banking::Reference debitReference;
};

class Contacts {
 public:
  explicit Contacts(Connection& connection) : m_connection(&connection) {}

  banking::Result<std::int64_t> add(const Contact& contact);
  banking::Result<void> update(const Contact& contact);
  banking::Result<void> remove(std::int64_t id);
  banking::Result<Contact> get(std::int64_t id);
  banking::Result<std::vector<Contact>> list();

 private:
  banking::Result<void> writeAccounts(std::int64_t id, const std::vector<std::string>& accounts);
  banking::Result<void> readAccounts(Contact& contact);
  Connection* m_connection;
};

}  // namespace platnik::storage
