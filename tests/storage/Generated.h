#pragma once

// Generated statements for the storage tests, the crash helper and the benchmark.

#include "banking/Account.h"
#include "banking/Statement.h"
#include "banking/StatementSink.h"

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace platnik::storage::testing {

/// A valid domestic account number: bank 160, the given account part.
inline std::string accountNumber(std::uint64_t part, std::string_view bank = "160") {
  const std::string first16 = fmt::format("{}{:013}", bank, part);
  auto control = banking::Account::controlDigitsFor(first16);
  if (!control) {
    throw std::logic_error(control.error().describe());
  }
  return first16 + control.value();
}

inline banking::Date dayNumber(int n) {
  return banking::Date{std::chrono::sys_days{std::chrono::year{2024} / 1 / 1} + std::chrono::days{n}};
}

inline const std::array<const char*, 12>& counterparties() {
  static const std::array<const char*, 12> kNames{"Elektroprivreda Srbije",
                                                  "Telekom Srbija a.d.",
                                                  "Čačak Metal d.o.o.",
                                                  "Đurđevak Trgovina",
                                                  "Šabac Promet",
                                                  "Žitopromet Zrenjanin",
                                                  "Müller GmbH",
                                                  "Беохемија д.о.о.",
                                                  "Niš Ekspres",
                                                  "Poreska uprava",
                                                  "Kragujevac Auto",
                                                  "Vojvodina Osiguranje"};
  return kNames;
}

inline const std::array<const char*, 8>& purposes() {
  static const std::array<const char*, 8> kPurposes{"Uplata po fakturi",        "Plaćanje računa za struju",
                                                    "Zakup poslovnog prostora", "Porez na dodatu vrednost",
                                                    "Nabavka materijala",       "Isplata zarade",
                                                    "Povraćaj avansa",          "Usluge održavanja"};
  return kPurposes;
}

/// Entry `i` of statement `number` on the account: deterministic, distinct from every other.
inline banking::Entry makeEntry(int number, int i, banking::Date date) {
  banking::Entry entry;
  entry.bookingDate = date;
  entry.valueDate = date;
  const std::int64_t minor = 100 + (static_cast<std::int64_t>(number) * 7919 + i * 104729) % 50'000'000;
  entry.amount = banking::Money(i % 3 == 0 ? -minor : minor, banking::Currency::rsd());
  const auto pick = static_cast<std::size_t>(number * 31 + i);
  entry.counterparty.name = counterparties()[pick % counterparties().size()];
  entry.counterparty.account = accountNumber(1000 + pick % 97, "205");
  entry.purpose = fmt::format("{} {}/{}", purposes()[pick % purposes().size()], number, i);
  entry.paymentCode = i % 3 == 0 ? "221" : "289";
  entry.reference = {"97", fmt::format("{}-{}", number, i)};
  entry.bankReference = fmt::format("BR{}X{}", number, i);
  return entry;
}

/// Statement `number` of an account: `count` entries on one day, with balances.
inline banking::Statement makeStatement(const std::string& account, int number, int count, int day = -1) {
  banking::Statement statement;
  const auto date = dayNumber(day < 0 ? number : day);
  statement.info.account = account;
  statement.info.currency = banking::Currency::rsd();
  statement.info.number = std::to_string(number);
  statement.info.date = date;
  std::int64_t sum = 0;
  for (int i = 0; i < count; ++i) {
    statement.entries.push_back(makeEntry(number, i, date));
    sum += statement.entries.back().amount.minorUnits();
  }
  const std::int64_t opening = 1'000'000'00 + number;
  statement.info.opening = banking::Balance{banking::BalanceType::Opening,
                                            banking::Money(opening, banking::Currency::rsd()), date};
  statement.info.closing = banking::Balance{banking::BalanceType::Closing,
                                            banking::Money(opening + sum, banking::Currency::rsd()), date};
  return statement;
}

/// The failure's text for a test message ("" for a success).
template <class R>
std::string why(const R& result) {
  return result ? std::string() : result.error().describe();
}

/// Delivers a statement to a sink the way a reader does.
inline banking::Result<void> feed(banking::StatementSink& sink, const banking::Statement& statement) {
  BOOST_OUTCOME_TRYV(sink.begin(statement.info));
  for (const auto& entry : statement.entries) {
    BOOST_OUTCOME_TRYV(sink.entry(entry));
  }
  return sink.end(statement.info);
}

}  // namespace platnik::storage::testing
