#include "CliRunner.h"
#include "banking/Reference.h"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using platnik::testsupport::runCli;

BOOST_AUTO_TEST_SUITE(ReferenceCommandTests)

BOOST_AUTO_TEST_CASE(model97WithRightControlDigitsIsValid) {
  // 98 - (1234567890 * 100 mod 97) = 92
  const auto run = runCli({"reference", "check", "97", "921234567890"});
  BOOST_TEST_CONTEXT("stdout:\n" << run.out << "stderr:\n" << run.err) {
    BOOST_TEST(run.exitCode == 0);
    BOOST_TEST(run.err.empty());
    BOOST_TEST(run.out.find("921234567890") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(model97DashesAreIgnoredInTheCheck) {
  const auto run = runCli({"reference", "check", "97", "15-2012-001-123", "--json"});
  BOOST_TEST(run.exitCode == 0);
  const auto json = run.json();
  BOOST_TEST(json["valid"].get<bool>() == true);
  BOOST_TEST(json["model"].get<std::string>() == "97");
  BOOST_TEST(json["reference"].get<std::string>() == "15-2012-001-123");
  BOOST_TEST(!json.contains("error"));
}

BOOST_AUTO_TEST_CASE(model97WithWrongControlDigitsShowsTheRightOnes) {
  const auto text = runCli({"reference", "check", "97", "911234567890"});
  BOOST_TEST_CONTEXT("stdout:\n" << text.out << "stderr:\n" << text.err) {
    BOOST_TEST(text.exitCode == 1);
    BOOST_TEST(text.out.empty());
    BOOST_TEST(text.err.find("correct control digits: 92") != std::string::npos);
    BOOST_TEST(text.err.find("921234567890") != std::string::npos);
  }
  const auto run = runCli({"reference", "check", "97", "911234567890", "--json"});
  BOOST_TEST(run.exitCode == 1);
  const auto json = run.json();
  BOOST_TEST(json["valid"].get<bool>() == false);
  BOOST_TEST(json["error_code"].get<std::string>() == "wrong_control_digits");
  BOOST_TEST(json["expected_control"].get<std::string>() == "92");
  BOOST_TEST(json["corrected_reference"].get<std::string>() == "921234567890");
}

BOOST_AUTO_TEST_CASE(everyControlDigitMadeByTheDomainChecksAndEveryOtherFails) {
  // Property: for each body, the control digits the domain computes make a valid reference,
  // and the CLI names exactly them when another pair is given.
  for (const std::string body : {"1", "50016", "2012-001-123", "1234567890123456789", "A1B2C3", "0000"}) {
    const std::string control = platnik::banking::Reference::model97ControlFor(body).value();
    BOOST_TEST_CONTEXT("body " << body << ", control " << control) {
      BOOST_TEST(runCli({"reference", "check", "97", control + body}).exitCode == 0);
      const std::string wrong = control == "50" ? "51" : "50";
      const auto run = runCli({"reference", "check", "97", wrong + body, "--json"});
      BOOST_TEST(run.exitCode == 1);
      BOOST_TEST(run.json()["expected_control"].get<std::string>() == control);
      BOOST_TEST(run.json()["corrected_reference"].get<std::string>() == control + body);
    }
  }
}

BOOST_AUTO_TEST_CASE(otherModelsAreCarriedAsGiven) {
  const auto run = runCli({"reference", "check", "00", "12-345-ABC", "--json"});
  BOOST_TEST(run.exitCode == 0);
  BOOST_TEST(run.json()["reference"].get<std::string>() == "12-345-ABC");
}

BOOST_AUTO_TEST_CASE(malformedModelsAndReferencesAreInvalid) {
  const std::vector<std::vector<std::string>> cases{
      {"9X", "123"},                       // model is not two digits
      {"97", "1"},                         // no room for control digits
      {"00", "123456789012345678901234"},  // 24 characters
      {"00", "12/34"},                     // a character no reference has
  };
  for (const auto& args : cases) {
    const auto run = runCli({"reference", "check", args[0], args[1], "--json"});
    BOOST_TEST_CONTEXT(args[0] << " " << args[1] << "\n" << run.out << run.err) {
      BOOST_TEST(run.exitCode == 1);
      BOOST_TEST(run.json()["valid"].get<bool>() == false);
      BOOST_TEST(!run.json()["error"].get<std::string>().empty());
      BOOST_TEST(!run.json().contains("expected_control"));
    }
  }
}

BOOST_AUTO_TEST_CASE(missingReferenceIsAUsageError) {
  const auto run = runCli({"reference", "check", "97"});
  BOOST_TEST(run.exitCode == 2);
  BOOST_TEST(run.out.empty());
  BOOST_TEST(!run.err.empty());
}

BOOST_AUTO_TEST_SUITE_END()
