#pragma once

#include "banking/Reference.h"
#include "banking/Statement.h"

#include <string>
#include <string_view>

namespace platnik::banking::formats::detail {

// Shared by the Serbian XML readers (Asseco, ROL).

/// A domestic account as 18 digits when it is one ("160-0000000015722-52" ->
/// "160000000001572252"); anything else as written.
std::string domesticAccount(std::string_view text);

/// Serbian statements give the account owner's reference and the other side's. On a credit
/// the owner is the recipient, so the owner's is the credit ("odobrenja") reference and the
/// other side's the debit ("zaduženja") one; on a debit it is the other way round.
void assignReferences(Entry& entry, Reference owners, Reference others);

}  // namespace platnik::banking::formats::detail
