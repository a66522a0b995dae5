#pragma once

#include "banking/Error.h"
#include "storage/Database.h"

#include <filesystem>
#include <string>
#include <vector>

namespace platnik::services {

/// The first start's "set up my company": what the bookkeeper types, checked with the banking
/// rules, then a new company database holding it.
struct CompanySetup {
  std::string name;
  std::string place;
  std::string taxId;                  ///< PIB, nine digits with its control digit
  std::vector<std::string> accounts;  ///< domestic accounts in any form Account::parse reads
  std::string modulePath;             ///< the token's PKCS#11 module; empty: p11-kit's
};

/// One thing to fix, beside the field it concerns.
struct SetupProblem {
  enum class Field { Name, TaxId, Accounts };
  Field field = Field::Name;
  std::string message;
};

/// Everything wrong with the answers (empty when they can be used): a name, a valid PIB, at
/// least one valid account whose bank (its first three digits) the NBS list knows, none twice.
std::vector<SetupProblem> checkCompanySetup(const CompanySetup& setup);

/// Creates the company database at `path` from checked answers: the company, one bank per
/// distinct bank code of the accounts (named from the NBS list, reached by file exchange until
/// the user picks its channel), the RSD accounts and the token module. A path where a file
/// exists is refused; answers with problems are InvalidArgument naming the first; when any
/// step fails the half-made file is removed.
banking::Result<storage::Database> createCompany(const std::filesystem::path& path,
                                                 const CompanySetup& setup);

}  // namespace platnik::services
