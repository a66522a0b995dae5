#include "CliRunner.h"
#include "banking/Account.h"
#include "banking/Banks.h"

#include <boost/test/unit_test.hpp>

#include <string>

using platnik::testsupport::runCli;

namespace {

/// A valid account with bank code `code`, made by the domain's control-digit routine.
std::string accountWithBank(const std::string& code) {
  const std::string first16 = code + "0000000012345";
  return first16 + platnik::banking::Account::controlDigitsFor(first16).value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(AccountCommandTests)

BOOST_AUTO_TEST_CASE(validAccountPrintsEveryFormAndTheBank) {
  const auto run = runCli({"account", "check", "160000000018203969"});
  BOOST_TEST_CONTEXT("stdout:\n" << run.out << "stderr:\n" << run.err) {
    BOOST_TEST(run.exitCode == 0);
    BOOST_TEST(run.err.empty());
    BOOST_TEST(run.out.find("160000000018203969") != std::string::npos);
    BOOST_TEST(run.out.find("160-182039-69") != std::string::npos);
    BOOST_TEST(run.out.find("RS35160000000018203969") != std::string::npos);
    const auto bank = platnik::banking::findBank("160");
    BOOST_REQUIRE(bank.has_value());
    BOOST_TEST(run.out.find(std::string(bank->name)) != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(wrongControlDigitsExitOneWithTheReasonOnStderr) {
  const auto run = runCli({"account", "check", "160000000018203968"});
  BOOST_TEST_CONTEXT("stdout:\n" << run.out << "stderr:\n" << run.err) {
    BOOST_TEST(run.exitCode == 1);
    BOOST_TEST(run.out.empty());
    BOOST_TEST(run.err.find("invalid account") != std::string::npos);
    BOOST_TEST(run.err.find("68") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(shortFormGivesTheJsonObject) {
  const auto run = runCli({"account", "check", "115-0381693386976-97", "--json"});
  BOOST_TEST_CONTEXT("stdout:\n" << run.out << "stderr:\n" << run.err) {
    BOOST_TEST(run.exitCode == 0);
    BOOST_TEST(run.err.empty());
    const auto json = run.json();
    BOOST_TEST(json["valid"].get<bool>() == true);
    BOOST_TEST(json["account"].get<std::string>() == "115038169338697697");
    BOOST_TEST(json["short"].get<std::string>() == "115-381693386976-97");
    BOOST_TEST(json["iban"].get<std::string>() == "RS35115038169338697697");
    BOOST_TEST(json["bank_code"].get<std::string>() == "115");
    BOOST_TEST(json["bank"].is_string());
    BOOST_TEST(!json.contains("error"));
  }
}

BOOST_AUTO_TEST_CASE(serbianIbanWithSpacesIsADomesticAccount) {
  const auto run = runCli({"account", "check", "RS35 1600 0000 0018 2039 69", "--json"});
  BOOST_TEST(run.exitCode == 0);
  BOOST_TEST(run.json()["account"].get<std::string>() == "160000000018203969");
}

BOOST_AUTO_TEST_CASE(invalidAccountAsJsonCarriesTheError) {
  const auto run = runCli({"account", "check", "160000000018203968", "--json"});
  BOOST_TEST_CONTEXT("stdout:\n" << run.out << "stderr:\n" << run.err) {
    BOOST_TEST(run.exitCode == 1);
    BOOST_TEST(run.err.empty());
    const auto json = run.json();
    BOOST_TEST(json["valid"].get<bool>() == false);
    BOOST_TEST(json["account"].get<std::string>() == "160000000018203968");
    BOOST_TEST(json["short"].is_null());
    BOOST_TEST(json["iban"].is_null());
    BOOST_TEST(!json["error"].get<std::string>().empty());
    BOOST_TEST(json["error_code"].get<std::string>() == "wrong_control_digits");
  }
}

BOOST_AUTO_TEST_CASE(letterInAccountIsInvalid) {
  const auto run = runCli({"account", "check", "16000000001820396X", "--json"});
  BOOST_TEST(run.exitCode == 1);
  BOOST_TEST(run.json()["valid"].get<bool>() == false);
}

BOOST_AUTO_TEST_CASE(foreignIbanIsValidButNotDomestic) {
  const auto run = runCli({"account", "check", "DE89 3704 0044 0532 0130 00", "--json"});
  BOOST_TEST_CONTEXT("stdout:\n" << run.out << "stderr:\n" << run.err) {
    BOOST_TEST(run.exitCode == 1);
    const auto json = run.json();
    BOOST_TEST(json["valid"].get<bool>() == false);
    BOOST_TEST(json["iban"].get<std::string>() == "DE89370400440532013000");
    BOOST_TEST(json["iban_country"].get<std::string>() == "DE");
    BOOST_TEST(json["error"].get<std::string>().find("not a Serbian domestic account") != std::string::npos);
  }
  const auto text = runCli({"account", "check", "DE89370400440532013000"});
  BOOST_TEST(text.exitCode == 1);
  BOOST_TEST(text.err.find("valid IBAN of country DE") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(foreignIbanWithWrongCheckDigitsIsNotCalledValid) {
  const auto run = runCli({"account", "check", "DE88370400440532013000", "--json"});
  BOOST_TEST(run.exitCode == 1);
  BOOST_TEST(!run.json().contains("iban_country"));
}

BOOST_AUTO_TEST_CASE(unknownBankCodeIsStillAValidAccount) {
  std::string code;
  for (int candidate = 999; candidate > 100 && code.empty(); --candidate) {
    if (!platnik::banking::findBank(std::to_string(candidate))) {
      code = std::to_string(candidate);
    }
  }
  BOOST_REQUIRE(!code.empty());
  const std::string account = accountWithBank(code);
  const auto text = runCli({"account", "check", account});
  BOOST_TEST_CONTEXT("stdout:\n" << text.out << "stderr:\n" << text.err) {
    BOOST_TEST(text.exitCode == 0);
    BOOST_TEST(text.out.find("unknown bank code " + code) != std::string::npos);
  }
  const auto json = runCli({"account", "check", account, "--json"});
  BOOST_TEST(json.exitCode == 0);
  BOOST_TEST(json.json()["bank"].is_null());
  BOOST_TEST(json.json()["bank_code"].get<std::string>() == code);
}

BOOST_AUTO_TEST_CASE(missingArgumentIsAUsageError) {
  const auto run = runCli({"account", "check"});
  BOOST_TEST(run.exitCode == 2);
  BOOST_TEST(run.out.empty());
  BOOST_TEST(run.err.find("ACCOUNT") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknownOptionAndMissingSubcommandAreUsageErrors) {
  BOOST_TEST(runCli({"account", "check", "160000000018203969", "--xml"}).exitCode == 2);
  BOOST_TEST(runCli({"account"}).exitCode == 2);
  BOOST_TEST(runCli({}).exitCode == 2);
  BOOST_TEST(runCli({"statement"}).exitCode == 2);
}

BOOST_AUTO_TEST_CASE(helpAndVersionExitZeroOnStdout) {
  for (const auto& args : std::vector<std::vector<std::string>>{{"--help"},
                                                                {"account", "--help"},
                                                                {"account", "check", "--help"},
                                                                {"reference", "check", "--help"},
                                                                {"qr", "parse", "--help"},
                                                                {"qr", "make", "--help"},
                                                                {"order", "validate", "--help"}}) {
    const auto run = runCli(args);
    BOOST_TEST_CONTEXT(args.back() << " of " << args.front()) {
      BOOST_TEST(run.exitCode == 0);
      BOOST_TEST(run.out.find("Usage") != std::string::npos);
      BOOST_TEST(run.err.empty());
    }
  }
  const auto version = runCli({"--version"});
  BOOST_TEST(version.exitCode == 0);
  BOOST_TEST(version.out == std::string(PLATNIK_VERSION) + "\n");
}

BOOST_AUTO_TEST_SUITE_END()
