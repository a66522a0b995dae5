#include "services/PrintLayout.h"

#include "banking/Account.h"
#include "banking/Date.h"
#include "banking/Text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>

namespace platnik::services {
namespace {

constexpr double kPointInMm = 25.4 / 72.0;
/// A generous average glyph width of DejaVu Sans, in ems: text cut to fit a width by it never
/// runs over the box.
constexpr double kAverageGlyphEm = 0.62;

/// The text, cut with "…" to what fits `widthMm` at `size` points.
std::string fit(std::string_view text, double widthMm, double size) {
  const auto fits = static_cast<std::size_t>(std::max(1.0, widthMm / (size * kPointInMm * kAverageGlyphEm)));
  if (banking::characterCount(text) <= fits) {
    return std::string(text);
  }
  std::string out;
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (characters + 1 >= fits) {
      break;
    }
    out.append(text.substr(i, length));
    ++characters;
    i += length;
  }
  return out + "…";
}

std::string accountText(std::string_view account) {
  const auto parsed = banking::Account::parse(account);
  return parsed ? parsed.value().longForm() : std::string(account);
}

std::string referenceText(const banking::Reference& reference) {
  return reference.number;
}

std::string dateText(const std::optional<banking::Date>& date) {
  return date ? banking::toSerbianString(*date) : std::string();
}

void text(LayoutPage& page, double x, double baseline, double size, std::string value, bool bold = false,
          LayoutText::Align align = LayoutText::Align::Left) {
  page.texts.push_back(LayoutText{x, baseline, size, bold, align, std::move(value)});
}

void line(LayoutPage& page, double x1, double y1, double x2, double y2, double width = 0.25,
          bool dashed = false) {
  page.lines.push_back(LayoutLine{x1, y1, x2, y2, width, dashed});
}

// The order form, in millimetres from the form's top left corner.
constexpr double kLabelSize = 6.5;
constexpr double kValueSize = 9;
constexpr double kLeftX = 10;
constexpr double kLeftWidth = 88;
constexpr double kRightX = 106;
constexpr double kRightWidth = 94;
constexpr double kFieldHeight = 7;

/// A labelled box: the label above, the value inside.
void field(LayoutPage& page, double top, double x, double y, double width, double height,
           const std::string& label, const std::vector<std::string>& values,
           LayoutText::Align align = LayoutText::Align::Left) {
  text(page, x, top + y - 1, kLabelSize, label);
  page.box(x, top + y, width, height);
  double baseline = top + y + 4.5;
  for (const auto& value : values) {
    const double anchor = align == LayoutText::Align::Right ? x + width - 1.5 : x + 1.5;
    text(page, anchor, baseline, kValueSize, fit(value, width - 3, kValueSize), false, align);
    baseline += 4;
  }
}

void layoutOrder(LayoutPage& page, const banking::PaymentOrder& order, double top) {
  text(page, kRightX + kRightWidth, top + 8, 12, "NALOG ZA PRENOS", true, LayoutText::Align::Right);
  // "hitno": a box marked with x when the order is urgent.
  text(page, kRightX, top + 8, kLabelSize, "hitno");
  page.box(kRightX + 8, top + 4.5, 4, 4);
  if (order.urgent) {
    text(page, kRightX + 10, top + 7.8, kValueSize, "x", true, LayoutText::Align::Center);
  }
  // Left: payer, purpose, recipient.
  field(page, top, kLeftX, 14, kLeftWidth, 15, "platilac", {order.payerName, order.payerPlace});
  field(page, top, kLeftX, 34, kLeftWidth, 11, "svrha plaćanja", {order.purpose});
  field(page, top, kLeftX, 50, kLeftWidth, 15, "primalac", {order.recipientName, order.recipientPlace});
  // Right: payment code, currency, amount; accounts and references.
  field(page, top, kRightX, 14, 20, kFieldHeight, "šifra plaćanja", {order.paymentCode});
  field(page, top, kRightX + 23, 14, 16, kFieldHeight, "valuta",
        {std::string(order.amount.currency().code())});
  field(page, top, kRightX + 42, 14, kRightWidth - 42, kFieldHeight, "iznos",
        {"=" + order.amount.toDisplay()}, LayoutText::Align::Right);
  field(page, top, kRightX, 26, kRightWidth, kFieldHeight, "račun platioca",
        {accountText(order.payerAccount)});
  field(page, top, kRightX, 38, 12, kFieldHeight, "model", {order.debitReference.model});
  field(page, top, kRightX + 15, 38, kRightWidth - 15, kFieldHeight, "poziv na broj (zaduženje)",
        {referenceText(order.debitReference)});
  field(page, top, kRightX, 50, kRightWidth, kFieldHeight, "račun primaoca",
        {accountText(order.recipientAccount)});
  field(page, top, kRightX, 62, 12, kFieldHeight, "model", {order.creditReference.model});
  field(page, top, kRightX + 15, 62, kRightWidth - 15, kFieldHeight, "poziv na broj (odobrenje)",
        {referenceText(order.creditReference)});
  // Bottom: signature and dates.
  const double signatureLine = top + 84;
  line(page, kLeftX, signatureLine, kLeftX + 55, signatureLine);
  text(page, kLeftX, signatureLine + 3.5, kLabelSize, "pečat i potpis platioca");
  line(page, kLeftX + 62, signatureLine, kLeftX + kLeftWidth + 30, signatureLine);
  text(page, kLeftX + 62, signatureLine + 3.5, kLabelSize, "mesto i datum prijema");
  line(page, kRightX + 42, signatureLine, kRightX + kRightWidth, signatureLine);
  text(page, kRightX + 42, signatureLine + 3.5, kLabelSize, "datum izvršenja");
  text(page, kRightX + 43, signatureLine - 1.5, kValueSize, dateText(order.executionDate));
}

// The statement page, in millimetres.
constexpr double kMargin = 15;
constexpr double kPageBottom = LayoutDocument::kA4Height - 20;
constexpr double kRowHeight = 8.5;
constexpr double kTableSize = 7.5;

struct Column {
  double x;
  double width;
  LayoutText::Align align;
};
// Booking date, counterparty (name, account), purpose (purpose, reference), code, debit, credit.
constexpr Column kColumns[] = {
    {kMargin, 20, LayoutText::Align::Left},        {kMargin + 20, 50, LayoutText::Align::Left},
    {kMargin + 70, 50, LayoutText::Align::Left},   {kMargin + 120, 10, LayoutText::Align::Left},
    {kMargin + 130, 25, LayoutText::Align::Right}, {kMargin + 155, 25, LayoutText::Align::Right}};
constexpr double kTableRight = kMargin + 180;

void cell(LayoutPage& page, int column, double baseline, const std::string& value, bool bold = false) {
  const auto& c = kColumns[column];
  const double anchor = c.align == LayoutText::Align::Right ? c.x + c.width - 1 : c.x + 1;
  text(page, anchor, baseline, kTableSize, fit(value, c.width - 2, kTableSize), bold, c.align);
}

double tableHeader(LayoutPage& page, double y, const StatementLabels& labels) {
  const std::string* titles[] = {&labels.bookingDate, &labels.counterparty, &labels.purpose,
                                 &labels.paymentCode, &labels.debit,        &labels.credit};
  line(page, kMargin, y, kTableRight, y, 0.4);
  for (int column = 0; column < 6; ++column) {
    cell(page, column, y + 4.5, *titles[column], true);
  }
  line(page, kMargin, y + 6.5, kTableRight, y + 6.5, 0.4);
  return y + 6.5;
}

std::string balanceText(const std::optional<banking::Balance>& balance) {
  return balance ? balance->amount.toDisplay() + " " + std::string(balance->amount.currency().code()) : "-";
}

}  // namespace

void LayoutPage::box(double x, double y, double width, double height, double lineWidth) {
  lines.push_back(LayoutLine{x, y, x + width, y, lineWidth, false});
  lines.push_back(LayoutLine{x + width, y, x + width, y + height, lineWidth, false});
  lines.push_back(LayoutLine{x + width, y + height, x, y + height, lineWidth, false});
  lines.push_back(LayoutLine{x, y + height, x, y, lineWidth, false});
}

LayoutDocument layoutOrders(std::span<const banking::PaymentOrder> orders) {
  LayoutDocument document;
  document.title = "NALOG ZA PRENOS";
  for (std::size_t i = 0; i < orders.size(); ++i) {
    const auto slot = static_cast<int>(i % OrderFormLayout::kFormsPerPage);
    if (slot == 0) {
      document.pages.emplace_back();
    }
    auto& page = document.pages.back();
    const double top = slot * OrderFormLayout::kFormHeight;
    if (slot > 0) {
      line(page, 5, top, document.width - 5, top, 0.2, true);  // cut here
    }
    layoutOrder(page, orders[i], top);
  }
  return document;
}

LayoutDocument layoutStatement(const banking::Statement& statement, const StatementHeading& heading,
                               const StatementLabels& labels) {
  const auto& info = statement.info;
  LayoutDocument document;
  document.title = fmt::format("{} {}", labels.title, info.number);
  document.pages.emplace_back();
  auto* page = &document.pages.back();

  // Header: title, company and bank on the left, number, date and balances on the right.
  double y = kMargin + 6;
  text(*page, kMargin, y, 14, fmt::format("{} {}", labels.title, info.number), true);
  y += 8;
  const std::string account = info.account.empty() ? info.iban : accountText(info.account);
  std::int64_t debits = 0;
  std::int64_t credits = 0;
  for (const auto& entry : statement.entries) {
    (entry.amount.minorUnits() < 0 ? debits : credits) += entry.amount.minorUnits();
  }
  const auto currency = info.currency               ? *info.currency
                        : statement.entries.empty() ? banking::Currency::rsd()
                                                    : statement.entries.front().amount.currency();
  const std::pair<const std::string*, std::string> left[] = {
      {&labels.company, heading.company}, {&labels.account, account}, {&labels.bank, heading.bank}};
  const std::pair<const std::string*, std::string> right[] = {
      {&labels.number, info.number},
      {&labels.date, dateText(info.date)},
      {&labels.opening, balanceText(info.opening)},
      {&labels.debits, banking::Money(-debits, currency).toDisplay()},
      {&labels.credits, banking::Money(credits, currency).toDisplay()},
      {&labels.closing, balanceText(info.closing)},
      {&labels.entries, std::to_string(statement.entries.size())}};
  for (std::size_t i = 0; i < std::size(left); ++i) {
    text(*page, kMargin, y + 5 * static_cast<double>(i), 8, *left[i].first + ":");
    text(*page, kMargin + 22, y + 5 * static_cast<double>(i), 9, fit(left[i].second, 85, 9), i == 0);
  }
  for (std::size_t i = 0; i < std::size(right); ++i) {
    text(*page, 125, y + 5 * static_cast<double>(i), 8, *right[i].first + ":");
    text(*page, kTableRight, y + 5 * static_cast<double>(i), 9, right[i].second, false,
         LayoutText::Align::Right);
  }
  y += 5 * static_cast<double>(std::size(right)) + 3;
  y = tableHeader(*page, y, labels);

  for (const auto& entry : statement.entries) {
    if (y + kRowHeight > kPageBottom) {
      document.pages.emplace_back();
      page = &document.pages.back();
      y = tableHeader(*page, kMargin, labels);
    }
    const double first = y + 3.5;
    const double second = y + 7;
    cell(*page, 0, first, dateText(entry.bookingDate ? entry.bookingDate : entry.valueDate));
    cell(*page, 1, first, entry.counterparty.name);
    cell(*page, 1, second, accountText(entry.counterparty.account));
    cell(*page, 2, first, entry.purpose);
    const auto& reference = entry.amount.minorUnits() < 0 ? entry.debitReference : entry.reference;
    cell(*page, 2, second,
         reference.number.empty()
             ? std::string()
             : fmt::format("{} {}", reference.model.empty() ? "--" : reference.model, reference.number));
    cell(*page, 3, first, entry.paymentCode);
    const std::string amount = entry.amount.abs().toDisplay();
    cell(*page, entry.amount.minorUnits() < 0 ? 4 : 5, first, amount);
    y += kRowHeight;
    line(*page, kMargin, y, kTableRight, y, 0.1);
  }

  const auto count = document.pages.size();
  for (std::size_t i = 0; i < count; ++i) {
    text(document.pages[i], document.width / 2, document.height - 10, 8,
         fmt::format(fmt::runtime(labels.page), i + 1, count), false, LayoutText::Align::Center);
  }
  return document;
}

}  // namespace platnik::services
