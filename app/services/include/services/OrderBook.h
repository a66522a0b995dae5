#pragma once

#include "banking/Date.h"
#include "banking/Error.h"
#include "banking/OrderState.h"
#include "banking/PaymentOrder.h"
#include "crypto/Interaction.h"
#include "crypto/TokenInfo.h"
#include "services/OrderSigning.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace platnik::storage {
class Database;
}

namespace platnik::services {

/// The window's view of the stored payment orders (the Orders page and the order editor):
/// typed rows, and the changes the bookkeeper makes to them.

/// One stored order with what is wrong with it today.
struct OrderRow {
  std::int64_t id = 0;
  banking::OrderState state = banking::OrderState::Draft;
  banking::PaymentOrder order;
  std::vector<banking::OrderProblem> problems;  ///< banking::validate against today; empty when valid
  std::string signer;                           ///< the certificate subject of a signed order
  std::string updatedAt;                        ///< when it last changed (database time, UTC)

  /// Before it leaves the program and not yet signed: the bookkeeper may still delete it.
  [[nodiscard]] bool deletable() const;
  [[nodiscard]] bool editable() const;
};

/// One of the company's accounts an order may be paid from.
struct PayerAccount {
  std::string account;      ///< short form "160-182039-69" for a domestic account, else as stored
  std::string displayName;  ///< the bookkeeper's name for it ("" when none)
  std::string currency;     ///< ISO 4217 code
};

/// Who pays: the company (name and place from its record; empty before setup) and its accounts.
struct CompanyPayer {
  std::string name;
  std::string place;
  std::vector<PayerAccount> accounts;  ///< in the order they were added
};
banking::Result<CompanyPayer> companyPayer(storage::Database& database);

/// Every order, oldest first, each judged against `today`.
banking::Result<std::vector<OrderRow>> listOrderRows(storage::Database& database, banking::Date today);
/// One order; NotFound when there is none.
banking::Result<OrderRow> orderRow(storage::Database& database, std::int64_t id, banking::Date today);

/// Stores the order as typed: a new one when `id` is empty, otherwise replaces the fields of
/// that (editable) order, which drops a signature it had. It is kept as a draft when
/// banking::validate finds problems and made ready (to be signed) when it finds none.
/// Returns the order's id.
banking::Result<std::int64_t> saveOrder(storage::Database& database, std::optional<std::int64_t> id,
                                        const banking::PaymentOrder& order, banking::Date today);

/// A new order with the fields of `id` (draft or ready, as saveOrder decides).
banking::Result<std::int64_t> duplicateOrder(storage::Database& database, std::int64_t id,
                                             banking::Date today);

/// Deletes an order the bank has not seen and nobody has signed (draft or ready): it is
/// cancelled, so that its history stays in the audit log. InvalidState for any other order.
banking::Result<void> deleteOrder(storage::Database& database, std::int64_t id);

/// Makes each valid draft of `ids` ready, so that it can be signed; drafts with problems and
/// orders in other states are left as they are (signing then says why it refused them).
banking::Result<void> readyForSigning(storage::Database& database, std::span<const std::int64_t> ids,
                                      banking::Date today);

/// The tokens present in the slots of the module(s) at `modulePath` (empty: p11-kit's).
banking::Result<std::vector<crypto::TokenInfo>> presentTokens(const std::string& modulePath);

/// Signs the orders `ids` in one batch with one PIN entry on the token `tokenLabel` (empty:
/// the only token present): valid drafts are made ready first (readyForSigning), then
/// services::signStoredOrders. Fails, signing nothing, when the token cannot be opened, its
/// certificate may not sign orders (a natural person's: the message says why) or the PIN is
/// refused (the message says how many tries are left; the PIN is never tried again).
banking::Result<OrderSigningReport> signOrders(storage::Database& database, const std::string& modulePath,
                                               const std::string& tokenLabel,
                                               std::span<const std::int64_t> ids, crypto::Interaction& ui,
                                               banking::Date today);

}  // namespace platnik::services
