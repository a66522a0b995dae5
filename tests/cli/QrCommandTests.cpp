#include "CliRunner.h"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using platnik::testsupport::runCli;

namespace {

const std::vector<std::string> kBill{
    "qr",       "make",    "--account",   "160-182039-69", "--name",    "JP EPS Beograd",
    "--amount", "1234.56", "--code",      "289",           "--purpose", "Racun za struju",
    "--model",  "97",      "--reference", "921234567890"};

std::string trimNewline(std::string text) {
  if (!text.empty() && text.back() == '\n') {
    text.pop_back();
  }
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(QrCommandTests)

BOOST_AUTO_TEST_CASE(makePrintsThePayload) {
  const auto run = runCli(kBill);
  BOOST_TEST_CONTEXT("stdout:\n" << run.out << "stderr:\n" << run.err) {
    BOOST_TEST(run.exitCode == 0);
    BOOST_TEST(run.err.empty());
    BOOST_TEST(run.out ==
               "K:PR|V:01|C:1|R:160000000018203969|N:JP EPS Beograd|I:RSD1234,56|SF:289|S:Racun za struju|"
               "RO:97921234567890\n");
  }
}

BOOST_AUTO_TEST_CASE(makeThenParseGivesBackEveryField) {
  const auto made = runCli(kBill);
  BOOST_REQUIRE(made.exitCode == 0);
  const std::string payload = trimNewline(made.out);
  const auto run = runCli({"qr", "parse", payload, "--json"});
  BOOST_TEST_CONTEXT("stdout:\n" << run.out << "stderr:\n" << run.err) {
    BOOST_TEST(run.exitCode == 0);
    const auto json = run.json();
    BOOST_TEST(json["valid"].get<bool>() == true);
    BOOST_TEST(json["payload"].get<std::string>() == payload);
    const auto& fields = json["fields"];
    BOOST_TEST(fields["payee_account"].get<std::string>() == "160000000018203969");
    BOOST_TEST(fields["payee_name"].get<std::string>() == "JP EPS Beograd");
    BOOST_TEST(fields["amount"].get<std::string>() == "1234.56");
    BOOST_TEST(fields["currency"].get<std::string>() == "RSD");
    BOOST_TEST(fields["payment_code"].get<std::string>() == "289");
    BOOST_TEST(fields["purpose"].get<std::string>() == "Racun za struju");
    BOOST_TEST(fields["payee_reference"].get<std::string>() == "97921234567890");
    const auto& tags = json["tags"];
    BOOST_TEST(tags["R"].get<std::string>() == "160000000018203969");
    BOOST_TEST(tags["I"].get<std::string>() == "RSD1234,56");
    BOOST_TEST(tags["SF"].get<std::string>() == "289");
    BOOST_TEST(tags["RO"].get<std::string>() == "97921234567890");
    BOOST_TEST(tags.size() == 9U);
  }
}

BOOST_AUTO_TEST_CASE(parseTextShowsEveryTagWithItsName) {
  const std::string payload = trimNewline(runCli(kBill).out);
  const auto run = runCli({"qr", "parse", payload});
  BOOST_TEST_CONTEXT("stdout:\n" << run.out << "stderr:\n" << run.err) {
    BOOST_TEST(run.exitCode == 0);
    for (const std::string line :
         {"K   kind", "R   payee_account           160000000018203969",
          "I   amount                  RSD1234,56", "SF  payment_code            289",
          "RO  payee_reference         97921234567890", "1.234,56 RSD"}) {
      BOOST_TEST(run.out.find(line) != std::string::npos, "missing: " << line);
    }
  }
}

BOOST_AUTO_TEST_CASE(serbianAndMachineAmountsMakeTheSameString) {
  std::vector<std::string> serbian = kBill;
  serbian[7] = "1.234,56";
  const auto a = runCli(kBill);
  const auto b = runCli(serbian);
  BOOST_TEST(b.exitCode == 0);
  BOOST_TEST(a.out == b.out);
}

BOOST_AUTO_TEST_CASE(optionalPayerFieldsRoundTrip) {
  const auto made = runCli({"qr", "make", "--account", "RS35160000000018203969", "--name", "Firma\nBeograd",
                            "--amount", "10", "--code", "221", "--payer-account", "115-0381693386976-97",
                            "--payer-name", "Pera Peric"});
  BOOST_TEST_CONTEXT("stdout:\n" << made.out << "stderr:\n" << made.err) {
    BOOST_REQUIRE(made.exitCode == 0);
    const auto run = runCli({"qr", "parse", trimNewline(made.out), "--json"});
    BOOST_TEST(run.exitCode == 0);
    const auto fields = run.json()["fields"];
    BOOST_TEST(fields["payee_name"].get<std::string>() == "Firma\nBeograd");
    BOOST_TEST(fields["payer_account"].get<std::string>() == "115038169338697697");
    BOOST_TEST(fields["payer_name"].get<std::string>() == "Pera Peric");
    BOOST_TEST(fields["amount"].get<std::string>() == "10.00");
  }
}

BOOST_AUTO_TEST_CASE(parseNamesTheBadTag) {
  const auto run =
      runCli({"qr", "parse", "K:PR|V:01|C:1|R:160000000018203968|N:X|I:RSD1,00|SF:289", "--json"});
  BOOST_TEST_CONTEXT("stdout:\n" << run.out << "stderr:\n" << run.err) {
    BOOST_TEST(run.exitCode == 1);
    const auto json = run.json();
    BOOST_TEST(json["valid"].get<bool>() == false);
    BOOST_TEST(json["tag"].get<std::string>() == "R");
    BOOST_TEST(!json["error"].get<std::string>().empty());
  }
  const auto text = runCli({"qr", "parse", "K:PR|V:01|C:1|R:160000000018203969|N:X|I:RSD1.00|SF:289"});
  BOOST_TEST(text.exitCode == 1);
  BOOST_TEST(text.out.empty());
  BOOST_TEST(text.err.find("tag I (amount)") != std::string::npos, text.err);
}

BOOST_AUTO_TEST_CASE(makeRejectsBadDataNamingTheOption) {
  struct Case {
    std::string option;
    std::string value;
  };
  for (const Case& c : std::vector<Case>{{"--amount", "12.345"},
                                         {"--amount", "12,3,4"},
                                         {"--account", "160000000018203968"},
                                         {"--reference", "911234567890"}}) {
    std::vector<std::string> args = kBill;
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
      if (args[i] == c.option) {
        args[i + 1] = c.value;
      }
    }
    const auto run = runCli(args);
    BOOST_TEST_CONTEXT(c.option << " " << c.value << "\n" << run.err) {
      BOOST_TEST(run.exitCode == 1);
      BOOST_TEST(run.out.empty());
      BOOST_TEST(run.err.find(c.option.substr(2) + ":") != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(makeUsageErrors) {
  // a model without a reference, and a missing required option
  BOOST_TEST(runCli({"qr", "make", "--account", "160000000018203969", "--name", "X", "--amount", "1",
                     "--code", "289", "--model", "97"})
                 .exitCode == 2);
  const auto run = runCli({"qr", "make", "--account", "160000000018203969", "--name", "X", "--code", "289"});
  BOOST_TEST(run.exitCode == 2);
  BOOST_TEST(run.err.find("--amount") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
