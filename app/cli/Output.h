#pragma once

#include "services/Json.h"

#include <string_view>

namespace platnik::cli {

/// Results go to stdout: text as given, JSON indented by two spaces, each ending in a newline.
void printResult(std::string_view text);
void printJson(const services::Json& json);
/// What is wrong goes to stderr.
void printProblem(std::string_view text);

}  // namespace platnik::cli
