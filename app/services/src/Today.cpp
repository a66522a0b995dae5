#include "services/Today.h"

#include <chrono>
#include <ctime>
#include <stdexcept>

namespace platnik::services {

banking::Date today() {
  // libstdc++ 12 has no time-zone database in <chrono>; localtime_r knows the local zone.
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  if (localtime_r(&now, &local) == nullptr) {
    throw std::runtime_error("the local date is unknown (localtime_r failed)");
  }
  return banking::Date{std::chrono::year{local.tm_year + 1900},
                       std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                       std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

}  // namespace platnik::services
