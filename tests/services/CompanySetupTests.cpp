#include "services/CompanySetup.h"
#include "services/DatabaseFiles.h"
#include "storage/Accounts.h"
#include "storage/Banks.h"
#include "storage/Settings.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace platnik;
using services::SetupProblem;
using testsupport::TempDir;

BOOST_AUTO_TEST_SUITE(CompanySetupTests)

namespace {

services::CompanySetup goodSetup() {
  services::CompanySetup setup;
  setup.name = "Knjigovodstvo Marković d.o.o.";
  setup.place = "Novi Sad";
  setup.taxId = "104052135";
  setup.accounts = {"160-1111-41", "RS35265000000000123488", "170000000000567852"};
  setup.modulePath = "/usr/lib/softhsm/libsofthsm2.so";
  return setup;
}

bool hasProblem(const std::vector<SetupProblem>& problems, SetupProblem::Field field, std::string_view text) {
  return std::any_of(problems.begin(), problems.end(), [&](const SetupProblem& problem) {
    return problem.field == field && problem.message.find(text) != std::string::npos;
  });
}

}  // namespace

BOOST_AUTO_TEST_CASE(good_answers_have_no_problems) {
  BOOST_TEST(services::checkCompanySetup(goodSetup()).empty());
}

BOOST_AUTO_TEST_CASE(each_wrong_answer_is_named_beside_its_field) {
  using Field = SetupProblem::Field;
  auto setup = goodSetup();
  setup.name = "  ";
  setup.taxId = "104052136";
  setup.accounts = {"160-1111-42", "999000000000123438", "160000000000111141", "160-1111-41"};
  const auto problems = services::checkCompanySetup(setup);
  BOOST_TEST(problems.size() == 5U);
  BOOST_TEST(hasProblem(problems, Field::Name, "needs a name"));
  BOOST_TEST(hasProblem(problems, Field::TaxId, "should be 5"));
  BOOST_TEST(hasProblem(problems, Field::Accounts, "160-1111-42"));
  BOOST_TEST(hasProblem(problems, Field::Accounts, "no bank in the NBS list has the code 999"));
  BOOST_TEST(hasProblem(problems, Field::Accounts, "listed twice"));

  setup = goodSetup();
  setup.accounts.clear();
  BOOST_TEST(hasProblem(services::checkCompanySetup(setup), Field::Accounts, "at least one"));
}

BOOST_AUTO_TEST_CASE(creates_the_company_with_its_banks_accounts_and_token_module) {
  const TempDir dir;
  auto created = services::createCompany(dir / "company.platnik", goodSetup());
  BOOST_TEST_REQUIRE(created.has_value());
  auto& database = created.value();
  const auto company = database.settings().company().value();
  BOOST_TEST_REQUIRE(company.has_value());
  BOOST_TEST(company->name == "Knjigovodstvo Marković d.o.o.");
  BOOST_TEST(company->place == "Novi Sad");
  BOOST_TEST(company->taxId == "104052135");

  const auto banks = database.banks().list().value();
  BOOST_TEST_REQUIRE(banks.size() == 3U);
  BOOST_TEST(database.banks().findByCode("265").value()->name == "Raiffeisen banka");
  const auto accounts = database.accounts().list().value();
  BOOST_TEST_REQUIRE(accounts.size() == 3U);
  const auto first = database.accounts().find("160000000000111141").value();
  BOOST_TEST_REQUIRE(first.has_value());
  BOOST_TEST((first->bankId == database.banks().findByCode("160").value()->id));
  BOOST_TEST(services::readCompanySettings(database).value().modulePath == "/usr/lib/softhsm/libsofthsm2.so");
  BOOST_TEST(database.check().value().ok());
}

BOOST_AUTO_TEST_CASE(refuses_bad_answers_and_an_existing_file_leaving_nothing_behind) {
  const TempDir dir;
  auto setup = goodSetup();
  setup.taxId = "12345";
  const auto refused = services::createCompany(dir / "company.platnik", setup);
  BOOST_TEST_REQUIRE(refused.has_error());
  BOOST_TEST(refused.error().message.find("9 digits") != std::string::npos);
  BOOST_TEST(!std::filesystem::exists(dir / "company.platnik"));

  BOOST_TEST_REQUIRE(services::createCompany(dir / "company.platnik", goodSetup()).has_value());
  const auto again = services::createCompany(dir / "company.platnik", goodSetup());
  BOOST_TEST_REQUIRE(again.has_error());
  BOOST_TEST(again.error().message.find("already exists") != std::string::npos);
  // The first company is still there, untouched.
  auto reopened = services::openCompanyDatabase(dir / "company.platnik");
  BOOST_TEST_REQUIRE(reopened.has_value());
  BOOST_TEST(reopened.value().accounts().list().value().size() == 3U);
}

BOOST_AUTO_TEST_SUITE_END()
