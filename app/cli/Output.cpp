#include "Output.h"

#include <fmt/core.h>

#include <cstdio>

namespace platnik::cli {

void printResult(std::string_view text) {
  fmt::print(stdout, "{}", text);
}

void printJson(const services::Json& json) {
  fmt::print(stdout, "{}\n", json.dump(2));
}

void printProblem(std::string_view text) {
  fmt::print(stderr, "{}", text);
}

}  // namespace platnik::cli
