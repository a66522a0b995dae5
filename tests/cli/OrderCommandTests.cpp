#include "CliRunner.h"
#include "testsupport/TestSupport.h"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <set>
#include <string>

using platnik::services::Json;
using platnik::testsupport::exampleOrderJson;
using platnik::testsupport::runCli;

namespace {

constexpr const char* kToday = "2026-11-25";

Json validOrder() {
  Json order = exampleOrderJson();
  order["urgent"] = false;
  order["execution_date"] = "2026-12-01";
  return order;
}

std::string writeOrder(const platnik::testsupport::TempDir& dir, const std::string& name,
                       const std::string& text) {
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

std::set<std::string> problemFields(const Json& result) {
  std::set<std::string> fields;
  for (const auto& problem : result["problems"]) {
    fields.insert(problem["field"].get<std::string>());
  }
  return fields;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(OrderCommandTests)

BOOST_AUTO_TEST_CASE(validOrderFromAFile) {
  platnik::testsupport::TempDir dir;
  const auto file = writeOrder(dir, "order.json", validOrder().dump(2));
  const auto text = runCli({"order", "validate", file, "--today", kToday});
  BOOST_TEST_CONTEXT("stdout:\n" << text.out << "stderr:\n" << text.err) {
    BOOST_TEST(text.exitCode == 0);
    BOOST_TEST(text.err.empty());
    BOOST_TEST(text.out.find("valid order") != std::string::npos);
    BOOST_TEST(text.out.find("clearing") != std::string::npos);
  }
  const auto run = runCli({"order", "validate", file, "--today", kToday, "--json"});
  BOOST_TEST(run.exitCode == 0);
  const auto json = run.json();
  BOOST_TEST(json["valid"].get<bool>() == true);
  BOOST_TEST(json["route"].get<std::string>() == "clearing");
  BOOST_TEST(json["problems"].empty());
}

BOOST_AUTO_TEST_CASE(routeFollowsAmountAndUrgency) {
  struct Case {
    std::string amount;
    bool urgent;
    std::string route;
  };
  for (const Case& c : {Case{"300000.00", false, "clearing"}, Case{"300000.01", false, "rtgs"},
                        Case{"300000.00", true, "instant"}, Case{"1000000.00", true, "rtgs"}}) {
    Json order = validOrder();
    order["amount"] = c.amount;
    order["urgent"] = c.urgent;
    order["execution_date"] = nullptr;
    const auto run = runCli({"order", "validate", "-", "--today", kToday, "--json"}, order.dump());
    BOOST_TEST_CONTEXT(c.amount << (c.urgent ? " urgent\n" : "\n") << run.out << run.err) {
      BOOST_TEST(run.exitCode == 0);
      BOOST_TEST(run.json()["route"].get<std::string>() == c.route);
    }
  }
}

BOOST_AUTO_TEST_CASE(everyProblemIsReportedAtOnce) {
  Json order = validOrder();
  order["payer_account"] = "160000000018203968";  // wrong control digits
  order["recipient_name"] = "";                   // required
  order["amount"] = 12500.5;                      // a JSON number
  order["credit_model"] = 97;                     // a number, not a string
  order["urgent"] = "yes";                        // not a boolean
  order["execution_date"] = "2024-02-30";         // no such day
  order["recipent_place"] = "Beograd";            // misspelt field
  platnik::testsupport::TempDir dir;
  const auto file = writeOrder(dir, "bad.json", order.dump(2));

  const std::set<std::string> expected{"payer_account", "recipient_name", "amount",        "credit_model",
                                       "urgent",        "execution_date", "recipent_place"};
  const auto run = runCli({"order", "validate", file, "--today", kToday, "--json"});
  BOOST_TEST_CONTEXT("stdout:\n" << run.out << "stderr:\n" << run.err) {
    BOOST_TEST(run.exitCode == 1);
    BOOST_TEST(run.err.empty());
    const auto json = run.json();
    BOOST_TEST(json["valid"].get<bool>() == false);
    BOOST_TEST(json["route"].is_null());
    BOOST_TEST(problemFields(json) == expected, "fields: " << json["problems"].dump());
    for (const auto& problem : json["problems"]) {
      BOOST_TEST(!problem["code"].get<std::string>().empty());
      BOOST_TEST(!problem["message"].get<std::string>().empty());
    }
  }

  const auto text = runCli({"order", "validate", file, "--today", kToday});
  BOOST_TEST_CONTEXT("stdout:\n" << text.out << "stderr:\n" << text.err) {
    BOOST_TEST(text.exitCode == 1);
    BOOST_TEST(text.out.empty());
    for (const std::string& field : expected) {
      BOOST_TEST(("\n" + text.err).find("\n" + field + ": ") != std::string::npos, "no line for " << field);
    }
    BOOST_TEST(text.err.find("7 problems found") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(executionDateInThePastDependsOnToday) {
  Json order = validOrder();
  order["execution_date"] = "2026-11-24";
  const auto past = runCli({"order", "validate", "-", "--today", kToday, "--json"}, order.dump());
  BOOST_TEST(past.exitCode == 1);
  BOOST_TEST(problemFields(past.json()) == std::set<std::string>{"execution_date"});
  const auto sameDay = runCli({"order", "validate", "-", "--today", "2026-11-24", "--json"}, order.dump());
  BOOST_TEST(sameDay.exitCode == 0);
}

BOOST_AUTO_TEST_CASE(standardInputWithDash) {
  const auto run = runCli({"order", "validate", "-", "--today", kToday}, validOrder().dump());
  BOOST_TEST(run.exitCode == 0);
  BOOST_TEST(run.out.find("valid order") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(malformedJsonIsInvalidData) {
  const auto run = runCli({"order", "validate", "-", "--json"}, "{\"payer_name\": ");
  BOOST_TEST_CONTEXT("stdout:\n" << run.out << "stderr:\n" << run.err) {
    BOOST_TEST(run.exitCode == 1);
    const auto json = run.json();
    BOOST_TEST(json["problems"].size() == 1U);
    BOOST_TEST(json["problems"][0]["field"].get<std::string>().empty());
    BOOST_TEST(json["problems"][0]["code"].get<std::string>() == "malformed_file");
    BOOST_TEST(json["problems"][0]["message"].get<std::string>().find("line 1") != std::string::npos);
  }
  const auto array = runCli({"order", "validate", "-"}, "[]");
  BOOST_TEST(array.exitCode == 1);
  BOOST_TEST(array.err.find("JSON object") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unreadableFileIsExitTwo) {
  platnik::testsupport::TempDir dir;
  const std::string missing = (dir / "no-such-order.json").string();
  const auto run = runCli({"order", "validate", missing, "--json"});
  BOOST_TEST(run.exitCode == 2);
  BOOST_TEST(run.out.empty());
  BOOST_TEST(run.err.find(missing) != std::string::npos);
  const auto folder = runCli({"order", "validate", dir.path().string()});
  BOOST_TEST(folder.exitCode == 2);
  BOOST_TEST(folder.err.find("folder") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(badTodayIsAUsageError) {
  const auto run = runCli({"order", "validate", "-", "--today", "25.11.2026"}, validOrder().dump());
  BOOST_TEST(run.exitCode == 2);
  BOOST_TEST(run.err.find("--today") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
