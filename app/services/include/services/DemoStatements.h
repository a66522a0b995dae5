#pragma once

#include "banking/Date.h"
#include "banking/Money.h"
#include "banking/Reference.h"
#include "banking/Statement.h"

#include <cstdint>
#include <string>
#include <vector>

namespace platnik::services {

/// A counterparty of the demo company (address book and statement lines).
struct DemoCounterparty {
  enum class Role { Customer, Supplier, Utility, Landlord, TaxOffice, Employee, ForeignCustomer };
  Role role = Role::Customer;
  std::string name;
  std::string place;
  std::string account;      ///< 18 digits (domestic) or an IBAN (foreign)
  std::string paymentCode;  ///< what its payments usually carry
  std::string purpose;
};

/// One of the demo company's accounts and how busy it is.
struct DemoAccount {
  std::string number;  ///< 18 digits
  banking::Currency currency = banking::Currency::rsd();
  std::string displayName;
  std::int64_t openingMinor = 0;  ///< balance a year ago, minor units
  int activity = 1;               ///< customer payments and supplier payments a day, at most
  bool payroll = false;           ///< salaries, taxes and utilities go out of it
  bool rent = false;              ///< the office rent goes out of it
};

/// The demo company's counterparties (Serbian companies, some in Cyrillic, the tax office,
/// employees, a foreign customer), with valid account numbers.
const std::vector<DemoCounterparty>& demoCounterparties();

/// A year of statements of `account` ending at `today`: one statement per working day with
/// turnover, numbered from 1 each calendar year, each opening at the previous closing balance
/// and closing at opening + its entries. Customer payments with model-97 invoice references,
/// supplier and utility payments, salaries and the taxes on them (the 10th), rent (the 1st)
/// and the bank's monthly fee. The same account and day always give the same statements.
std::vector<banking::Statement> demoStatements(const DemoAccount& account, const std::string& ownerName,
                                               const std::string& bankName, banking::Date today);

}  // namespace platnik::services
