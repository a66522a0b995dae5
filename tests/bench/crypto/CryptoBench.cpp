// Signs N payment orders in one batch (CMS/CAdES, one login) on a SoftHSM token and, in the
// same run and on the same key, N bare EVP_DigestSign calls (the token's C_Sign rate).
// Prints a table; asserts nothing about time.

#include "TestPki.h"
#include "crypto/BatchSigner.h"
#include "crypto/OrderEncoding.h"
#include "crypto/Pkcs11Module.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace platnik;
using namespace platnik::crypto;

namespace {

banking::PaymentOrder order(int n) {
  banking::PaymentOrder o;
  o.payerName = "Primer d.o.o.";
  o.payerPlace = "Beograd";
  o.payerAccount = "160-0000000000123-45";
  o.recipientName = fmt::format("Dobavljač {}", n);
  o.recipientPlace = "Novi Sad";
  o.recipientAccount = "265-0000000011111-22";
  o.amount = banking::Money{100000 + n, banking::Currency::rsd()};
  o.paymentCode = "221";
  o.purpose = fmt::format("Faktura {}", n);
  o.creditReference = {"97", "4312345678901"};
  return o;
}

template <class F>
double seconds(F&& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int fail(const banking::Error& error) {
  std::fprintf(stderr, "crypto_bench: %s\n", error.describe().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::atoi(argv[1]) : 1000;
  if (count <= 0) {
    std::fprintf(stderr, "usage: crypto_bench [orders]\n");
    return 2;
  }
  cryptotest::TestPki pki({{"BENCH", cryptotest::Profile::LegalQualified}});
  auto module = Pkcs11Module::load(cryptotest::kSoftHsmModule);
  if (!module) {
    return fail(module.error());
  }
  auto token = module.value().open("BENCH");
  if (!token) {
    return fail(token.error());
  }
  const Certificate certificate = token.value().certificates().value().at(0);
  cryptotest::ScriptedInteraction ui;
  ui.pins = {std::string{cryptotest::kPin}};
  if (auto login = token.value().login(ui); !login) {
    return fail(login.error());
  }

  std::vector<banking::PaymentOrder> orders;
  for (int i = 0; i < count; ++i) {
    orders.push_back(order(i));
  }
  const auto now = systemNow();
  banking::Result<BatchResult> batch = banking::fail(banking::Errc::InvalidState, "not run");
  const double batchSeconds =
      seconds([&] { batch = signOrders(token.value(), certificate, orders, ui, now); });
  if (!batch) {
    return fail(batch.error());
  }
  if (batch.value().signedCount() != orders.size()) {
    std::fprintf(stderr, "crypto_bench: only %zu orders signed\n", batch.value().signedCount());
    return 1;
  }

  double bareSeconds = 0;
  {
    auto key = token.value().signingKey(certificate);
    if (!key) {
      return fail(key.error());
    }
    const std::string data = canonicalOrderBytes(orders[0]);
    bool ok = true;
    bareSeconds = seconds([&] {
      for (int i = 0; i < count && ok; ++i) {
        ok = key.value().sign(data).has_value();
      }
    });
    if (!ok) {
      std::fprintf(stderr, "crypto_bench: bare signing failed\n");
      return 1;
    }
  }

  const double batchRate = count / batchSeconds;
  const double bareRate = count / bareSeconds;
  fmt::print("SoftHSM2, RSA-2048, SHA-256, {} signatures each\n", count);
  fmt::print("{:<44} {:>10} {:>14}\n", "operation", "per second", "ms per item");
  fmt::print("{:<44} {:>10.0f} {:>14.3f}\n", "bare EVP_DigestSign on the token key", bareRate,
             1000.0 / bareRate);
  fmt::print("{:<44} {:>10.0f} {:>14.3f}\n", "order batch (encode + CMS/CAdES + sign)", batchRate,
             1000.0 / batchRate);
  fmt::print("batch rate / bare rate: {:.0f}%\n", 100.0 * batchRate / bareRate);
  return 0;
}
