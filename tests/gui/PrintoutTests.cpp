#include "Generated.h"
#include "GuiTestSupport.h"
#include "ScriptedAnswers.h"
#include "gui/LayoutPrintout.h"
#include "gui/StatementChoiceDialog.h"
#include "services/PrintLayout.h"
#include "services/StatementExport.h"
#include "services/StatementFiles.h"

#include <boost/test/unit_test.hpp>
#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/image.h>
#include <wx/listbox.h>

#include <chrono>
#include <cstdlib>
#include <fstream>

namespace {

using namespace platnik;

/// A preview page: the printout draws into a white A4 bitmap at 72 pixels per inch.
struct PreviewPage {
  static constexpr int kWidth = 595;
  static constexpr int kHeight = 842;
  wxBitmap bitmap{kWidth, kHeight, 24};

  bool render(gui::LayoutPrintout& printout, int page) {
    wxMemoryDC dc(bitmap);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    printout.SetDC(&dc);
    printout.SetPageSizePixels(kWidth, kHeight);
    printout.SetPageSizeMM(210, 297);
    printout.SetPPIScreen(72, 72);
    printout.SetPPIPrinter(72, 72);
    const bool drawn = printout.HasPage(page) && printout.OnPrintPage(page);
    printout.SetDC(nullptr);
    dc.SelectObject(wxNullBitmap);
    return drawn;
  }

  /// Dark pixels in the rectangle (millimetres).
  [[nodiscard]] int darkPixels(double x, double y, double width, double height) const {
    const wxImage image = bitmap.ConvertToImage();
    const double perMm = kWidth / 210.0;
    int dark = 0;
    for (int py = static_cast<int>(y * perMm); py < static_cast<int>((y + height) * perMm); ++py) {
      for (int px = static_cast<int>(x * perMm); px < static_cast<int>((x + width) * perMm); ++px) {
        dark += image.GetRed(px, py) < 128 ? 1 : 0;
      }
    }
    return dark;
  }
};

banking::PaymentOrder order() {
  banking::PaymentOrder order;
  order.payerName = "Čačak Metal d.o.o.";
  order.payerAccount = "160000000000018215";
  order.recipientName = "ЈП ЕПС Београд";
  order.recipientAccount = "205000000000000088";
  order.amount = banking::Money(123'456, banking::Currency::rsd());
  order.paymentCode = "221";
  order.purpose = "Račun za struju";
  return order;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(PrintoutTests)

BOOST_AUTO_TEST_CASE(an_order_form_is_drawn_where_the_layout_puts_it) {
  const std::vector orders{order(), order()};
  gui::LayoutPrintout printout(services::layoutOrders(orders));
  int minPage = 0, maxPage = 0, from = 0, to = 0;
  printout.GetPageInfo(&minPage, &maxPage, &from, &to);
  BOOST_TEST(maxPage == 1);
  PreviewPage page;
  BOOST_REQUIRE(page.render(printout, 1));
  BOOST_TEST(!printout.HasPage(2));
  // The payer's box on the first and the second form; nothing on the third form's place.
  BOOST_TEST(page.darkPixels(10, 13.5, 88, 1) > 150);
  BOOST_TEST(page.darkPixels(10, 99 + 13.5, 88, 1) > 150);
  BOOST_TEST(page.darkPixels(10, 198 + 13.5, 88, 1) == 0);
  // The payer's name inside the first box.
  BOOST_TEST(page.darkPixels(11, 15, 40, 4) > 20);
}

BOOST_AUTO_TEST_CASE(a_long_statement_prints_on_several_pages) {
  const auto statement = storage::testing::makeStatement(storage::testing::accountNumber(1000), 3, 60);
  gui::LayoutPrintout printout(services::layoutStatement(statement, {"Firma d.o.o.", "Banka"}));
  int minPage = 0, maxPage = 0, from = 0, to = 0;
  printout.GetPageInfo(&minPage, &maxPage, &from, &to);
  BOOST_TEST(maxPage == 3);
  for (int number = 1; number <= maxPage; ++number) {
    PreviewPage page;
    BOOST_REQUIRE(page.render(printout, number));
    // "Page N of 3" at the bottom of every page.
    BOOST_TEST(page.darkPixels(85, 283, 40, 6) > 10);
  }
}

BOOST_AUTO_TEST_CASE(statement_as_pdf_asks_for_the_statement_and_writes_it) {
  guitest::Window window;
  const auto account = storage::testing::accountNumber(1000);
  std::vector<banking::Statement> statements;
  for (int n = 1; n <= 3; ++n) {
    statements.push_back(storage::testing::makeStatement(account, n, 4));
  }
  statements[1].entries[0].counterparty.name = "Ђурђевак д.о.о.";
  const auto camt = window.dir / "statements.xml";
  {
    std::ofstream out(camt, std::ios::binary);
    BOOST_REQUIRE(services::writeStatements(services::StatementExportFormat::Camt053, statements, out,
                                            nullptr, std::chrono::sys_seconds{std::chrono::days{20000}})
                      .has_value());
  }
  BOOST_REQUIRE(services::importStatementFile(window.workspace->database(), camt).has_value());

  const auto pdf = window.dir / "statement.pdf";
  guitest::ScriptedAnswers answers;
  answers.dialogs.push_back([](wxDialog& shown) {
    auto& dialog = dynamic_cast<gui::StatementChoiceDialog&>(shown);
    BOOST_REQUIRE_EQUAL(dialog.statementList()->GetCount(), 3U);  // newest first
    dialog.statementList()->SetSelection(1);                      // statement 2
    return guitest::pressOk(dialog);
  });
  answers.files.push_back(wxString::FromUTF8(pdf.string()));
  {
    gui::ScopedModalAnswers scoped(answers);
    gui::chooseAndSaveStatementPdf(window.frame, *window.workspace);
  }
  BOOST_TEST(answers.done());
  BOOST_REQUIRE(std::filesystem::exists(pdf));
  const auto text = window.dir / "statement.txt";
  const auto command = "pdftotext -q -enc UTF-8 '" + pdf.string() + "' '" + text.string() + "'";
  BOOST_REQUIRE(std::system(command.c_str()) == 0);
  const auto content = testsupport::readFile(text);
  BOOST_TEST(content.find("Ђурђевак д.о.о.") != std::string::npos, content);
  BOOST_TEST(content.find(banking::toSerbianString(*statements[1].info.date)) != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
