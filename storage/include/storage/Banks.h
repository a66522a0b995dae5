#pragma once

#include "banking/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace platnik::storage {

class Connection;

/// A bank in the user's list: its three-digit code, name, and the channel it is reached by.
struct Bank {
  std::int64_t id = 0;
  std::string code;  ///< "160"
  std::string name;
  std::string adapter;              ///< the bank adapter's name ("iso20022", "halcom", "file", …)
  std::string settingsJson = "{}";  ///< the adapter's settings (a JSON object)
};

class Banks {
 public:
  explicit Banks(Connection& connection) : m_connection(&connection) {}

  /// Adds a bank (id ignored); returns its id. A code already in the list is an error.
  banking::Result<std::int64_t> add(const Bank& bank);
  banking::Result<void> update(const Bank& bank);
  banking::Result<std::vector<Bank>> list();
  banking::Result<std::optional<Bank>> findByCode(std::string_view code);

 private:
  Connection* m_connection;
};

}  // namespace platnik::storage
