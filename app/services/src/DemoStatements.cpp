#include "services/DemoStatements.h"

#include "banking/Account.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <random>

namespace platnik::services {
namespace {

using Role = DemoCounterparty::Role;
namespace chrono = std::chrono;

/// A domestic account number: bank code, the account padded to 13 digits, control digits.
std::string domestic(std::string_view bank, std::uint64_t account) {
  const std::string first16 = fmt::format("{}{:013}", bank, account);
  return first16 + banking::Account::controlDigitsFor(first16).value();
}

/// A model-97 reference over `body` (control digits first, as the reference carries them).
banking::Reference model97(const std::string& body) {
  return banking::Reference{"97", banking::Reference::model97ControlFor(body).value() + body};
}

bool isWorkingDay(banking::Date day) {
  const chrono::weekday weekday{chrono::sys_days{day}};
  if (weekday == chrono::Saturday || weekday == chrono::Sunday) {
    return false;
  }
  // Serbian public holidays on fixed dates (New Year, Orthodox Christmas, Statehood Day,
  // Labour Day, Armistice Day); the Easter holidays move and are left out.
  const unsigned month = static_cast<unsigned>(day.month());
  const unsigned dayOfMonth = static_cast<unsigned>(day.day());
  return !((month == 1 && (dayOfMonth == 1 || dayOfMonth == 2 || dayOfMonth == 7)) ||
           (month == 2 && (dayOfMonth == 15 || dayOfMonth == 16)) ||
           (month == 5 && (dayOfMonth == 1 || dayOfMonth == 2)) || (month == 11 && dayOfMonth == 11));
}

/// The first working day on or after the `dayOfMonth` of the day's month.
banking::Date firstWorkingDayFrom(banking::Date day, unsigned dayOfMonth) {
  chrono::sys_days at{day.year() / day.month() / chrono::day{dayOfMonth}};
  while (!isWorkingDay(banking::Date{at})) {
    at += chrono::days{1};
  }
  return banking::Date{at};
}

bool isLastWorkingDayOfMonth(banking::Date day) {
  chrono::sys_days next = chrono::sys_days{day} + chrono::days{1};
  while (!isWorkingDay(banking::Date{next})) {
    next += chrono::days{1};
  }
  return banking::Date{next}.month() != day.month();
}

std::string monthText(banking::Date day) {
  return fmt::format("{:02}/{}", static_cast<unsigned>(day.month()), static_cast<int>(day.year()));
}

std::string previousMonthText(banking::Date day) {
  const chrono::year_month previous = chrono::year_month{day.year(), day.month()} - chrono::months{1};
  return fmt::format("{:02}/{}", static_cast<unsigned>(previous.month()), static_cast<int>(previous.year()));
}

/// A fixed seed per account, so that the demo is the same every time it is made.
std::uint64_t seedOf(const std::string& text) {
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a
  for (const unsigned char c : text) {
    hash = (hash ^ c) * 1099511628211ULL;
  }
  return hash;
}

std::vector<const DemoCounterparty*> withRole(Role role) {
  std::vector<const DemoCounterparty*> out;
  for (const auto& counterparty : demoCounterparties()) {
    if (counterparty.role == role) {
      out.push_back(&counterparty);
    }
  }
  return out;
}

class Generator {
 public:
  Generator(const DemoAccount& account, std::string bankName)
      : m_account(account),
        m_bankName(std::move(bankName)),
        m_random(seedOf(account.number)),
        m_balance(account.openingMinor) {}

  /// The entries of one working day (possibly none).
  std::vector<banking::Entry> entriesOn(banking::Date day) {
    m_day = day;
    m_entries.clear();
    if (m_account.currency != banking::Currency::rsd()) {
      foreignDay();
      return m_entries;
    }
    if (m_account.rent && day == firstWorkingDayFrom(day, 1)) {
      const auto landlord = withRole(Role::Landlord).front();
      add(*landlord, -12'000'000, "226", landlord->purpose + " " + monthText(day),
          model97(fmt::format("{}{:02}", static_cast<int>(day.year()), static_cast<unsigned>(day.month()))));
    }
    if (m_account.payroll && day == firstWorkingDayFrom(day, 10)) {
      payroll();
    }
    if (m_account.payroll && day == firstWorkingDayFrom(day, 15)) {
      std::uint64_t customerNumber = 4'410'000;
      for (const auto* utility : withRole(Role::Utility)) {
        add(*utility, -static_cast<std::int64_t>(450'000 + next(3'500'000)), utility->paymentCode,
            utility->purpose + " za " + previousMonthText(day), model97(std::to_string(++customerNumber)));
      }
    }
    const int customers = static_cast<int>(next(static_cast<std::uint64_t>(m_account.activity) + 1));
    const auto customerList = withRole(Role::Customer);
    for (int i = 0; i < customers; ++i) {
      const auto* customer = customerList[next(customerList.size())];
      const std::string invoice = fmt::format("{}{:04}", static_cast<int>(day.year()), ++m_invoice);
      add(*customer, static_cast<std::int64_t>((15'000 + next(600'000)) * 100 + next(100)),
          customer->paymentCode,
          fmt::format("Uplata po fakturi {}-{:04}", static_cast<int>(day.year()), m_invoice),
          model97(invoice));
    }
    const int suppliers = static_cast<int>(next(static_cast<std::uint64_t>(m_account.activity) + 1));
    const auto supplierList = withRole(Role::Supplier);
    for (int i = 0; i < suppliers; ++i) {
      const auto* supplier = supplierList[next(supplierList.size())];
      const auto amount = static_cast<std::int64_t>((5'000 + next(450'000)) * 100 + next(100));
      if (m_balance - amount < 50'000'000) {
        continue;  // the bookkeeper waits for money to come in
      }
      add(*supplier, -amount, supplier->paymentCode,
          fmt::format("{}, r. {}", supplier->purpose, 100 + next(900)),
          model97(fmt::format("{}{}", 10'000 + next(90'000), static_cast<int>(day.year()))));
    }
    if (isLastWorkingDayOfMonth(day)) {
      const DemoCounterparty bank{
          Role::Supplier, m_bankName, "Beograd", domestic(std::string_view(m_account.number).substr(0, 3), 1),
          "290",          ""};
      add(bank, -185'000, "290", "Naknada za vođenje računa " + monthText(day), {});
    }
    return m_entries;
  }

  [[nodiscard]] std::int64_t balance() const { return m_balance; }

 private:
  std::uint64_t next(std::uint64_t bound) { return m_random() % bound; }

  void payroll() {
    std::int64_t gross = 0;
    std::uint64_t salary = 9'500'000;
    for (const auto* employee : withRole(Role::Employee)) {
      const auto amount = static_cast<std::int64_t>(salary + next(400'000));
      gross += amount;
      salary += 1'700'000;
      add(*employee, -amount, "240", "Zarada za " + previousMonthText(m_day), {});
    }
    const auto taxOffice = withRole(Role::TaxOffice).front();
    add(*taxOffice, -(gross * 62 / 100), "254", "Porez i dopr. na zarade za " + previousMonthText(m_day),
        model97("1090412345" + fmt::format("{:02}", static_cast<unsigned>(m_day.month()))));
  }

  void foreignDay() {
    if (next(8) == 0) {
      const auto* customer = withRole(Role::ForeignCustomer).front();
      add(*customer, static_cast<std::int64_t>((2'000 + next(23'000)) * 100), "",
          fmt::format("Payment of invoice INV-{}-{:03}", static_cast<int>(m_day.year()), ++m_invoice), {});
    }
    if (isLastWorkingDayOfMonth(m_day) && m_balance > 1'000'000) {
      const DemoCounterparty bank{Role::Supplier,
                                  m_bankName,
                                  "Beograd",
                                  domestic(std::string_view(m_account.number).substr(0, 3), 1),
                                  "",
                                  ""};
      add(bank, -(m_balance / 2 / 100 * 100), "", "Prodaja deviza " + monthText(m_day), {});
    }
  }

  void add(const DemoCounterparty& counterparty, std::int64_t minor, const std::string& paymentCode,
           const std::string& purpose, banking::Reference reference) {
    banking::Entry entry;
    entry.bookingDate = m_day;
    entry.valueDate = m_day;
    entry.amount = banking::Money(minor, m_account.currency);
    entry.counterparty =
        banking::Counterparty{counterparty.name, counterparty.account, counterparty.place, {}};
    entry.purpose = purpose;
    entry.paymentCode = paymentCode;
    entry.reference = std::move(reference);
    ++m_sequence;
    entry.bankReference = fmt::format("{}{}{:06}", std::string_view(m_account.number).substr(0, 3),
                                      banking::toIsoString(m_day).substr(0, 4), m_sequence);
    entry.endToEndId = entry.bankReference;
    m_balance += minor;
    m_entries.push_back(std::move(entry));
  }

  const DemoAccount& m_account;
  std::string m_bankName;
  std::mt19937_64 m_random;
  std::int64_t m_balance;
  banking::Date m_day{};
  std::vector<banking::Entry> m_entries;
  int m_invoice = 0;
  int m_sequence = 0;
};

}  // namespace

const std::vector<DemoCounterparty>& demoCounterparties() {
  static const std::vector<DemoCounterparty> list{
      {Role::Customer, "Ćirić Trade d.o.o.", "Niš", domestic("160", 5'501'234), "221", "Uplata po fakturi"},
      {Role::Customer, "Шумадија промет д.о.о.", "Крагујевац", domestic("205", 1'120'457), "221",
       "Uplata po fakturi"},
      {Role::Customer, "Đorđević i sinovi d.o.o.", "Novi Sad", domestic("340", 11'024'801), "221",
       "Uplata po fakturi"},
      {Role::Customer, "Žitopromet a.d.", "Senta", domestic("355", 1'002'215), "221", "Uplata po fakturi"},
      {Role::Customer, "Вршачки виногради д.о.о.", "Вршац", domestic("325", 9'300'700'123), "221",
       "Uplata po fakturi"},
      {Role::Customer, "Kovačević Građevina d.o.o.", "Čačak", domestic("170", 30'056'789), "221",
       "Uplata po fakturi"},
      {Role::Supplier, "Biro Šabac d.o.o.", "Šabac", domestic("160", 2'048'812), "221",
       "Kancelarijski materijal"},
      {Role::Supplier, "Transport Đurić d.o.o.", "Kraljevo", domestic("265", 1'100'310'045'678), "221",
       "Usluga prevoza"},
      {Role::Supplier, "Računovodstvena agencija Živković", "Beograd", domestic("285", 2'001'000'012), "221",
       "Knjigovodstvene usluge"},
      {Role::Supplier, "Мегатрејд д.о.о.", "Београд", domestic("200", 2'900'340'011), "221",
       "Roba po računu"},
      {Role::Utility, "EPS Snabdevanje d.o.o.", "Beograd", domestic("160", 12'345'678), "221",
       "Električna energija"},
      {Role::Utility, "Telekom Srbija a.d.", "Beograd", domestic("165", 7'006'432), "221",
       "Telekomunikacione usluge"},
      {Role::Utility, "JKP Infostan tehnologije", "Beograd", domestic("205", 2'014'556), "221",
       "Komunalne usluge"},
      {Role::Landlord, "Poslovni centar Ušće d.o.o.", "Beograd", domestic("170", 30'012'345'001), "226",
       "Zakup poslovnog prostora"},
      {Role::TaxOffice, "Poreska uprava, porez po odbitku", "Beograd", domestic("840", 4'848), "254",
       "Porez i doprinosi na zarade"},
      {Role::Employee, "Marko Petrović", "Beograd", domestic("160", 3'001'118'201), "240", "Zarada"},
      {Role::Employee, "Jelena Đukić", "Zemun", domestic("265", 1'110'310'007'341), "240", "Zarada"},
      {Role::Employee, "Stefan Živković", "Beograd", domestic("170", 30'041'200'055), "240", "Zarada"},
      {Role::Employee, "Ана Јовановић", "Панчево", domestic("205", 9'011'004'321), "240", "Zarada"},
      {Role::ForeignCustomer, "Müller Handels GmbH", "München", "DE89370400440532013000", "",
       "Payment of invoice"},
  };
  return list;
}

std::vector<banking::Statement> demoStatements(const DemoAccount& account, const std::string& ownerName,
                                               const std::string& bankName, banking::Date today) {
  const std::string iban = banking::Account::parse(account.number).value().iban();
  Generator generator(account, bankName);
  std::vector<banking::Statement> statements;
  const chrono::sys_days last{today};
  int numberInYear = 0;
  chrono::year year{0};
  for (chrono::sys_days at = last - chrono::days{365}; at <= last; at += chrono::days{1}) {
    const banking::Date day{at};
    if (!isWorkingDay(day)) {
      continue;
    }
    const std::int64_t opening = generator.balance();
    auto entries = generator.entriesOn(day);
    if (entries.empty()) {
      continue;
    }
    if (day.year() != year) {
      year = day.year();
      numberInYear = 0;
    }
    banking::Statement statement;
    statement.info.account = account.number;
    statement.info.iban = iban;
    statement.info.currency = account.currency;
    statement.info.number = std::to_string(++numberInYear);
    statement.info.date = day;
    statement.info.opening =
        banking::Balance{banking::BalanceType::Opening, banking::Money(opening, account.currency), day};
    statement.info.closing = banking::Balance{banking::BalanceType::Closing,
                                              banking::Money(generator.balance(), account.currency), day};
    statement.info.ownerName = ownerName;
    statement.entries = std::move(entries);
    statements.push_back(std::move(statement));
  }
  return statements;
}

}  // namespace platnik::services
