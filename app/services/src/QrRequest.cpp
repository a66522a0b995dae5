#include "services/QrRequest.h"

#include "banking/Account.h"
#include "banking/Currency.h"
#include "banking/Money.h"
#include "banking/Reference.h"

#include <array>
#include <string_view>
#include <utility>

namespace platnik::services {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kFieldOfTag{{
    {"R", "account"},
    {"N", "name"},
    {"I", "amount"},
    {"SF", "code"},
    {"S", "purpose"},
    {"RO", "reference"},
    {"O", "payer-account"},
    {"P", "payer-name"},
}};

banking::Result<std::string> accountDigits(const std::string& text, const char* field) {
  auto account = banking::Account::parse(text);
  if (!account) {
    return banking::fail(account.error().code, account.error().message, field);
  }
  return account.value().digits();
}

}  // namespace

banking::Result<banking::IpsQr> QrRequest::toIpsQr() const {
  banking::IpsQr qr;
  BOOST_OUTCOME_TRY(payee, accountDigits(account, "account"));
  qr.payeeAccount = payee;
  qr.payeeName = name;

  // IPS payments are in dinars. A comma can only be the Serbian decimal separator.
  const bool serbianForm = amount.find(',') != std::string::npos;
  auto money = serbianForm ? banking::Money::parseDisplay(amount, banking::Currency::rsd())
                           : banking::Money::parse(amount, banking::Currency::rsd());
  if (!money) {
    return banking::fail(money.error().code, money.error().message, "amount");
  }
  qr.amount = money.value();
  qr.paymentCode = paymentCode;
  qr.purpose = purpose;

  if (model.empty() != reference.empty()) {
    return banking::fail(banking::Errc::InvalidArgument,
                         "a model needs a reference and a reference needs a model",
                         model.empty() ? "model" : "reference");
  }
  if (!model.empty()) {
    auto checked = banking::Reference::parse(model, reference);
    if (!checked) {
      return banking::fail(checked.error().code, checked.error().message, "reference");
    }
    qr.payeeReference = checked.value().model + checked.value().number;
  }
  if (!payerAccount.empty()) {
    BOOST_OUTCOME_TRY(payer, accountDigits(payerAccount, "payer-account"));
    qr.payerAccount = payer;
  }
  qr.payerName = payerName;
  return qr;
}

banking::Result<std::string> QrRequest::make() const {
  BOOST_OUTCOME_TRY(qr, toIpsQr());
  auto payload = banking::makeIpsQr(qr);
  if (!payload) {
    // The domain names the QR tag; the person filled in a request field.
    banking::Error error = payload.error();
    for (const auto& [tag, field] : kFieldOfTag) {
      if (error.where == tag) {
        error.where = field;
      }
    }
    return boost::outcome_v2::failure(std::move(error));
  }
  return payload;
}

}  // namespace platnik::services
