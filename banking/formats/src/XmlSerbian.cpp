#include "XmlSerbian.h"

#include "banking/Account.h"

namespace platnik::banking::formats::detail {

std::string domesticAccount(std::string_view text) {
  auto account = Account::parse(text);
  return account ? account.value().digits() : std::string(text);
}

void assignReferences(Entry& entry, Reference owners, Reference others) {
  if (entry.amount.isNegative()) {
    entry.reference = std::move(others);
    entry.debitReference = std::move(owners);
  } else {
    entry.reference = std::move(owners);
    entry.debitReference = std::move(others);
  }
}

}  // namespace platnik::banking::formats::detail
