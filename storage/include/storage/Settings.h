#pragma once

#include "banking/Error.h"

#include <optional>
#include <string>
#include <string_view>

namespace platnik::storage {

class Connection;

/// The one company the database belongs to.
struct Company {
  std::string name;
  std::string place;
  std::string taxId;               ///< PIB
  std::string registrationNumber;  ///< matični broj
};

/// Key/value settings (every change is written to the audit log) and the company record.
class Settings {
 public:
  explicit Settings(Connection& connection) : m_connection(&connection) {}

  banking::Result<std::optional<std::string>> get(std::string_view key);
  banking::Result<void> set(std::string_view key, std::string_view value);

  banking::Result<std::optional<Company>> company();
  banking::Result<void> setCompany(const Company& company);

 private:
  Connection* m_connection;
};

}  // namespace platnik::storage
