#include "storage/Connection.h"
#include "storage/Statement.h"
#include "storage/Transaction.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <stdexcept>

using namespace platnik;
using namespace platnik::storage;
using testsupport::TempDir;

namespace {

std::int64_t countRows(Connection& connection) {
  auto query = connection.prepare("SELECT count(*) FROM t").value();
  BOOST_REQUIRE(query.step().value());
  return query.integer(0);
}

Connection makeTable(const TempDir& dir) {
  auto connection = Connection::open(dir / "t.db", Connection::Mode::ReadWriteCreate).value();
  BOOST_REQUIRE(
      connection.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, data BLOB)"));
  return connection;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ConnectionTests)

BOOST_AUTO_TEST_CASE(BoundValuesRoundTripIncludingQuotesNullsAndBlobs) {
  TempDir dir;
  auto connection = makeTable(dir);
  auto insert = connection.prepare("INSERT INTO t(name, data) VALUES (?, ?)").value();
  const std::vector<std::uint8_t> blob{0, 1, 2, 255};
  insert.bind(1, "O'Brien'); DROP TABLE t; --").bind(2, std::span<const std::uint8_t>(blob));
  BOOST_REQUIRE(insert.run());
  insert.bind(1, "Đorđe").bind(2, nullptr);
  BOOST_REQUIRE(insert.run());
  BOOST_TEST(connection.lastInsertRowId() == 2);
  auto select = connection.prepare("SELECT name, data FROM t ORDER BY id").value();
  BOOST_REQUIRE(select.step().value());
  BOOST_TEST(select.text(0) == "O'Brien'); DROP TABLE t; --");
  BOOST_TEST(select.blob(1) == blob);
  BOOST_REQUIRE(select.step().value());
  BOOST_TEST(select.text(0) == "Đorđe");
  BOOST_TEST(select.isNull(1));
  BOOST_TEST(!select.optionalText(1).has_value());
  BOOST_TEST(!select.step().value());
}

BOOST_AUTO_TEST_CASE(BindingAParameterThatDoesNotExistIsAProgrammingError) {
  TempDir dir;
  auto connection = makeTable(dir);
  auto insert = connection.prepare("INSERT INTO t(name) VALUES (?)").value();
  BOOST_CHECK_THROW(insert.bind(2, "x"), std::logic_error);
}

BOOST_AUTO_TEST_CASE(ATransactionRollsBackUnlessCommitted) {
  TempDir dir;
  auto connection = makeTable(dir);
  {
    auto transaction = Transaction::begin(connection).value();
    BOOST_REQUIRE(connection.exec("INSERT INTO t(name) VALUES ('a')"));
    BOOST_TEST(connection.inTransaction());
  }
  BOOST_TEST(!connection.inTransaction());
  BOOST_TEST(countRows(connection) == 0);
  {
    auto transaction = Transaction::begin(connection).value();
    BOOST_REQUIRE(connection.exec("INSERT INTO t(name) VALUES ('a')"));
    BOOST_REQUIRE(transaction.commit());
  }
  BOOST_TEST(countRows(connection) == 1);
}

BOOST_AUTO_TEST_CASE(ErrorsAreDatabaseErrorsWithClearMessages) {
  TempDir dir;
  auto connection = makeTable(dir);
  BOOST_REQUIRE(connection.exec("INSERT INTO t(name) VALUES ('a')"));
  auto duplicate = connection.exec("INSERT INTO t(name) VALUES ('a')");
  BOOST_REQUIRE(!duplicate);
  BOOST_TEST((duplicate.error().code == banking::Errc::Database));
  BOOST_TEST(duplicate.error().message.find("breaks a rule") != std::string::npos);
  BOOST_TEST(duplicate.error().message.find("UNIQUE") != std::string::npos);
  auto bad = connection.prepare("SELEC nothing");
  BOOST_REQUIRE(!bad);
  BOOST_TEST(bad.error().message.find("syntax error") != std::string::npos);
  // A statement that failed can run again.
  auto insert = connection.prepare("INSERT INTO t(name) VALUES (?)").value();
  insert.bind(1, "a");
  BOOST_TEST(!insert.run());
  insert.bind(1, "b");
  BOOST_TEST(insert.run().has_value());
}

BOOST_AUTO_TEST_CASE(ASizeLimitReportsAFullDisk) {
  TempDir dir;
  auto connection = makeTable(dir);
  BOOST_REQUIRE(connection.exec("PRAGMA max_page_count = 3"));
  auto insert = connection.prepare("INSERT INTO t(name, data) VALUES (?, zeroblob(100000))").value();
  insert.bind(1, "big");
  auto result = insert.run();
  BOOST_REQUIRE(!result);
  BOOST_TEST(result.error().message.find("disk is full") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(AReadOnlyConnectionCannotWrite) {
  TempDir dir;
  { makeTable(dir); }
  auto connection = Connection::open(dir / "t.db", Connection::Mode::ReadOnly).value();
  auto result = connection.exec("INSERT INTO t(name) VALUES ('x')");
  BOOST_REQUIRE(!result);
  BOOST_TEST(result.error().message.find("read-only") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
