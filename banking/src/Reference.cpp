#include "banking/Reference.h"

#include "banking/Iban.h"
#include "banking/Text.h"

#include <fmt/format.h>

namespace platnik::banking {
namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
bool isLetter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool isSeparator(char c) {
  return c == ' ' || c == '-';
}

/// The body without spaces and dashes; fails on any other character that is not a digit or
/// an ASCII letter.
Result<std::string> compact(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (isDigit(c) || isLetter(c)) {
      out.push_back(c);
    } else if (!isSeparator(c)) {
      return fail(
          Errc::InvalidArgument,
          fmt::format("'{}' holds '{}'; a reference has only digits, letters, spaces and dashes", text, c),
          "number");
    }
  }
  return out;
}

}  // namespace

Result<std::string> Reference::model97ControlFor(std::string_view body) {
  BOOST_OUTCOME_TRY(compacted, compact(body));
  if (compacted.empty()) {
    return fail(Errc::InvalidArgument, "a model-97 reference needs digits after its control digits",
                "number");
  }
  BOOST_OUTCOME_TRY(remainder, mod97(compacted + "00"));
  return fmt::format("{:02}", 98 - remainder);
}

Result<Reference> Reference::parse(std::string_view model, std::string_view number) {
  if (!model.empty() && (model.size() != 2 || !isDigit(model[0]) || !isDigit(model[1]))) {
    return fail(Errc::InvalidArgument, fmt::format("the model '{}' must be two digits or empty", model),
                "model");
  }
  if (const auto count = characterCount(number); count > kMaxNumberLength) {
    return fail(Errc::InvalidArgument,
                fmt::format("the reference '{}' has {} characters; at most {} are allowed", number, count,
                            kMaxNumberLength),
                "number");
  }
  BOOST_OUTCOME_TRY(compacted, compact(number));
  if (compacted.empty() && !number.empty()) {
    return fail(Errc::InvalidArgument, fmt::format("the reference '{}' has no digits or letters", number),
                "number");
  }
  if (compacted.empty() && !model.empty()) {
    return fail(Errc::InvalidArgument,
                fmt::format("model {} is given but the reference number is empty", model), "number");
  }
  if (model == "97") {
    if (compacted.size() < 3 || !isDigit(compacted[0]) || !isDigit(compacted[1])) {
      return fail(Errc::InvalidArgument,
                  fmt::format("the model-97 reference '{}' must start with two control digits followed by "
                              "the reference",
                              number),
                  "number");
    }
    BOOST_OUTCOME_TRY(expected, model97ControlFor(std::string_view(compacted).substr(2)));
    if (compacted.compare(0, 2, expected) != 0) {
      return fail(Errc::WrongControlDigits,
                  fmt::format("the model-97 reference '{}' has control digits {}; they should be {}", number,
                              compacted.substr(0, 2), expected),
                  "number");
    }
  }
  return Reference{std::string(model), std::string(number)};
}

}  // namespace platnik::banking
