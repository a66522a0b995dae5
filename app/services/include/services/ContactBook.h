#pragma once

#include "banking/Error.h"
#include "services/DatabaseCommands.h"
#include "storage/Contacts.h"
#include "storage/Database.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace platnik::services {

/// The field of a contact a problem is about.
enum class ContactField { Name, Account, PaymentCode, CreditReference, DebitReference };

/// One problem of a contact as typed.
struct ContactProblem {
  ContactField field = ContactField::Name;
  std::size_t accountIndex = 0;  ///< which of the accounts (ContactField::Account)
  banking::Error error;
};

/// Every problem of a contact as typed, with the rules of addContact: a name, valid domestic
/// accounts (banking::Account::parse), a valid payment code when given
/// (banking::PaymentCode::parse), valid references (banking::Reference::parse). Empty: it can
/// be saved.
std::vector<ContactProblem> checkContact(const ContactInput& input);

/// The contact to store for `input` (accounts in their 18-digit form), or its first problem
/// (Error::where names the field: "name", "account", "payment code", "credit reference",
/// "debit reference").
banking::Result<storage::Contact> contactFromInput(const ContactInput& input);

/// A stored contact as a form shows it.
ContactInput contactInput(const storage::Contact& contact);

/// Replaces the contact `id` by `input` (checked as addContact checks). Errc::NotFound when
/// there is no such contact.
banking::Result<void> updateContact(storage::Database& database, std::int64_t id, const ContactInput& input);
/// Deletes the contact `id` (Errc::NotFound when there is none).
banking::Result<void> deleteContact(storage::Database& database, std::int64_t id);

/// The contacts whose name, place, accounts, purpose or references contain `search`, case and
/// diacritics folded (banking::foldForSearch: "sljivic" finds "Šljivić"); all when `search`
/// is blank. In name order.
banking::Result<std::vector<storage::Contact>> findContacts(storage::Database& database,
                                                            std::string_view search);

}  // namespace platnik::services
