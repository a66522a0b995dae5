#include "services/ReferenceCheck.h"

#include "services/ErrorCode.h"

#include <fmt/format.h>

namespace platnik::services {

ReferenceCheck ReferenceCheck::run(std::string_view model, std::string_view number) {
  ReferenceCheck check;
  check.model = std::string(model);
  check.number = std::string(number);
  auto reference = banking::Reference::parse(model, number);
  if (reference) {
    check.reference = reference.value();
    return check;
  }
  check.error = reference.error();
  // Model 97: the first two characters are the control digits over the rest.
  if (reference.error().code == banking::Errc::WrongControlDigits && model == "97" && number.size() > 2) {
    const std::string_view body = number.substr(2);
    if (auto control = banking::Reference::model97ControlFor(body)) {
      check.expectedControl = control.value();
      check.corrected = control.value() + std::string(body);
    }
  }
  return check;
}

Json ReferenceCheck::toJson() const {
  Json json = Json::object();
  json["valid"] = valid();
  json["model"] = reference ? reference->model : model;
  json["reference"] = reference ? reference->number : number;
  if (!valid()) {
    json["error"] = error ? error->message : std::string();
    json["error_code"] = std::string(errorCodeName(error ? error->code : banking::Errc::InvalidArgument));
    if (expectedControl) {
      json["expected_control"] = *expectedControl;
      json["corrected_reference"] = *corrected;
    }
  }
  return json;
}

std::string ReferenceCheck::describe() const {
  if (!reference) {
    return describeError();
  }
  std::string text = fmt::format(
      "model:     {}\n"
      "reference: {}\n",
      reference->model.empty() ? "(none)" : reference->model, reference->number);
  if (reference->model == "97") {
    text += "control:   model 97 control digits match\n";
  } else if (!reference->model.empty()) {
    text += fmt::format("control:   model {} has no control digits to check\n", reference->model);
  }
  return text;
}

std::string ReferenceCheck::describeError() const {
  if (!error) {
    return {};
  }
  std::string text = fmt::format("invalid reference: {}\n", error->message);
  if (expectedControl) {
    text +=
        fmt::format("correct control digits: {}\ncorrected reference:    {}\n", *expectedControl, *corrected);
  }
  return text;
}

}  // namespace platnik::services
