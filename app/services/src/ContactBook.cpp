#include "services/ContactBook.h"

#include "banking/Account.h"
#include "banking/PaymentCode.h"
#include "banking/Reference.h"
#include "banking/Text.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace platnik::services {
namespace {

using banking::Errc;
using banking::fail;
using banking::Result;

/// The error of a field, with `where` naming the field (the first problem of addContact).
banking::Error located(banking::Error error, std::string_view where) {
  error.where = std::string(where);
  return error;
}

std::string_view whereOf(ContactField field) {
  switch (field) {
    case ContactField::Name:
      return "name";
    case ContactField::Account:
      return "account";
    case ContactField::PaymentCode:
      return "payment code";
    case ContactField::CreditReference:
      return "credit reference";
    case ContactField::DebitReference:
      return "debit reference";
  }
  return "contact";
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string digitsOnly(std::string_view text) {
  std::string digits;
  for (const char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      digits += c;
    }
  }
  return digits;
}

bool matches(const storage::Contact& contact, std::string_view search, const std::string& folded,
             const std::string& digits) {
  const auto has = [&folded](std::string_view text) {
    return banking::foldForSearch(text).find(folded) != std::string::npos;
  };
  if (has(contact.name) || has(contact.place) || has(contact.purpose) ||
      has(contact.creditReference.number) || has(contact.debitReference.number)) {
    return true;
  }
  // An account matches in any form (short "160-182039-69", IBAN) or by part of its digits.
  const auto whole = banking::Account::parse(search);
  return std::any_of(contact.accounts.begin(), contact.accounts.end(), [&](const std::string& account) {
    return (whole && whole.value().digits() == account) || has(account) ||
           (digits.size() >= 3 && account.find(digits) != std::string::npos);
  });
}

}  // namespace

std::vector<ContactProblem> checkContact(const ContactInput& input) {
  std::vector<ContactProblem> problems;
  const auto add = [&problems](ContactField field, std::size_t index, banking::Error error) {
    problems.push_back({field, index, located(std::move(error), whereOf(field))});
  };
  if (trimmed(input.name).empty()) {
    add(ContactField::Name, 0, banking::Error{Errc::InvalidArgument, "the contact needs a name", {}});
  }
  for (std::size_t i = 0; i < input.accounts.size(); ++i) {
    if (auto account = banking::Account::parse(input.accounts[i]); !account) {
      add(ContactField::Account, i, account.error());
    }
  }
  if (!input.paymentCode.empty()) {
    if (auto code = banking::PaymentCode::parse(input.paymentCode); !code) {
      add(ContactField::PaymentCode, 0, code.error());
    }
  }
  if (auto credit = banking::Reference::parse(input.creditModel, input.creditReference); !credit) {
    add(ContactField::CreditReference, 0, credit.error());
  }
  if (auto debit = banking::Reference::parse(input.debitModel, input.debitReference); !debit) {
    add(ContactField::DebitReference, 0, debit.error());
  }
  return problems;
}

Result<storage::Contact> contactFromInput(const ContactInput& input) {
  if (auto problems = checkContact(input); !problems.empty()) {
    return boost::outcome_v2::failure(std::move(problems.front().error));
  }
  storage::Contact contact;
  contact.name = input.name;
  contact.place = input.place;
  for (const auto& text : input.accounts) {
    contact.accounts.push_back(banking::Account::parse(text).value().digits());
  }
  contact.paymentCode = input.paymentCode;
  contact.purpose = input.purpose;
  contact.creditReference = banking::Reference::parse(input.creditModel, input.creditReference).value();
  contact.debitReference = banking::Reference::parse(input.debitModel, input.debitReference).value();
  return contact;
}

ContactInput contactInput(const storage::Contact& contact) {
  ContactInput input;
  input.name = contact.name;
  input.place = contact.place;
  input.accounts = contact.accounts;
  input.paymentCode = contact.paymentCode;
  input.purpose = contact.purpose;
  input.creditModel = contact.creditReference.model;
  input.creditReference = contact.creditReference.number;
  input.debitModel = contact.debitReference.model;
  input.debitReference = contact.debitReference.number;
  return input;
}

Result<void> updateContact(storage::Database& database, std::int64_t id, const ContactInput& input) {
  BOOST_OUTCOME_TRY(contact, contactFromInput(input));
  contact.id = id;
  return database.contacts().update(contact);
}

Result<void> deleteContact(storage::Database& database, std::int64_t id) {
  return database.contacts().remove(id);
}

Result<std::vector<storage::Contact>> findContacts(storage::Database& database, std::string_view search) {
  BOOST_OUTCOME_TRY(all, database.contacts().list());
  const std::string folded = banking::foldForSearch(trimmed(search));
  if (folded.empty()) {
    return std::move(all);
  }
  const std::string digits = digitsOnly(search);
  std::vector<storage::Contact> found;
  for (auto& contact : all) {
    if (matches(contact, trimmed(search), folded, digits)) {
      found.push_back(std::move(contact));
    }
  }
  return found;
}

}  // namespace platnik::services
