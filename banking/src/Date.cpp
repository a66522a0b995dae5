#include "banking/Date.h"

#include <fmt/format.h>

#include <charconv>

namespace platnik::banking {
namespace {

bool parseNumber(std::string_view text, int& out) {
  if (text.empty()) {
    return false;
  }
  for (char c : text) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && ptr == text.data() + text.size();
}

Result<Date> fromParts(std::string_view text, std::string_view y, std::string_view m, std::string_view d) {
  int year = 0;
  int month = 0;
  int day = 0;
  if (!parseNumber(y, year) || !parseNumber(m, month) || !parseNumber(d, day)) {
    return fail(Errc::InvalidArgument, "'" + std::string(text) + "' is not a date");
  }
  return makeDate(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

}  // namespace

Result<Date> makeDate(int year, unsigned month, unsigned day) {
  const Date date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  if (!date.ok() || year < 1900 || year > 9999) {
    return fail(Errc::InvalidArgument,
                fmt::format("{:04}-{:02}-{:02} is not a valid date", year, month, day));
  }
  return date;
}

Result<Date> parseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return fail(Errc::InvalidArgument, "'" + std::string(text) + "' is not a date of the form YYYY-MM-DD");
  }
  return fromParts(text, text.substr(0, 4), text.substr(5, 2), text.substr(8, 2));
}

Result<Date> parseSerbianDate(std::string_view text) {
  std::string_view t = text;
  if (t.size() == 11 && t.back() == '.') {
    t.remove_suffix(1);
  }
  if (t.size() != 10 || t[2] != '.' || t[5] != '.') {
    return fail(Errc::InvalidArgument, "'" + std::string(text) + "' is not a date of the form DD.MM.YYYY");
  }
  return fromParts(text, t.substr(6, 4), t.substr(3, 2), t.substr(0, 2));
}

std::string toIsoString(Date date) {
  const int year = static_cast<int>(date.year());
  if (year >= 0 && year <= 9999) {
    // By hand: statement imports format millions of dates.
    const auto month = static_cast<unsigned>(date.month());
    const auto day = static_cast<unsigned>(date.day());
    std::string text(10, '-');
    text[0] = static_cast<char>('0' + year / 1000);
    text[1] = static_cast<char>('0' + year / 100 % 10);
    text[2] = static_cast<char>('0' + year / 10 % 10);
    text[3] = static_cast<char>('0' + year % 10);
    text[5] = static_cast<char>('0' + month / 10 % 10);
    text[6] = static_cast<char>('0' + month % 10);
    text[8] = static_cast<char>('0' + day / 10 % 10);
    text[9] = static_cast<char>('0' + day % 10);
    return text;
  }
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

std::string toSerbianString(Date date) {
  return fmt::format("{:02}.{:02}.{:04}", static_cast<unsigned>(date.day()),
                     static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
}

}  // namespace platnik::banking
