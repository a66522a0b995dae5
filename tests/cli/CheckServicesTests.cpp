// The checks platnik-cli prints, used directly as the GUI will use them.
#include "banking/Error.h"
#include "services/AccountCheck.h"
#include "services/ErrorCode.h"
#include "services/QrCheck.h"
#include "services/QrRequest.h"
#include "services/ReferenceCheck.h"

#include <boost/test/unit_test.hpp>

#include <set>
#include <string>
#include <vector>

using platnik::banking::Errc;
using namespace platnik::services;

BOOST_AUTO_TEST_SUITE(CheckServicesTests)

BOOST_AUTO_TEST_CASE(everyErrorCodeHasItsOwnName) {
  std::set<std::string_view> names;
  for (int code = static_cast<int>(Errc::InvalidArgument); code <= static_cast<int>(Errc::Cancelled);
       ++code) {
    const std::string_view name = errorCodeName(static_cast<Errc>(code));
    BOOST_TEST(!name.empty());
    BOOST_TEST(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string_view::npos, name);
    names.insert(name);
  }
  BOOST_TEST(names.size() == static_cast<std::size_t>(Errc::Cancelled) + 1);
}

BOOST_AUTO_TEST_CASE(accountCheckKeepsTheParsedAccountAndItsBank) {
  const auto check = AccountCheck::run("RS35 1600 0000 0018 2039 69");
  BOOST_TEST_REQUIRE(check.valid());
  BOOST_TEST(check.account->digits() == "160000000018203969");
  BOOST_TEST(check.bank.has_value());
  BOOST_TEST(!check.error.has_value());
  BOOST_TEST(check.describeError().empty());
  const Json json = check.toJson();
  BOOST_TEST(json["short"].get<std::string>() == "160-182039-69");
  BOOST_TEST(!json.contains("error"));
}

BOOST_AUTO_TEST_CASE(accountCheckOfNonsense) {
  for (const char* text : {"", "abc", "160-", "1600000000182039690"}) {
    const auto check = AccountCheck::run(text);
    BOOST_TEST(!check.valid(), text);
    BOOST_TEST(check.error.has_value());
    BOOST_TEST(!check.foreignIban.has_value());
    BOOST_TEST(check.toJson()["valid"].get<bool>() == false);
    BOOST_TEST(check.describeError().starts_with("invalid account: "));
  }
}

BOOST_AUTO_TEST_CASE(referenceCheckCorrectsOnlyModel97ControlDigits) {
  const auto wrong = ReferenceCheck::run("97", "91-1234567890");
  BOOST_TEST(!wrong.valid());
  BOOST_TEST(wrong.expectedControl.value() == "92");
  BOOST_TEST(wrong.corrected.value() == "92-1234567890");
  BOOST_TEST(ReferenceCheck::run("97", wrong.corrected.value()).valid());

  const auto tooLong = ReferenceCheck::run("97", "921234567890123456789012345");
  BOOST_TEST(!tooLong.valid());
  BOOST_TEST(!tooLong.expectedControl.has_value());

  const auto other = ReferenceCheck::run("00", "911234567890");
  BOOST_TEST(other.valid());
  BOOST_TEST(!other.expectedControl.has_value());

  const auto empty = ReferenceCheck::run("", "");
  BOOST_TEST(empty.valid());
}

BOOST_AUTO_TEST_CASE(qrTagNamesCoverEveryTag) {
  for (const char* tag : {"K", "V", "C", "R", "N", "I", "O", "P", "SF", "S", "M", "JS", "RO", "RL", "RP"}) {
    BOOST_TEST(!qrTagName(tag).empty(), tag);
  }
  BOOST_TEST(qrTagName("X").empty());
  BOOST_TEST(qrTagName("R") == "payee_account");
}

BOOST_AUTO_TEST_CASE(qrCheckListsTagsInPayloadOrder) {
  QrRequest request;
  request.account = "160000000018203969";
  request.name = "EPS\nBeograd";
  request.amount = "1234,5";
  request.paymentCode = "221";
  request.purpose = "Racun";
  request.model = "97";
  request.reference = "921234567890";
  request.payerAccount = "115-0381693386976-97";
  request.payerName = "Pera";
  const auto payload = request.make();
  BOOST_TEST_REQUIRE(payload.has_value(), (payload ? "" : payload.error().describe()));

  const auto check = QrCheck::run(payload.value());
  BOOST_TEST_REQUIRE(check.valid());
  BOOST_TEST(check.payload == payload.value());
  std::vector<std::string> tags;
  for (const QrTag& tag : check.tags()) {
    tags.emplace_back(tag.tag);
    BOOST_TEST(tag.name == qrTagName(tag.tag));
  }
  const std::vector<std::string> expected{"K", "V", "C", "R", "N", "I", "O", "P", "SF", "S", "RO"};
  BOOST_TEST(tags == expected, boost::test_tools::per_element());
  BOOST_TEST(check.qr->amount->minorUnits() == 123450);
  // A multi-line name continues under the value column in the text form.
  BOOST_TEST(check.describe().find("EPS\n" + std::string(28, ' ') + "Beograd") != std::string::npos,
             check.describe());
}

BOOST_AUTO_TEST_CASE(qrRequestErrorsNameTheRequestField) {
  QrRequest request;
  request.account = "160000000018203969";
  request.name = "EPS";
  request.amount = "10";
  request.paymentCode = "221";
  BOOST_TEST_REQUIRE(request.make().has_value());

  const auto whereOf = [](QrRequest r) { return r.make().error().where; };
  QrRequest bad = request;
  bad.model = "97";
  BOOST_TEST(whereOf(bad) == "reference");
  bad = request;
  bad.reference = "123";
  BOOST_TEST(whereOf(bad) == "model");
  bad = request;
  bad.amount = "ten";
  BOOST_TEST(whereOf(bad) == "amount");
  bad = request;
  bad.payerAccount = "160000000018203968";
  BOOST_TEST(whereOf(bad) == "payer-account");
  bad = request;
  bad.paymentCode = "21";
  BOOST_TEST(whereOf(bad) == "code");
  bad = request;
  bad.name = "";
  BOOST_TEST(whereOf(bad) == "name");
}

BOOST_AUTO_TEST_SUITE_END()
