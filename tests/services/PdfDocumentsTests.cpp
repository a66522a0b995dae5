#include "Generated.h"
#include "banking/Currency.h"
#include "services/PdfDocuments.h"
#include "storage/Banks.h"
#include "storage/Database.h"
#include "storage/Orders.h"
#include "storage/Settings.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <vector>

namespace {

using namespace platnik;

banking::PaymentOrder order(std::string payer, std::string recipient, std::int64_t minor) {
  banking::PaymentOrder order;
  order.payerName = std::move(payer);
  order.payerPlace = "Beograd";
  order.payerAccount = "160000000000018215";
  order.recipientName = std::move(recipient);
  order.recipientPlace = "Novi Sad";
  order.recipientAccount = "205000000000000088";
  order.amount = banking::Money(minor, banking::Currency::rsd());
  order.paymentCode = "221";
  order.purpose = "Plaćanje po fakturi 17/2025";
  order.creditReference = {"97", "163220000111111111000"};
  order.debitReference = {"", "FAKT-17"};
  order.executionDate = banking::makeDate(2025, 3, 5).value();
  return order;
}

/// The PDF's text as poppler reads it (layout kept, so columns stay on their lines).
std::string pdfText(const std::filesystem::path& pdf) {
  const auto out = pdf.parent_path() / (pdf.stem().string() + ".txt");
  const auto command = fmt::format("pdftotext -q -layout -enc UTF-8 '{}' '{}'", pdf.string(), out.string());
  BOOST_REQUIRE_MESSAGE(std::system(command.c_str()) == 0, "pdftotext failed: " << command);
  return testsupport::readFile(out);
}

int pageCount(const std::filesystem::path& pdf) {
  // pdftotext puts a form feed after every page.
  const auto text = pdfText(pdf);
  return static_cast<int>(std::count(text.begin(), text.end(), '\f'));
}

void requireContains(const std::string& text, std::string_view part) {
  BOOST_TEST_CONTEXT("in the PDF's text:\n" << text) {
    BOOST_TEST(text.find(part) != std::string::npos, "missing: " << part);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(PdfDocumentsTests)

BOOST_AUTO_TEST_CASE(two_orders_are_on_one_page_of_the_nbs_form) {
  testsupport::TempDir dir;
  const std::vector orders{order("Čačak Metal d.o.o.", "ЈП ЕПС Београд", 123'456'789),
                           order("Đurđevak Šećer a.d.", "Žitopromet Zrenjanin", 50'00)};
  const auto path = dir / "orders.pdf";
  const auto written = services::writeOrdersPdf(orders, path);
  BOOST_REQUIRE_MESSAGE(written.has_value(), storage::testing::why(written));

  const auto text = pdfText(path);
  BOOST_TEST(pageCount(path) == 1);
  requireContains(text, "NALOG ZA PRENOS");
  requireContains(text, "Čačak Metal d.o.o.");
  requireContains(text, "ЈП ЕПС Београд");  // Cyrillic survives (embedded font, UTF-8)
  requireContains(text, "Đurđevak Šećer a.d.");
  requireContains(text, "Žitopromet Zrenjanin");
  requireContains(text, "1.234.567,89");  // Serbian amount format
  requireContains(text, "50,00");
  requireContains(text, "160-0000000000182-15");
  requireContains(text, "205-0000000000000-88");
  requireContains(text, "163220000111111111000");
  requireContains(text, "Plaćanje po fakturi 17/2025");
  requireContains(text, "05.03.2025");
  requireContains(text, "svrha plaćanja");
  requireContains(text, "pečat i potpis platioca");
}

BOOST_AUTO_TEST_CASE(three_orders_fill_a_page_and_the_fourth_starts_the_next) {
  testsupport::TempDir dir;
  std::vector<banking::PaymentOrder> orders;
  for (int i = 0; i < 4; ++i) {
    orders.push_back(order(fmt::format("Platilac {}", i), fmt::format("Primalac {}", i), 100 + i));
  }
  const auto path = dir / "four.pdf";
  BOOST_REQUIRE(services::writeOrdersPdf(orders, path).has_value());
  BOOST_TEST(pageCount(path) == 2);
  requireContains(pdfText(path), "Primalac 3");
}

BOOST_AUTO_TEST_CASE(no_orders_is_an_error) {
  testsupport::TempDir dir;
  const auto written = services::writeOrdersPdf({}, dir / "none.pdf");
  BOOST_REQUIRE(!written.has_value());
  BOOST_TEST(written.error().message == "no orders to write");
}

BOOST_AUTO_TEST_CASE(a_statement_has_its_header_entries_and_page_numbers) {
  testsupport::TempDir dir;
  auto statement = storage::testing::makeStatement(storage::testing::accountNumber(1000), 7, 60);
  statement.entries[0].counterparty.name = "Предузеће Ћирилица д.о.о.";
  services::StatementLabels labels;
  labels.title = "Izvod";
  labels.page = "Strana {} od {}";
  const auto path = dir / "statement.pdf";
  const auto written = services::writeStatementPdf(
      statement, {"Firma Šabac d.o.o.", "Banka Intesa a.d. Beograd"}, labels, path);
  BOOST_REQUIRE_MESSAGE(written.has_value(), storage::testing::why(written));

  const auto text = pdfText(path);
  const int pages = pageCount(path);
  BOOST_TEST(pages == 3);  // 60 two-line rows: the header page and two more
  requireContains(text, "Izvod 7");
  requireContains(text, "Firma Šabac d.o.o.");
  requireContains(text, "Banka Intesa a.d. Beograd");
  requireContains(text, banking::Account::parse(statement.info.account).value().longForm());
  requireContains(text, statement.info.opening->amount.toDisplay());
  requireContains(text, statement.info.closing->amount.toDisplay());
  requireContains(text, "Предузеће Ћирилица д.о.о.");
  requireContains(text, statement.entries[59].amount.abs().toDisplay());
  requireContains(text, banking::toSerbianString(*statement.info.date));
  requireContains(text, "Strana 1 od 3");
  requireContains(text, "Strana 3 od 3");
}

BOOST_AUTO_TEST_CASE(a_file_that_cannot_be_written_is_an_io_error) {
  testsupport::TempDir dir;
  const std::vector orders{order("A", "B", 1)};
  const auto written = services::writeOrdersPdf(orders, dir / "missing-folder" / "orders.pdf");
  BOOST_REQUIRE(!written.has_value());
  BOOST_TEST(static_cast<int>(written.error().code) == static_cast<int>(banking::Errc::Io));
}

BOOST_AUTO_TEST_CASE(the_stored_orders_and_the_statement_heading_come_from_the_database) {
  testsupport::TempDir dir;
  auto created = storage::Database::create(dir / "company.platnik");
  BOOST_REQUIRE(created.has_value());
  auto& database = created.value();
  const auto first = database.orders().add(order("Prvi", "Primalac", 100));
  const auto second = database.orders().add(order("Drugi", "Primalac", 200));
  BOOST_REQUIRE(first.has_value() && second.has_value());
  const std::vector<std::int64_t> ids{second.value(), first.value()};
  const auto orders = services::ordersToPrint(database, ids);
  BOOST_REQUIRE_MESSAGE(orders.has_value(), storage::testing::why(orders));
  BOOST_REQUIRE_EQUAL(orders.value().size(), 2U);
  BOOST_TEST(orders.value()[0].payerName == "Drugi");
  BOOST_TEST(orders.value()[1].payerName == "Prvi");
  const std::vector<std::int64_t> missing{first.value(), 999};
  BOOST_TEST(!services::ordersToPrint(database, missing).has_value());

  BOOST_REQUIRE(database.settings().setCompany({"Firma Šabac d.o.o.", "Šabac", "", ""}).has_value());
  BOOST_REQUIRE(database.banks().add({0, "160", "Banca Intesa", "file", "{}"}).has_value());
  const auto statement = storage::testing::makeStatement(storage::testing::accountNumber(1000), 1, 1);
  const auto heading = services::statementHeading(database, statement);
  BOOST_REQUIRE_MESSAGE(heading.has_value(), storage::testing::why(heading));
  BOOST_TEST(heading.value().company == "Firma Šabac d.o.o.");
  BOOST_TEST(heading.value().bank == "Banca Intesa");
}

BOOST_AUTO_TEST_SUITE_END()
