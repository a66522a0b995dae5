#pragma once

#include "banking/IpsQr.h"
#include "banking/PaymentOrder.h"

namespace platnik::banking {

/// Fills an order from an invoice's IPS QR code: the payee becomes the recipient (first line of
/// N the name, the last line its place when there are several), R the recipient account, I the
/// amount, SF the payment code (a cash code, form 1, becomes the cashless form 2 of the same
/// basis: the order pays from an account), S the purpose, RO the credit model and reference; O and P the
/// payer when the code names one. Fields the code does not carry keep the values of `base`.
PaymentOrder orderFromIpsQr(const IpsQr& qr, PaymentOrder base = {});

}  // namespace platnik::banking
