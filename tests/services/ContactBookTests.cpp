#include "services/ContactBook.h"
#include "services/DatabaseCommands.h"
#include "storage/Database.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

using namespace platnik;
using services::ContactField;
using services::ContactInput;

namespace {

constexpr const char* kGoodAccount = "160000000018203969";
constexpr const char* kWrongControl = "160000000018203968";

struct Book {
  testsupport::TempDir dir;
  storage::Database database = storage::Database::create(dir / "book.platnik").value();
};

ContactInput elektro() {
  ContactInput input;
  input.name = "Elektro Čačak d.o.o.";
  input.place = "Čačak";
  input.accounts = {kGoodAccount, "265-123456-82"};
  input.paymentCode = "221";
  input.purpose = "Struja";
  input.creditModel = "97";
  input.creditReference = "921234567890";
  return input;
}

bool has(const std::vector<services::ContactProblem>& problems, ContactField field) {
  return std::any_of(problems.begin(), problems.end(), [field](const auto& p) { return p.field == field; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ContactBookTests)

BOOST_AUTO_TEST_CASE(every_wrong_field_is_named_at_once) {
  ContactInput input = elektro();
  input.name = "  ";
  input.accounts = {kGoodAccount, kWrongControl};
  input.paymentCode = "2x1";
  input.creditReference = "931234567890";  // wrong model-97 control digits
  input.debitModel = "97";                 // a model with no reference
  const auto problems = services::checkContact(input);
  BOOST_TEST(problems.size() == 5U);
  BOOST_TEST(has(problems, ContactField::Name));
  BOOST_TEST(has(problems, ContactField::PaymentCode));
  BOOST_TEST(has(problems, ContactField::CreditReference));
  BOOST_TEST(has(problems, ContactField::DebitReference));
  const auto account = std::find_if(problems.begin(), problems.end(),
                                    [](const auto& p) { return p.field == ContactField::Account; });
  BOOST_TEST_REQUIRE((account != problems.end()));
  BOOST_TEST(account->accountIndex == 1U);  // the second account, the first is right
  BOOST_TEST((account->error.code == banking::Errc::WrongControlDigits));
  BOOST_TEST(account->error.where == "account");

  BOOST_TEST(services::checkContact(elektro()).empty());
}

BOOST_AUTO_TEST_CASE(add_update_delete_and_search_with_folded_diacritics) {
  Book book;
  // addContact refuses what checkContact names, with the same error.
  ContactInput bad = elektro();
  bad.accounts = {kWrongControl};
  auto refused = services::addContact(book.database, bad);
  BOOST_TEST_REQUIRE(!refused.has_value());
  BOOST_TEST(refused.error().where == "account");

  auto id = services::addContact(book.database, elektro());
  BOOST_TEST_REQUIRE(id.has_value());
  ContactInput other;
  other.name = "Vodovod Beograd";
  other.place = "Beograd";
  other.accounts = {"170000000000012333"};
  BOOST_TEST_REQUIRE(services::addContact(book.database, other).has_value());

  auto all = services::findContacts(book.database, "   ");
  BOOST_TEST_REQUIRE(all.has_value());
  BOOST_TEST(all.value().size() == 2U);
  for (const char* search : {"cacak", "ČAČAK", "struja", "160-182039-69", "265000000012345682"}) {
    auto found = services::findContacts(book.database, search);
    BOOST_TEST_REQUIRE(found.has_value());
    BOOST_TEST_REQUIRE(found.value().size() == 1U, search);
    BOOST_TEST(found.value().front().id == id.value());
  }
  BOOST_TEST(services::findContacts(book.database, "nowhere").value().empty());

  // The stored form shows in a form again, accounts in their 18 digits.
  const storage::Contact stored = book.database.contacts().get(id.value()).value();
  ContactInput edited = services::contactInput(stored);
  BOOST_TEST(edited.accounts.at(1) == "265000000012345682");
  BOOST_TEST(edited.creditReference == "921234567890");

  edited.place = "Kraljevo";
  edited.accounts = {kWrongControl};
  BOOST_TEST(!services::updateContact(book.database, id.value(), edited).has_value());
  BOOST_TEST(book.database.contacts().get(id.value()).value().place == "Čačak");  // unchanged
  edited.accounts = {kGoodAccount};
  BOOST_TEST_REQUIRE(services::updateContact(book.database, id.value(), edited).has_value());
  const storage::Contact updated = book.database.contacts().get(id.value()).value();
  BOOST_TEST(updated.place == "Kraljevo");
  BOOST_TEST(updated.accounts.size() == 1U);
  BOOST_TEST(services::findContacts(book.database, "kraljevo").value().size() == 1U);

  auto missing = services::updateContact(book.database, id.value() + 100, edited);
  BOOST_TEST_REQUIRE(!missing.has_value());
  BOOST_TEST((missing.error().code == banking::Errc::NotFound));

  BOOST_TEST_REQUIRE(services::deleteContact(book.database, id.value()).has_value());
  BOOST_TEST(services::findContacts(book.database, "").value().size() == 1U);
  BOOST_TEST((services::deleteContact(book.database, id.value()).error().code == banking::Errc::NotFound));
}

BOOST_AUTO_TEST_SUITE_END()
