#pragma once

#include "banking/PaymentOrder.h"
#include "gui/ModalAnswers.h"
#include "services/OrderBook.h"
#include "storage/Database.h"

#include <boost/test/unit_test.hpp>
#include <wx/dialog.h>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace platnik::guitest {

/// Answers the Orders page's and the editor's questions as the test scripted them, and keeps
/// what they told (message, whether as a problem); installed for its lifetime.
struct OrderAnswers : gui::ModalAnswers {
  std::deque<wxString> files;  ///< the next file choices
  bool yes = true;             ///< the answer to confirmations
  int confirmations = 0;
  std::vector<std::pair<wxString, bool>> told;
  std::function<int(wxDialog&)> onDialog;  ///< fills a dialog shown modally
  gui::ScopedModalAnswers installed{*this};

  OrderAnswers() = default;
  OrderAnswers(const OrderAnswers&) = delete;
  OrderAnswers& operator=(const OrderAnswers&) = delete;

  int showModal(wxDialog& dialog) override {
    if (!onDialog) {
      BOOST_ERROR("unexpected dialog: " + dialog.GetTitle().utf8_string());
      return wxID_CANCEL;
    }
    return onDialog(dialog);
  }
  wxString fileToOpen(wxWindow*, const wxString&, const wxString&) override { return next(); }
  wxString fileToSave(wxWindow*, const wxString&, const wxString&, const wxString&) override {
    return next();
  }
  bool confirm(wxWindow*, const wxString&, const wxString&) override {
    ++confirmations;
    return yes;
  }
  void tell(wxWindow*, const wxString& message, const wxString&, bool problem) override {
    told.emplace_back(message, problem);
  }
  [[nodiscard]] wxString last() const { return told.empty() ? wxString() : told.back().first; }
  [[nodiscard]] bool lastWasProblem() const { return !told.empty() && told.back().second; }

 private:
  wxString next() {
    if (files.empty()) {
      BOOST_ERROR("unexpected file chooser");
      return {};
    }
    wxString file = files.front();
    files.pop_front();
    return file;
  }
};

/// Today on this computer's calendar (the window's clock).
inline banking::Date todayHere() {
  return banking::Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

/// A valid domestic order: `minorUnits` RSD from the test company to the power company.
inline banking::PaymentOrder validOrder(std::int64_t minorUnits,
                                        const std::string& purpose = "Uplata po računu") {
  banking::PaymentOrder order;
  order.payerName = "Knjigovodstvo Petrović";
  order.payerPlace = "Čačak";
  order.payerAccount = "160-182039-69";
  order.recipientName = "JP EPS Beograd";
  order.recipientPlace = "Beograd";
  order.recipientAccount = "845000000040484987";
  order.amount = banking::Money(minorUnits, banking::Currency::rsd());
  order.paymentCode = "289";
  order.purpose = purpose;
  order.creditReference = {"97", "163220000111111111000"};
  return order;
}

/// Stores `order` as the editor's Save does (ready when valid, else a draft).
inline std::int64_t storeOrder(storage::Database& database, const banking::PaymentOrder& order) {
  auto id = services::saveOrder(database, std::nullopt, order, todayHere());
  BOOST_REQUIRE_MESSAGE(id.has_value(), (id ? "" : id.error().describe()));
  return id.value();
}

inline services::OrderRow storedRow(storage::Database& database, std::int64_t id) {
  auto row = services::orderRow(database, id, todayHere());
  BOOST_REQUIRE_MESSAGE(row.has_value(), (row ? "" : row.error().describe()));
  return row.value();
}

}  // namespace platnik::guitest
