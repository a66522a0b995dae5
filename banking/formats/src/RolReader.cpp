// Raiffeisen OnLine (ROL) XML statements: <TransakcioniRacunPrivredaIzvod> (dinar account)
// and <RacunPrivredaIzvod> (foreign-currency account). Everything is in attributes:
// one <Zaglavlje> (header) and one <Stavke> per line.

#include "Readers.h"
#include "XmlReader.h"
#include "XmlSerbian.h"
#include "XmlValues.h"
#include "banking/Date.h"

#include <fmt/format.h>

namespace platnik::banking::formats::detail {
namespace {

std::string attributeText(const XmlElement& element, std::string_view name) {
  return std::string(trimXml(element.attribute(name).value_or("")));
}

Result<std::optional<Date>> attributeDate(const XmlReader& reader, const XmlElement& element,
                                          std::string_view name) {
  const std::string text = attributeText(element, name);
  if (text.empty()) {
    return std::optional<Date>{};
  }
  auto date = parseSerbianDate(text);
  if (!date) {
    return reader.errorAt(element,
                          fmt::format("{}='{}' is not a date: {}", name, text, date.error().message));
  }
  return std::optional<Date>{date.value()};
}

Result<Money> attributeMoney(const XmlReader& reader, const XmlElement& element, std::string_view name,
                             Currency currency) {
  const std::string text = attributeText(element, name);
  if (text.empty()) {
    return Money::zero(currency);
  }
  auto money = Money::parse(text, currency);
  if (!money) {
    return reader.errorAt(element,
                          fmt::format("{}='{}' is not an amount: {}", name, text, money.error().message));
  }
  return money.value();
}

Result<StatementInfo> readHeader(const XmlReader& reader, const XmlElement& header, bool foreign) {
  StatementInfo info;
  info.currency = Currency::rsd();
  if (foreign) {
    const std::string code = attributeText(header, "OznakaValute");
    auto currency = Currency::fromCode(code);
    if (!currency) {
      return reader.errorAt(header, fmt::format("OznakaValute='{}' is not a currency", code));
    }
    info.currency = currency.value();
    info.iban = attributeText(header, "IBANBroj");
  }
  info.account = domesticAccount(attributeText(header, "Partija"));
  info.number = attributeText(header, "BrojIzvoda");
  info.messageId = attributeText(header, "IzvodID");
  BOOST_OUTCOME_TRY(date, attributeDate(reader, header, "DatumIzvoda"));
  info.date = date;
  BOOST_OUTCOME_TRY(previousDate, attributeDate(reader, header, "DatumPrethodnogIzvoda"));
  BOOST_OUTCOME_TRY(opening, attributeMoney(reader, header, "PrethodnoStanje", *info.currency));
  BOOST_OUTCOME_TRY(closing, attributeMoney(reader, header, "NovoStanje", *info.currency));
  info.opening = Balance{BalanceType::Opening, opening, previousDate};
  info.closing = Balance{BalanceType::Closing, closing, date};
  return info;
}

Result<Entry> readLine(const XmlReader& reader, const XmlElement& line, const StatementInfo& info,
                       bool foreign) {
  Entry entry;
  BOOST_OUTCOME_TRY(debit, attributeMoney(reader, line, "Duguje", *info.currency));
  BOOST_OUTCOME_TRY(credit, attributeMoney(reader, line, "Potrazuje", *info.currency));
  // amount = Potrazuje − Duguje. A negative amount in either column is a correction
  // (storno) of an earlier line and keeps its sign, so the balance equation holds.
  auto amount = credit.minus(debit);
  if (!amount) {
    return reader.errorAt(line, amount.error().message);
  }
  entry.amount = amount.value();
  entry.reversal = credit.isNegative() || debit.isNegative();
  BOOST_OUTCOME_TRY(valueDate, attributeDate(reader, line, "DatumValute"));
  entry.valueDate = valueDate;
  BOOST_OUTCOME_TRY(processed, attributeDate(reader, line, "DatumObrade"));
  entry.bookingDate = processed ? processed : info.date;  // dinar lines carry only the value date
  entry.counterparty.name = attributeText(line, "NalogKorisnik");
  entry.counterparty.place = attributeText(line, "Mesto");
  entry.bankReference = attributeText(line, "BrojZaReklamaciju");
  if (foreign) {
    entry.counterparty.account = domesticAccount(attributeText(line, "RacunNalogodavacKorisnik"));
    entry.purpose = attributeText(line, "Napomena");
    entry.additionalInfo = attributeText(line, "Opis");
    if (entry.purpose.empty()) {
      entry.purpose = entry.additionalInfo;
    }
    entry.paymentCode = attributeText(line, "OsnovPlacanja");  // the NBS basis of a foreign payment
    entry.transactionCode = attributeText(line, "TipTransakcije");
    if (const std::string reference = attributeText(line, "Referenca"); !reference.empty()) {
      entry.endToEndId = reference;
    }
  } else {
    entry.counterparty.account = domesticAccount(attributeText(line, "BrojRacunaPrimaocaPosiljaoca"));
    entry.purpose = attributeText(line, "Opis");
    entry.paymentCode = attributeText(line, "SifraPlacanja");
    entry.endToEndId = attributeText(line, "VasBrojNaloga");
    entry.additionalInfo = attributeText(line, "Referenca");
    assignReferences(entry,
                     {attributeText(line, "ModelZaduzenjaOdobrenja"),
                      attributeText(line, "PozivNaBrojZaduzenjaOdobrenja")},
                     {attributeText(line, "ModelKorisnika"), attributeText(line, "PozivNaBrojKorisnika")});
  }
  return entry;
}

}  // namespace

Result<void> readRolXml(std::istream& in, StatementSink& sink) {
  XmlReader reader(in, "rol-xml");
  BOOST_OUTCOME_TRYV(reader.openRoot());
  const std::string root(reader.name());
  if (root != "TransakcioniRacunPrivredaIzvod" && root != "RacunPrivredaIzvod") {
    return reader.error(fmt::format("<{}> is not a Raiffeisen OnLine statement", root));
  }
  const bool foreign = root == "RacunPrivredaIzvod";
  std::optional<StatementInfo> info;
  const int depth = reader.depth();
  while (true) {
    BOOST_OUTCOME_TRY(more, reader.nextChild(depth));
    if (!more) {
      break;
    }
    if (reader.name() == "Zaglavlje") {
      if (info) {
        return reader.error("a second <Zaglavlje> (statement header)");
      }
      BOOST_OUTCOME_TRY(header, reader.readTree());
      BOOST_OUTCOME_TRY(read, readHeader(reader, header, foreign));
      info = std::move(read);
      BOOST_OUTCOME_TRYV(sink.begin(*info));
    } else if (reader.name() == "Stavke") {
      if (!info) {
        return reader.error("a statement line (<Stavke>) before the header (<Zaglavlje>)");
      }
      BOOST_OUTCOME_TRY(line, reader.readTree());
      BOOST_OUTCOME_TRY(entry, readLine(reader, line, *info, foreign));
      BOOST_OUTCOME_TRYV(sink.entry(entry));
    }
  }
  if (!info) {
    return reader.error("the statement has no header (<Zaglavlje>)");
  }
  return sink.end(*info);
}

}  // namespace platnik::banking::formats::detail
