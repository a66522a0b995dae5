#include "gui/Display.h"

#include "gui/Language.h"

#include <string>

namespace platnik::gui {
namespace {

bool serbian() {
  return currentLanguage().starts_with("sr");
}

}  // namespace

wxString fromUtf8(std::string_view text) {
  return wxString::FromUTF8(text.data(), text.size());
}

wxString displayAmount(const banking::Money& amount) {
  std::string text = amount.toDisplay();  // "1.234,56"
  if (!serbian()) {
    for (char& c : text) {
      c = c == '.' ? ',' : c == ',' ? '.' : c;
    }
  }
  return fromUtf8(text);
}

wxString displayAmountWithCurrency(const banking::Money& amount) {
  return displayAmount(amount) + " " + fromUtf8(amount.currency().code());
}

wxString displayDate(banking::Date date) {
  return fromUtf8(serbian() ? banking::toSerbianString(date) : banking::toIsoString(date));
}

}  // namespace platnik::gui
