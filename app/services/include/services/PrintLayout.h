#pragma once

#include "banking/PaymentOrder.h"
#include "banking/Statement.h"

#include <span>
#include <string>
#include <vector>

namespace platnik::services {

/// Printed documents as pages of positioned text and lines, in millimetres from the page's
/// top left corner. The PDF writer (PdfDocuments) and the window's printout both draw these
/// pages, so paper and PDF always look the same.
struct LayoutText {
  enum class Align { Left, Right, Center };
  double x = 0;         ///< the anchor: left edge, right edge or centre, as `align` says
  double baseline = 0;  ///< the text's baseline
  double size = 9;      ///< points
  bool bold = false;
  Align align = Align::Left;
  std::string text;  ///< UTF-8, one line
};

struct LayoutLine {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.25;  ///< millimetres
  bool dashed = false;
};

struct LayoutPage {
  std::vector<LayoutText> texts;
  std::vector<LayoutLine> lines;

  /// A rectangle's four sides.
  void box(double x, double y, double width, double height, double lineWidth = 0.25);
};

struct LayoutDocument {
  static constexpr double kA4Width = 210;
  static constexpr double kA4Height = 297;
  double width = kA4Width;
  double height = kA4Height;
  std::string title;
  std::vector<LayoutPage> pages;
};

/// Domestic transfer orders on the NBS form "NALOG ZA PRENOS" (its wording is Serbian by
/// law), three to an A4 page with cut lines between them: payer, purpose and recipient on the
/// left; payment code, currency, amount, payer account, debit model and reference, recipient
/// account, credit model and reference on the right; signature, place and date of receipt and
/// execution date lines at the bottom. Amounts are written "1.234,56", dates "dd.mm.yyyy".
struct OrderFormLayout {
  static constexpr int kFormsPerPage = 3;
  static constexpr double kFormHeight = LayoutDocument::kA4Height / kFormsPerPage;
};
LayoutDocument layoutOrders(std::span<const banking::PaymentOrder> orders);

/// The words of a printed statement (the window passes them in its language).
struct StatementLabels {
  std::string title = "Statement";
  std::string number = "Number";
  std::string date = "Date";
  std::string company = "Company";
  std::string account = "Account";
  std::string bank = "Bank";
  std::string opening = "Opening balance";
  std::string closing = "Closing balance";
  std::string debits = "Debits";
  std::string credits = "Credits";
  std::string entries = "Entries";
  std::string bookingDate = "Date";
  std::string counterparty = "Counterparty";
  std::string purpose = "Purpose";
  std::string paymentCode = "Code";
  std::string debit = "Debit";
  std::string credit = "Credit";
  std::string page = "Page {} of {}";  ///< fmt pattern: page number, page count
};

/// Who the statement belongs to and where it is kept, for its header.
struct StatementHeading {
  std::string company;
  std::string bank;
};

/// One statement: a header (company, account, bank, number, date, opening and closing
/// balance, totals) and its entries in a table continued over as many A4 pages as needed,
/// each with the column titles and "page N of M" at the bottom.
LayoutDocument layoutStatement(const banking::Statement& statement, const StatementHeading& heading,
                               const StatementLabels& labels = {});

}  // namespace platnik::services
