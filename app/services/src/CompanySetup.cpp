#include "services/CompanySetup.h"

#include "banking/Account.h"
#include "banking/Banks.h"
#include "banking/TaxId.h"
#include "services/DatabaseCommands.h"
#include "services/DatabaseFiles.h"
#include "storage/Settings.h"

#include <fmt/format.h>

#include <set>

namespace platnik::services {

using banking::Errc;
using banking::fail;
using banking::Result;

std::vector<SetupProblem> checkCompanySetup(const CompanySetup& setup) {
  std::vector<SetupProblem> problems;
  using Field = SetupProblem::Field;
  if (setup.name.find_first_not_of(" \t") == std::string::npos) {
    problems.push_back({Field::Name, "the company needs a name"});
  }
  if (auto taxId = banking::TaxId::parse(setup.taxId); !taxId) {
    problems.push_back({Field::TaxId, taxId.error().message});
  }
  std::set<std::string> seen;
  for (const auto& typed : setup.accounts) {
    auto account = banking::Account::parse(typed);
    if (!account) {
      problems.push_back({Field::Accounts, fmt::format("{}: {}", typed, account.error().message)});
      continue;
    }
    const std::string digits = account.value().digits();
    if (!seen.insert(digits).second) {
      problems.push_back({Field::Accounts, fmt::format("{}: the account is listed twice", typed)});
    } else if (!banking::findBank(digits.substr(0, 3))) {
      problems.push_back({Field::Accounts, fmt::format("{}: no bank in the NBS list has the code {}", typed,
                                                       digits.substr(0, 3))});
    }
  }
  if (setup.accounts.empty()) {
    problems.push_back({Field::Accounts, "add at least one of the company's accounts"});
  }
  return problems;
}

namespace {

Result<void> fill(storage::Database& database, const CompanySetup& setup) {
  storage::Company company;
  company.name = setup.name;
  company.place = setup.place;
  company.taxId = banking::TaxId::parse(setup.taxId).value().digits();
  BOOST_OUTCOME_TRYV(database.settings().setCompany(company));
  for (const auto& typed : setup.accounts) {
    const std::string code = std::string(banking::Account::parse(typed).value().bankCode());
    BOOST_OUTCOME_TRY(known, database.banks().findByCode(code));
    if (!known) {
      BOOST_OUTCOME_TRYV(addBank(database, code, {}, "file"));
    }
    BOOST_OUTCOME_TRYV(addAccount(database, typed, "RSD", {}));
  }
  CompanySettings settings;
  settings.modulePath = setup.modulePath;
  return writeCompanySettings(database, settings);
}

}  // namespace

Result<storage::Database> createCompany(const std::filesystem::path& path, const CompanySetup& setup) {
  if (const auto problems = checkCompanySetup(setup); !problems.empty()) {
    return fail(Errc::InvalidArgument, problems.front().message, "company setup");
  }
  BOOST_OUTCOME_TRY(database, newCompanyDatabase(path));
  if (auto filled = fill(database, setup); !filled) {
    { auto closing = std::move(database); }
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path.string() + suffix, ignored);
    }
    return boost::outcome_v2::failure(filled.error());
  }
  return std::move(database);
}

}  // namespace platnik::services
