#include "banking/Account.h"
#include "banking/IpsQr.h"
#include "banking/PaymentCode.h"
#include "banking/Reference.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using namespace platnik::banking;

namespace {

const std::string kTelekom =
    "K:PR|V:01|C:1|R:160000000000060216|N:Telekom Srbija A.D.\nTakovska 2\nBeograd|I:RSD999,99|"
    "P:SAVVAS RADEVIĆ\nIMEULICE 01\n11000 BEOGRAD 6|SF:189|S:MTS Račun 01/2020 "
    "12345566/2|RO:97082240113797893";
const std::string kEps =
    "K:PR|V:01|C:1|R:845000000040484987|N:JP EPS BEOGRAD|I:RSD3596,13|SF:189|S:Uplata po racunu|"
    "RO:97163220000111111111000";
const std::string kMinimal = "K:PR|V:01|C:1|R:160000000018203969|N:Firma|I:RSD1,00|SF:221";

Money rsd(std::int64_t minor) {
  return {minor, Currency::rsd()};
}

/// Parses and expects an error located at `tag`.
Error errorAt(const std::string& text, const std::string& tag) {
  const auto qr = parseIpsQr(text);
  BOOST_TEST_INFO("payload: " << text);
  BOOST_TEST_REQUIRE(qr.has_error());
  BOOST_TEST_INFO("payload: " << text << " error: " << qr.error().describe());
  BOOST_TEST(qr.error().where == tag);
  return qr.error();
}

/// kMinimal with one tag's value replaced (or the tag inserted in its place).
std::string with(const std::string& tag, const std::string& value) {
  IpsQr qr = parseIpsQr(kMinimal).value();
  // Build from fields so that the tag lands in canonical order.
  std::string out = "K:" + (tag == "K" ? value : qr.kind) + "|V:" + (tag == "V" ? value : qr.version) +
                    "|C:" + (tag == "C" ? value : qr.charset) +
                    "|R:" + (tag == "R" ? value : qr.payeeAccount) +
                    "|N:" + (tag == "N" ? value : qr.payeeName) + "|I:" + (tag == "I" ? value : "RSD1,00");
  for (const char* optional : {"O", "P"}) {
    if (tag == optional) {
      out += "|" + tag + ":" + value;
    }
  }
  out += "|SF:" + (tag == "SF" ? value : qr.paymentCode);
  for (const char* optional : {"S", "M", "JS", "RO", "RL", "RP"}) {
    if (tag == optional) {
      out += "|" + tag + ":" + value;
    }
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(IpsQrTests)

BOOST_AUTO_TEST_CASE(real_telekom_bill) {
  const auto parsed = parseIpsQr(kTelekom);
  BOOST_TEST_INFO((parsed.has_error() ? parsed.error().describe() : ""));
  BOOST_TEST_REQUIRE(parsed.has_value());
  const IpsQr& qr = parsed.value();
  BOOST_TEST(qr.kind == "PR");
  BOOST_TEST(qr.version == "01");
  BOOST_TEST(qr.charset == "1");
  BOOST_TEST(qr.payeeAccount == "160000000000060216");
  BOOST_TEST(qr.payeeName == "Telekom Srbija A.D.\nTakovska 2\nBeograd");
  BOOST_TEST_REQUIRE(qr.amount.has_value());
  BOOST_TEST((*qr.amount == rsd(99999)));
  BOOST_TEST(qr.payerName == "SAVVAS RADEVIĆ\nIMEULICE 01\n11000 BEOGRAD 6");
  BOOST_TEST(qr.paymentCode == "189");
  BOOST_TEST(qr.purpose == "MTS Račun 01/2020 12345566/2");
  BOOST_TEST(qr.payeeReference == "97082240113797893");
  BOOST_TEST(qr.payerAccount.empty());
  BOOST_TEST(makeIpsQr(qr).value() == kTelekom);
}

BOOST_AUTO_TEST_CASE(eps_bill) {
  const IpsQr qr = parseIpsQr(kEps).value();
  BOOST_TEST(qr.payeeName == "JP EPS BEOGRAD");
  BOOST_TEST((*qr.amount == rsd(359613)));
  BOOST_TEST(qr.payeeReference == "97163220000111111111000");
  BOOST_TEST(makeIpsQr(qr).value() == kEps);
}

BOOST_AUTO_TEST_CASE(dapp_pulse_cases_latin_and_cyrillic) {
  const IpsQr latin =
      parseIpsQr("K:PR|V:01|C:1|R:845000000040484987|N:Acme d.o.o., Beograd|I:RSD3596,13|SF:221").value();
  BOOST_TEST(latin.payeeName == "Acme d.o.o., Beograd");
  const auto cyrillic = parseIpsQr(
      "K:PR|V:01|C:1|R:845000000040484987|N:Акме д.о.о., Београд|I:RSD3596,13|SF:221|S:Уплата по рачуну");
  BOOST_TEST_REQUIRE(cyrillic.has_value());
  BOOST_TEST(cyrillic.value().purpose == "Уплата по рачуну");
}

BOOST_AUTO_TEST_CASE(amount_forms) {
  const std::pair<const char*, std::int64_t> good[] = {
      {"RSD1234,56", 123456},
      {"RSD1025,", 102500},
      {"RSD1025,5", 102550},
      {"RSD0,01", 1},
      {"RSD0,", 0},
      {"RSD0,00", 0},
      {"RSD999999999999,99", 99999999999999},
      {"RSD12,", 1200},
  };
  for (const auto& [text, minor] : good) {
    BOOST_TEST_INFO("amount " << text);
    const auto qr = parseIpsQr(with("I", text));
    BOOST_TEST_REQUIRE(qr.has_value());
    BOOST_TEST(qr.value().amount->minorUnits() == minor);
  }
  for (const char* bad :
       {"RSD,01", "RSD1234", "RSD1.234,56", "RSD1234.56", "EUR12,00", "rsd12,00", "RSD12,345",
        "RSD1000000000000,00", "RSD", "RSD1", "RSD-1,00", "RSD 1,00", "RSD1,0,0", "12,00RSD"}) {
    BOOST_TEST_INFO("amount " << bad);
    errorAt(with("I", bad), "I");
  }
  // Zero is allowed only on a printed bill.
  BOOST_TEST(parseIpsQr(with("I", "RSD0,00")).has_value());
  std::string pointOfSale = with("I", "RSD0,00");
  pointOfSale.replace(0, 4, "K:PT");
  errorAt(pointOfSale, "I");
}

BOOST_AUTO_TEST_CASE(syntax_rules) {
  BOOST_TEST(parseIpsQr(kMinimal).has_value());
  BOOST_TEST(parseIpsQr("").has_error());
  BOOST_TEST(parseIpsQr(kMinimal + "|").has_error());  // trailing '|'
  BOOST_TEST(parseIpsQr("|" + kMinimal).has_error());  // leading '|'
  BOOST_TEST(parseIpsQr(" " + kMinimal).has_error());  // leading blank
  errorAt(kMinimal + " ", "SF");                       // trailing blank
  errorAt(kMinimal + "\n", "SF");                      // trailing line break
  errorAt(kMinimal + "|S:", "S");                      // empty optional tag
  errorAt(kMinimal + "|XX:1", "XX");                   // unknown tag
  errorAt(kMinimal + "|SF:221", "SF");                 // duplicate
  errorAt(kMinimal + "|RS:1", "RS");                   // the obsolete tag of old generators
  BOOST_TEST(parseIpsQr("K:PR|V:01||C:1|R:160000000018203969|N:Firma|I:RSD1,00|SF:221").has_error());
  BOOST_TEST(parseIpsQr("K:PR|V:01|C1|R:160000000018203969|N:Firma|I:RSD1,00|SF:221").has_error());
  // Order: ArtBIT's old test vector puts I before N.
  errorAt("K:PR|V:01|C:1|R:160000000001006645|I:RSD1295,|N:JEST Ltd., Test|SF:221", "N");
  errorAt("V:01|K:PR|C:1|R:160000000018203969|N:Firma|I:RSD1,00|SF:221", "K");
  errorAt(kMinimal + "|S:Uplata|P:Ime", "P");
  // A value may contain ':'.
  BOOST_TEST(parseIpsQr(kMinimal + "|S:Račun: 12/2024").value().purpose == "Račun: 12/2024");
}

BOOST_AUTO_TEST_CASE(mandatory_tags) {
  for (const std::string& tag : std::vector<std::string>{"K", "V", "C", "R", "N", "I", "SF"}) {
    std::string text;
    const IpsQr qr = parseIpsQr(kMinimal).value();
    for (const auto& [t, v] :
         std::initializer_list<std::pair<std::string, std::string>>{{"K", qr.kind},
                                                                    {"V", qr.version},
                                                                    {"C", qr.charset},
                                                                    {"R", qr.payeeAccount},
                                                                    {"N", qr.payeeName},
                                                                    {"I", "RSD1,00"},
                                                                    {"SF", qr.paymentCode}}) {
      if (t != tag) {
        text += (text.empty() ? "" : "|") + t + ":" + v;
      }
    }
    BOOST_TEST_INFO("without " << tag);
    const Error error = errorAt(text, tag);
    BOOST_TEST(error.message.find("missing") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(fixed_tags) {
  for (const char* kind : {"PR", "PT", "PK", "EK"}) {
    BOOST_TEST(parseIpsQr(with("K", kind)).has_value());
  }
  errorAt(with("K", "PR "), "K");
  errorAt(with("K", "pr"), "K");
  errorAt(with("K", "XX"), "K");
  errorAt(with("V", "1"), "V");
  errorAt(with("V", "02"), "V");
  errorAt(with("C", "2"), "C");
}

BOOST_AUTO_TEST_CASE(accounts_are_18_digits_with_valid_control_digits) {
  errorAt(with("R", "160-18203-69"), "R");  // only the 18-digit form
  errorAt(with("R", "RS35160000000018203969"), "R");
  const Error wrong = errorAt(with("R", "845000000040484999"), "R");
  BOOST_TEST((wrong.code == Errc::WrongControlDigits));
  BOOST_TEST(wrong.message.find("87") != std::string::npos);
  errorAt(with("R", "200000000012345600"), "R");  // strict control digits
  BOOST_TEST(parseIpsQr(with("R", "115038169338697697")).has_value());
  BOOST_TEST(parseIpsQr(with("O", "205000000010804045")).value().payerAccount == "205000000010804045");
  errorAt(with("O", "205000000010804046"), "O");
  errorAt(with("O", "2050000000108040"), "O");
}

BOOST_AUTO_TEST_CASE(text_tags_have_their_limits) {
  BOOST_TEST(parseIpsQr(with("N", std::string(70, 'N'))).has_value());
  errorAt(with("N", std::string(71, 'N')), "N");
  std::string serbian;
  for (int i = 0; i < 35; ++i) {
    serbian += "Čž";
  }
  BOOST_TEST(parseIpsQr(with("N", serbian)).has_value());  // 70 characters, 140 bytes
  errorAt(with("N", serbian + "a"), "N");
  BOOST_TEST(parseIpsQr(with("N", "Firma\nUlica 1\nGrad")).has_value());
  errorAt(with("N", "a\nb\nc\nd"), "N");
  errorAt(with("N", "tab\there"), "N");
  errorAt(with("N", "bad \xff"), "N");
  BOOST_TEST(parseIpsQr(with("P", std::string(70, 'p'))).has_value());
  errorAt(with("P", std::string(71, 'p')), "P");
  BOOST_TEST(parseIpsQr(with("S", std::string(35, 's'))).has_value());
  errorAt(with("S", std::string(36, 's')), "S");
  errorAt(with("S", "two\nlines"), "S");
  BOOST_TEST(parseIpsQr(with("RL", std::string(140, 'r'))).has_value());
  errorAt(with("RL", std::string(141, 'r')), "RL");
}

BOOST_AUTO_TEST_CASE(code_tags) {
  BOOST_TEST(parseIpsQr(with("SF", "289")).has_value());
  errorAt(with("SF", "21"), "SF");
  errorAt(with("SF", "2210"), "SF");
  errorAt(with("SF", "299"), "SF");  // basis not on the list
  errorAt(with("SF", "321"), "SF");  // netting is no instant payment
  BOOST_TEST(parseIpsQr(with("M", "5411")).value().merchantCategory == "5411");
  errorAt(with("M", "541"), "M");
  errorAt(with("M", "54111"), "M");
  BOOST_TEST(parseIpsQr(with("JS", "12345")).value().payerOneTimeCode == "12345");
  errorAt(with("JS", "1234"), "JS");
  errorAt(with("JS", "1234a"), "JS");
  BOOST_TEST(parseIpsQr(with("RP", "0000000124001000001")).has_value());
  errorAt(with("RP", "000000012400100000"), "RP");
}

BOOST_AUTO_TEST_CASE(payee_reference) {
  BOOST_TEST(parseIpsQr(with("RO", "9714123412")).has_value());  // the NBS example
  BOOST_TEST(parseIpsQr(with("RO", "001234")).has_value());      // no model
  BOOST_TEST(parseIpsQr(with("RO", "22223-23456718")).has_value());
  const Error wrong = errorAt(with("RO", "9715123412"), "RO");
  BOOST_TEST((wrong.code == Errc::WrongControlDigits));
  BOOST_TEST(wrong.message.find("14") != std::string::npos);
  errorAt(with("RO", "9714-123412"), "RO");  // model 97 without dashes
  errorAt(with("RO", "97 14123412"), "RO");
  BOOST_TEST(parseIpsQr(with("RO", "1234")).value().payeeReference == "1234");  // model 12, carried
  errorAt(with("RO", "A1234"), "RO");
  errorAt(with("RO", "00"), "RO");
  errorAt(with("RO", "00" + std::string(34, '1')), "RO");
  BOOST_TEST(parseIpsQr(with("RO", "00" + std::string(33, '1'))).has_value());
}

BOOST_AUTO_TEST_CASE(make_checks_what_it_makes) {
  IpsQr qr = parseIpsQr(kMinimal).value();
  BOOST_TEST(makeIpsQr(qr).value() == kMinimal);
  qr.purpose = "a|b";
  BOOST_TEST(makeIpsQr(qr).error().where == "S");
  qr.purpose.clear();
  qr.payeeAccount = "160000000018203968";
  BOOST_TEST(makeIpsQr(qr).error().where == "R");
  qr = parseIpsQr(kMinimal).value();
  qr.amount = Money(100, Currency::eur());
  BOOST_TEST(makeIpsQr(qr).error().where == "I");
  qr.amount = rsd(-1);
  BOOST_TEST(makeIpsQr(qr).error().where == "I");
  qr.amount.reset();
  BOOST_TEST(makeIpsQr(qr).error().where == "I");
  qr.amount = rsd(123456789);
  BOOST_TEST(makeIpsQr(qr).value() == "K:PR|V:01|C:1|R:160000000018203969|N:Firma|I:RSD1234567,89|SF:221");
  qr.payeeName.clear();
  BOOST_TEST(makeIpsQr(qr).error().where == "N");
}

BOOST_AUTO_TEST_CASE(random_valid_payloads_round_trip) {
  std::mt19937_64 rng(1806);
  const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  const auto digits = [&](std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
      out.push_back(static_cast<char>('0' + pick(10)));
    }
    return out;
  };
  const auto account = [&] {
    const std::string first16 = digits(16);
    return first16 + Account::controlDigitsFor(first16).value();
  };
  const std::vector<std::string> letters{"a", "B", "č", "Ć", "đ", "Š", "ž", "Љ", "ш",  "1",
                                         "-", ".", ",", "'", ":", "/", "(", ")", "\"", "&"};
  const auto words = [&](std::size_t maxCharacters, std::size_t lines) {
    std::string out;
    const std::size_t length = 1 + pick(maxCharacters);
    for (std::size_t i = 0; i < length; ++i) {
      const bool inside = i > 0 && i + 1 < length;
      if (inside && lines > 1 && pick(15) == 0 &&
          std::count(out.begin(), out.end(), '\n') + 1 < long(lines)) {
        out += '\n';
      } else if (inside && pick(6) == 0) {
        out += ' ';
      } else {
        out += letters[pick(letters.size())];
      }
    }
    return out;
  };
  const auto bases = PaymentCode::bases();
  for (int i = 0; i < 1000; ++i) {
    IpsQr qr;
    qr.kind = std::vector<std::string>{"PR", "PT", "PK", "EK"}[pick(4)];
    qr.payeeAccount = account();
    qr.payeeName = words(70, 3);
    const std::int64_t limits[] = {100, 100000, 99999999999999};
    qr.amount = rsd((qr.kind == "PR" ? 0 : 1) + static_cast<std::int64_t>(rng() % limits[pick(3)]));
    qr.paymentCode = std::string(pick(2) == 0 ? "1" : "2") + std::string(bases[pick(bases.size())].code);
    if (pick(2) == 0) {
      qr.payerAccount = account();
    }
    if (pick(2) == 0) {
      qr.payerName = words(70, 3);
    }
    if (pick(2) == 0) {
      qr.purpose = words(35, 1);
    }
    if (pick(3) == 0) {
      qr.merchantCategory = digits(4);
    }
    if (pick(3) == 0) {
      qr.payerOneTimeCode = digits(5);
    }
    if (pick(2) == 0) {
      const std::string body = digits(1 + pick(21));
      qr.payeeReference = "97" + Reference::model97ControlFor(body).value() + body;
    } else if (pick(2) == 0) {
      qr.payeeReference = "00" + digits(1 + pick(33));
    }
    if (pick(3) == 0) {
      qr.payeeReferenceFree = words(140, 1);
    }
    if (pick(3) == 0) {
      qr.posReference = digits(19);
    }
    const auto made = makeIpsQr(qr);
    BOOST_TEST_INFO("case " << i);
    BOOST_TEST_INFO((made.has_error() ? made.error().describe() : ""));
    BOOST_TEST_REQUIRE(made.has_value());
    const auto parsed = parseIpsQr(made.value());
    BOOST_TEST_REQUIRE(parsed.has_value());
    BOOST_TEST((parsed.value() == qr));
    BOOST_TEST(makeIpsQr(parsed.value()).value() == made.value());
  }
}

BOOST_AUTO_TEST_SUITE_END()
