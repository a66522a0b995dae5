#include "CliRunner.h"
#include "banking/OrderState.h"
#include "banking/formats/HalcomTxt.h"
#include "banking/formats/Iso20022.h"
#include "storage/Database.h"
#include "storage/Orders.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using platnik::services::Json;
using platnik::testsupport::runCli;
using platnik::testsupport::TempDir;

namespace {

constexpr const char* kToday = "2024-03-01";  // the fixture's orders are dated 2024-03-06

std::string ordersFixture() {
  return (platnik::testsupport::sourceDir() / "tests/formats/halcom/fixtures/orders_cp1250.txt").string();
}

/// The orders the library reads from the fixture (line 5 is the one without problems).
std::vector<platnik::banking::formats::HalcomImportedOrder> fixtureOrders() {
  std::ifstream in(ordersFixture(), std::ios::binary);
  auto orders = platnik::banking::formats::readHalcomOrders(in);
  BOOST_REQUIRE(orders);
  return orders.value();
}

void moveToReady(const std::string& db, std::int64_t id) {
  auto database = platnik::storage::Database::open(db);
  BOOST_REQUIRE(database);
  BOOST_REQUIRE(database.value().orders().changeState(id, platnik::banking::OrderState::Ready));
}

std::size_t orderCount(const std::string& db) {
  auto database = platnik::storage::Database::open(db);
  BOOST_REQUIRE(database);
  auto orders = database.value().orders().list();
  BOOST_REQUIRE(orders);
  return orders.value().size();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(OrderFilesCommandTests)

BOOST_AUTO_TEST_CASE(import_makes_drafts_and_reports_each_orders_problems) {
  TempDir dir;
  const auto db = (dir / "company.platnik").string();
  const auto run = runCli({"--db", db, "order", "import", ordersFixture(), "--today", kToday, "--json"});
  BOOST_REQUIRE_MESSAGE(run.exitCode == 0, run.err);
  const Json json = run.json();
  BOOST_TEST(json["format"] == "halcom-orders");
  BOOST_TEST(json["imported"] == 3);
  BOOST_TEST(json["with_problems"] == 2);
  const Json& orders = json["orders"];
  BOOST_REQUIRE_EQUAL(orders.size(), 3U);
  BOOST_TEST(orders[0]["source"] == "line 3");
  BOOST_TEST(orders[0]["valid"] == false);
  BOOST_TEST(orders[0]["problems"][0]["field"] == "credit_reference");
  BOOST_TEST(orders[0]["problems"][0]["code"] == "wrong_control_digits");
  BOOST_TEST(orders[1]["problems"].size() == 2U);
  BOOST_TEST(orders[2]["valid"] == true);
  BOOST_TEST(orderCount(db) == 3U);

  const auto text = runCli({"--db", db, "order", "import", ordersFixture(), "--today", kToday});
  BOOST_TEST(text.exitCode == 0);
  BOOST_TEST(
      text.err.find("(line 3): credit_reference: the model-97 reference '0812345' has control digits 08") !=
          std::string::npos,
      text.err);
  BOOST_TEST(orderCount(db) == 6U);
}

BOOST_AUTO_TEST_CASE(a_file_that_cannot_be_read_imports_nothing) {
  TempDir dir;
  const auto db = (dir / "company.platnik").string();
  // The sum record no longer matches: the file is refused as a whole.
  auto text = platnik::testsupport::readFile(ordersFixture());
  std::size_t lineStart = 0;
  for (int line = 1; line < 5; ++line) {
    lineStart = text.find("\r\n", lineStart) + 2;
  }
  text.erase(lineStart, text.find("\r\n", lineStart) + 2 - lineStart);  // the last order's line
  const auto path = dir / "short.txt";
  std::ofstream(path, std::ios::binary) << text;
  const auto run = runCli({"--db", db, "order", "import", path.string(), "--today", kToday});
  BOOST_TEST(run.exitCode == 1);
  BOOST_TEST(run.err.find("not imported (nothing of it was kept): halcom-orders") != std::string::npos,
             run.err);
  BOOST_TEST(orderCount(db) == 0U);

  const auto statement =
      runCli({"--db", db, "order", "import",
              (platnik::testsupport::sourceDir() / "tests/formats/xml/fixtures/camt053_small.xml").string()});
  BOOST_TEST(statement.exitCode == 1);
  BOOST_TEST(statement.err.find("holds no payment orders") != std::string::npos, statement.err);
}

BOOST_AUTO_TEST_CASE(export_pain001_reads_back_with_the_pain001_reader) {
  TempDir dir;
  const auto db = (dir / "company.platnik").string();
  BOOST_REQUIRE_EQUAL(runCli({"--db", db, "order", "import", ordersFixture(), "--today", kToday}).exitCode,
                      0);
  moveToReady(db, 3);  // the valid one

  for (const std::string version : {"pain.001.001.03", "pain.001.001.09"}) {
    const auto out = (dir / (version + ".xml")).string();
    const auto run = runCli({"--db", db, "order", "export", "--format", version, "--state", "ready",
                             "--today", kToday, "--out", out});
    BOOST_REQUIRE_MESSAGE(run.exitCode == 0, run.err);
    BOOST_TEST(run.out.find("1 order(s) written") != std::string::npos);
    std::ifstream in(out, std::ios::binary);
    auto message = platnik::banking::formats::readPain001(in);
    BOOST_REQUIRE_MESSAGE(message, (message ? std::string() : message.error().describe()));
    BOOST_REQUIRE_EQUAL(message.value().payments.size(), 1U);
    BOOST_TEST(message.value().payments[0].endToEndId == "PLATNIK-3");
    BOOST_TEST((message.value().payments[0].order == fixtureOrders()[2].order));

    // And `order import` takes it back as pain.001.
    const auto again = runCli({"--db", db, "order", "import", out, "--today", kToday, "--json"});
    BOOST_REQUIRE_EQUAL(again.exitCode, 0);
    BOOST_TEST(again.json()["format"] == "pain.001");
    BOOST_TEST(again.json()["orders"][0]["valid"] == true);
  }

  // Nothing signed yet: the default export has nothing to write.
  const auto none = runCli({"--db", db, "order", "export", "--format", "pain.001.001.03", "--today", kToday});
  BOOST_TEST(none.exitCode == 1);
  BOOST_TEST(none.err.find("there are no signed orders") != std::string::npos, none.err);
}

BOOST_AUTO_TEST_CASE(export_halcom_orders_reads_back) {
  TempDir dir;
  const auto db = (dir / "company.platnik").string();
  BOOST_REQUIRE_EQUAL(runCli({"--db", db, "order", "import", ordersFixture(), "--today", kToday}).exitCode,
                      0);
  const auto run = runCli({"--db", db, "order", "export", "--format", "halcom-txt", "--today", kToday, "3"});
  BOOST_REQUIRE_MESSAGE(run.exitCode == 0, run.err);
  std::istringstream in(run.out);
  auto orders = platnik::banking::formats::readHalcomOrders(in);
  BOOST_REQUIRE_MESSAGE(orders, (orders ? std::string() : orders.error().describe()));
  BOOST_REQUIRE_EQUAL(orders.value().size(), 1U);
  BOOST_TEST((orders.value()[0].order == fixtureOrders()[2].order));
}

BOOST_AUTO_TEST_CASE(an_order_that_does_not_validate_is_refused_with_its_problems) {
  TempDir dir;
  const auto db = (dir / "company.platnik").string();
  BOOST_REQUIRE_EQUAL(runCli({"--db", db, "order", "import", ordersFixture(), "--today", kToday}).exitCode,
                      0);
  const auto out = dir / "refused.xml";
  const auto run = runCli({"--db", db, "order", "export", "--format", "pain.001.001.03", "--today", kToday,
                           "--out", out.string(), "1", "3"});
  BOOST_TEST(run.exitCode == 1);
  BOOST_TEST(run.err.find("order 1: credit_reference: the model-97 reference '0812345'") != std::string::npos,
             run.err);
  BOOST_TEST(run.err.find("nothing was written") != std::string::npos, run.err);
  BOOST_TEST(!std::filesystem::exists(out));

  BOOST_TEST(runCli({"--db", db, "order", "export", "--format", "pain.001.001.03", "--state", "ready", "99"})
                 .exitCode == 1);
  BOOST_TEST(runCli({"--db", db, "order", "export", "--format", "pain.002"}).exitCode == 2);
  BOOST_TEST(runCli({"--db", db, "order", "export", "--format", "halcom-txt", "--state", "draft"}).exitCode ==
             2);
}

BOOST_AUTO_TEST_SUITE_END()
