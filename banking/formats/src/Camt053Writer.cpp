// camt.053.001.02 bank-to-customer statements from Platnik's statements (the export of
// imported statements). Read back by CamtReader.cpp to the same entries.

#include "banking/formats/Camt053Writer.h"

#include "XmlWriting.h"
#include "banking/formats/Iso20022.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace platnik::banking::formats {
namespace detail {
extern const std::string_view kCamt05300102;
}  // namespace detail

namespace {

using detail::xmlElement;
using detail::xmlEscape;

constexpr std::string_view kNamespace = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";
constexpr std::size_t kMaxUnstructured = 140;  ///< characters of one <Ustrd>

bool isUpperAlnum(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

/// The IBAN pattern of the schema: two letters, two digits, up to 30 letters and digits.
bool looksLikeIban(std::string_view account) {
  if (account.size() < 5 || account.size() > 34) {
    return false;
  }
  const auto letter = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return letter(account[0]) && letter(account[1]) && digit(account[2]) && digit(account[3]) &&
         std::all_of(account.begin() + 4, account.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

/// <Id><IBAN>…</IBAN></Id> or <Id><Othr><Id>…</Id></Othr></Id>, the account kept as written.
void accountId(std::string& out, std::string_view indent, std::string_view account) {
  if (looksLikeIban(account)) {
    out += fmt::format("{}<Id>\n{}  <IBAN>{}</IBAN>\n{}</Id>\n", indent, indent, account, indent);
  } else {
    out += fmt::format("{}<Id>\n{}  <Othr>\n{}    <Id>{}</Id>\n{}  </Othr>\n{}</Id>\n", indent, indent,
                       indent, xmlEscape(account), indent, indent);
  }
}

/// Splits UTF-8 text into pieces of at most `limit` characters (code points).
std::vector<std::string> splitCharacters(std::string_view text, std::size_t limit) {
  std::vector<std::string> pieces;
  std::string piece;
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool starts = (static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U;
    if (starts && characters == limit) {
      pieces.push_back(std::move(piece));
      piece.clear();
      characters = 0;
    }
    characters += starts ? 1 : 0;
    piece += text[i];
  }
  if (!piece.empty()) {
    pieces.push_back(std::move(piece));
  }
  return pieces;
}

std::string amountElement(std::string_view name, const Money& amount) {
  return fmt::format("<{} Ccy=\"{}\">{}</{}>", name, amount.currency().code(), amount.abs().toString(), name);
}

std::string_view balanceCode(BalanceType type) {
  switch (type) {
    case BalanceType::Opening:
      return "OPBD";
    case BalanceType::Closing:
      return "CLBD";
    case BalanceType::InterimOpening:
    case BalanceType::InterimClosing:
      return "ITBD";
    case BalanceType::ClosingAvailable:
      return "CLAV";
    case BalanceType::ForwardAvailable:
      return "FWAV";
    case BalanceType::Other:
      break;
  }
  return {};
}

void balance(std::string& out, const Balance& bal, Date statementDate) {
  const auto code = balanceCode(bal.type);
  if (code.empty()) {
    return;  // a balance of a type camt has no code for is not written
  }
  out += fmt::format(
      "      <Bal>\n        <Tp>\n          <CdOrPrtry>\n            <Cd>{}</Cd>\n          </CdOrPrtry>\n"
      "        </Tp>\n        {}\n        <CdtDbtInd>{}</CdtDbtInd>\n        <Dt>\n          <Dt>{}</Dt>\n"
      "        </Dt>\n      </Bal>\n",
      code, amountElement("Amt", bal.amount), bal.amount.isNegative() ? "DBIT" : "CRDT",
      toIsoString(bal.date.value_or(statementDate)));
}

/// "PMNT/ICDT/DMCT" as the ISO domain, family and sub-family; anything else proprietary.
void bankTransactionCode(std::string& out, std::string_view indent, std::string_view code) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const auto slash = code.find('/', start);
    parts.push_back(
        code.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) {
      break;
    }
    start = slash + 1;
  }
  const bool iso = parts.size() == 3 && std::all_of(parts.begin(), parts.end(), [](std::string_view part) {
                     return !part.empty() && part.size() <= 4 && isUpperAlnum(part);
                   });
  if (code.empty()) {
    out += fmt::format("{}<BkTxCd/>\n", indent);
  } else if (iso) {
    out += fmt::format(
        "{0}<BkTxCd>\n{0}  <Domn>\n{0}    <Cd>{1}</Cd>\n{0}    <Fmly>\n{0}      <Cd>{2}</Cd>\n"
        "{0}      <SubFmlyCd>{3}</SubFmlyCd>\n{0}    </Fmly>\n{0}  </Domn>\n{0}</BkTxCd>\n",
        indent, parts[0], parts[1], parts[2]);
  } else {
    out += fmt::format("{0}<BkTxCd>\n{0}  <Prtry>\n{0}    <Cd>{1}</Cd>\n{0}  </Prtry>\n{0}</BkTxCd>\n",
                       indent, xmlEscape(code));
  }
}

void transactionDetails(std::string& out, const Entry& entry) {
  constexpr std::string_view kIndent = "            ";  // inside <TxDtls>
  out += "        <NtryDtls>\n          <TxDtls>\n";
  if (!entry.endToEndId.empty()) {
    out += fmt::format("{}<Refs>\n", kIndent);
    xmlElement(out, fmt::format("{}  ", kIndent), "EndToEndId", entry.endToEndId);
    out += fmt::format("{}</Refs>\n", kIndent);
  }
  if (entry.originalAmount) {
    out += fmt::format("{0}<AmtDtls>\n{0}  <InstdAmt>\n{0}    {1}\n", kIndent,
                       amountElement("Amt", *entry.originalAmount));
    const bool rate =
        !entry.exchangeRate.empty() && std::all_of(entry.exchangeRate.begin(), entry.exchangeRate.end(),
                                                   [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
    if (rate) {
      out += fmt::format(
          "{0}    <CcyXchg>\n{0}      <SrcCcy>{1}</SrcCcy>\n{0}      <XchgRate>{2}</XchgRate>\n"
          "{0}    </CcyXchg>\n",
          kIndent, entry.originalAmount->currency().code(), entry.exchangeRate);
    }
    out += fmt::format("{0}  </InstdAmt>\n{0}</AmtDtls>\n", kIndent);
  }
  // The other side is the debtor of a credit, the creditor of a debit; a reversal or a
  // return repeats the original transfer's parties, so the sides swap (as the reader has it).
  const bool credit = !entry.amount.isNegative();
  const bool otherIsDebtor = credit != (entry.reversal || !entry.returnReason.empty());
  const std::string_view party = otherIsDebtor ? "Dbtr" : "Cdtr";
  const auto& other = entry.counterparty;
  if (!other.name.empty() || !other.place.empty() || !other.account.empty()) {
    out += fmt::format("{}<RltdPties>\n", kIndent);
    if (!other.name.empty() || !other.place.empty()) {
      out += fmt::format("{}  <{}>\n", kIndent, party);
      xmlElement(out, fmt::format("{}    ", kIndent), "Nm", other.name);
      if (!other.place.empty()) {
        out += fmt::format("{0}    <PstlAdr>\n{0}      <TwnNm>{1}</TwnNm>\n{0}    </PstlAdr>\n", kIndent,
                           xmlEscape(other.place));
      }
      out += fmt::format("{}  </{}>\n", kIndent, party);
    }
    if (!other.account.empty()) {
      out += fmt::format("{}  <{}Acct>\n", kIndent, party);
      accountId(out, fmt::format("{}    ", kIndent), other.account);
      out += fmt::format("{}  </{}Acct>\n", kIndent, party);
    }
    out += fmt::format("{}</RltdPties>\n", kIndent);
  }
  if (!other.bic.empty()) {
    out += fmt::format(
        "{0}<RltdAgts>\n{0}  <{1}Agt>\n{0}    <FinInstnId>\n{0}      <BIC>{2}</BIC>\n"
        "{0}    </FinInstnId>\n{0}  </{1}Agt>\n{0}</RltdAgts>\n",
        kIndent, party, xmlEscape(other.bic));
  }
  if (!entry.paymentCode.empty()) {
    out += fmt::format("{0}<Purp>\n{0}  <Prtry>{1}</Prtry>\n{0}</Purp>\n", kIndent,
                       xmlEscape(entry.paymentCode));
  }
  const bool structured = !entry.reference.number.empty();
  if (!entry.purpose.empty() || structured) {
    out += fmt::format("{}<RmtInf>\n", kIndent);
    for (const auto& piece : splitCharacters(entry.purpose, kMaxUnstructured)) {
      xmlElement(out, fmt::format("{}  ", kIndent), "Ustrd", piece);
    }
    if (structured) {
      out += fmt::format("{0}  <Strd>\n{0}    <CdtrRefInf>\n", kIndent);
      const auto& model = entry.reference.model;
      if (!model.empty() && model != "RF") {
        out += fmt::format(
            "{0}      <Tp>\n{0}        <CdOrPrtry>\n{0}          <Prtry>{1}</Prtry>\n{0}        "
            "</CdOrPrtry>\n"
            "{0}      </Tp>\n",
            kIndent, xmlEscape(model));
      }
      xmlElement(out, fmt::format("{}      ", kIndent), "Ref", model + entry.reference.number);
      out += fmt::format("{0}    </CdtrRefInf>\n{0}  </Strd>\n", kIndent);
    }
    out += fmt::format("{}</RmtInf>\n", kIndent);
  }
  if (!entry.returnReason.empty()) {
    const bool iso = entry.returnReason.size() <= 4 && isUpperAlnum(entry.returnReason);
    out += fmt::format("{0}<RtrInf>\n{0}  <Rsn>\n{0}    <{1}>{2}</{1}>\n{0}  </Rsn>\n{0}</RtrInf>\n", kIndent,
                       iso ? "Cd" : "Prtry", xmlEscape(entry.returnReason));
  }
  out += "          </TxDtls>\n        </NtryDtls>\n";
}

void entryElement(std::string& out, const Entry& entry, Date statementDate) {
  out += "      <Ntry>\n";
  out += fmt::format("        {}\n", amountElement("Amt", entry.amount));
  xmlElement(out, "        ", "CdtDbtInd", entry.amount.isNegative() ? "DBIT" : "CRDT");
  if (entry.reversal) {
    xmlElement(out, "        ", "RvslInd", "true");
  }
  xmlElement(out, "        ", "Sts", "BOOK");
  out += fmt::format("        <BookgDt>\n          <Dt>{}</Dt>\n        </BookgDt>\n",
                     toIsoString(entry.bookingDate.value_or(statementDate)));
  if (entry.valueDate) {
    out += fmt::format("        <ValDt>\n          <Dt>{}</Dt>\n        </ValDt>\n",
                       toIsoString(*entry.valueDate));
  }
  xmlElement(out, "        ", "AcctSvcrRef", entry.bankReference);
  bankTransactionCode(out, "        ", entry.transactionCode);
  if (entry.charges) {
    out += fmt::format("        <Chrgs>\n          {}\n        </Chrgs>\n",
                       amountElement("Amt", *entry.charges));
  }
  transactionDetails(out, entry);
  xmlElement(out, "        ", "AddtlNtryInf", entry.additionalInfo);
  out += "      </Ntry>\n";
}

}  // namespace

std::string_view camt053Schema() {
  return detail::kCamt05300102;
}

Result<std::string> writeCamt053(std::span<const Statement> statements, const Camt053Header& header) {
  if (header.messageId.empty() || header.messageId.size() > 35) {
    return fail(Errc::InvalidArgument, "the message id must have 1 to 35 characters", "message id");
  }
  std::string out;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<Document xmlns=\"{}\">\n  <BkToCstmrStmt>\n    <GrpHdr>\n", kNamespace);
  xmlElement(out, "      ", "MsgId", header.messageId);
  xmlElement(out, "      ", "CreDtTm", fmt::format("{:%Y-%m-%dT%H:%M:%S}", header.creationTime));
  out += "    </GrpHdr>\n";
  std::size_t index = 0;
  for (const Statement& statement : statements) {
    ++index;
    const StatementInfo& info = statement.info;
    const std::string where = fmt::format("statement {}", index);
    if (!info.date) {
      return fail(Errc::InvalidArgument, "a camt.053 statement needs a date", where);
    }
    if (!info.opening && !info.closing) {
      return fail(Errc::InvalidArgument, "a camt.053 statement needs an opening or closing balance", where);
    }
    const std::string account = info.iban.empty() ? info.account : info.iban;
    if (account.empty()) {
      return fail(Errc::InvalidArgument, "the statement names no account", where);
    }
    out += "    <Stmt>\n";
    xmlElement(out, "      ", "Id",
               fmt::format("{}-{}", info.number.empty() ? std::to_string(index) : info.number,
                           toIsoString(*info.date))
                   .substr(0, 35));
    const bool numeric =
        !info.number.empty() && info.number.size() <= 18 &&
        std::all_of(info.number.begin(), info.number.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (numeric) {
      xmlElement(out, "      ", "LglSeqNb", info.number);
    }
    xmlElement(out, "      ", "CreDtTm", toIsoString(*info.date) + "T00:00:00");
    out += "      <Acct>\n";
    accountId(out, "        ", account);
    if (info.currency) {
      xmlElement(out, "        ", "Ccy", info.currency->code());
    }
    out += "      </Acct>\n";
    if (info.opening) {
      balance(out, *info.opening, *info.date);
    }
    if (info.closing) {
      balance(out, *info.closing, *info.date);
    }
    for (const Balance& other : info.otherBalances) {
      balance(out, other, *info.date);
    }
    for (const Entry& entry : statement.entries) {
      entryElement(out, entry, *info.date);
    }
    out += "    </Stmt>\n";
  }
  out += "  </BkToCstmrStmt>\n</Document>\n";

  auto valid = validateAgainstSchema(out, camt053Schema(), "camt.053.001.02");
  if (!valid) {
    return fail(Errc::InvalidArgument,
                "the statements do not make a valid camt.053: " + valid.error().message, valid.error().where);
  }
  return out;
}

}  // namespace platnik::banking::formats
