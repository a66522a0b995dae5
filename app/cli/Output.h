#pragma once

#include "services/Json.h"

#include <string_view>

namespace platnik::cli {

/// Results go to stdout: text as given, JSON indented by two spaces, each ending in a newline.
void printResult(std::string_view text);
void printJson(const services::Json& json);
/// What is wrong goes to stderr.
void printProblem(std::string_view text);

/// Prints the outcome of a check (services::AccountCheck, ReferenceCheck, QrCheck, …): one
/// JSON object with `json`, else the result on stdout or what is wrong on stderr. Returns the
/// exit code: 0 valid, 1 invalid.
template <class Check>
int reportCheck(const Check& check, bool json) {
  if (json) {
    printJson(check.toJson());
  } else if (check.valid()) {
    printResult(check.describe());
  } else {
    printProblem(check.describeError());
  }
  return check.valid() ? 0 : 1;
}

}  // namespace platnik::cli
