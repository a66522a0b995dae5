#pragma once

#include "gui/ModalAnswers.h"

#include <boost/test/unit_test.hpp>
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/textctrl.h>

#include <deque>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace platnik::guitest {

/// Presses a button as a click would: its wxEVT_BUTTON goes through the handlers bound to it
/// (and up to its dialog or page).
inline void press(wxButton* button) {
  BOOST_TEST_REQUIRE(button != nullptr);
  BOOST_TEST_REQUIRE(button->IsEnabled());
  wxCommandEvent event(wxEVT_BUTTON, button->GetId());
  event.SetEventObject(button);
  button->Command(event);
}

/// Presses the dialog's OK button; the dialog's return code, wxID_NONE when it stayed open.
inline int pressOk(wxDialog& dialog) {
  dialog.SetReturnCode(wxID_NONE);
  press(dynamic_cast<wxButton*>(dialog.FindWindow(wxID_OK)));
  return dialog.GetReturnCode() == wxID_OK ? wxID_OK : wxID_NONE;
}

/// Answers the modal questions of the window from queues, in order, while it is installed.
/// A question the test did not expect fails the test (and cancels).
class ScriptedAnswers : public gui::ModalAnswers {
 public:
  std::deque<std::function<int(wxDialog&)>> dialogs;  ///< each gets the real dialog, returns its code
  std::deque<wxString> files;                         ///< answers to fileToOpen and fileToSave
  std::deque<bool> confirmations;
  std::vector<wxString> told;

  int showModal(wxDialog& dialog) override {
    if (dialogs.empty()) {
      BOOST_ERROR("unexpected dialog: " + dialog.GetTitle().utf8_string());
      return wxID_CANCEL;
    }
    auto answer = std::move(dialogs.front());
    dialogs.pop_front();
    return answer(dialog);
  }
  wxString fileToOpen(wxWindow*, const wxString& message, const wxString&) override { return file(message); }
  wxString fileToSave(wxWindow*, const wxString& message, const wxString&, const wxString&) override {
    return file(message);
  }
  bool confirm(wxWindow*, const wxString& message, const wxString&) override {
    if (confirmations.empty()) {
      BOOST_ERROR("unexpected question: " + message.utf8_string());
      return false;
    }
    const bool answer = confirmations.front();
    confirmations.pop_front();
    return answer;
  }
  void tell(wxWindow*, const wxString& message, const wxString&, bool) override { told.push_back(message); }

  /// Everything asked was answered.
  [[nodiscard]] bool done() const { return dialogs.empty() && files.empty() && confirmations.empty(); }

 private:
  wxString file(const wxString& message) {
    if (files.empty()) {
      BOOST_ERROR("unexpected file chooser: " + message.utf8_string());
      return {};
    }
    wxString answer = files.front();
    files.pop_front();
    return answer;
  }
};

/// ScriptedAnswers installed as the window's answers for the object's lifetime.
struct InstalledAnswers : ScriptedAnswers {
  gui::ScopedModalAnswers installed{*this};
  InstalledAnswers() = default;
  InstalledAnswers(const InstalledAnswers&) = delete;
  InstalledAnswers& operator=(const InstalledAnswers&) = delete;
  /// The last thing the window told the user ("" when nothing).
  [[nodiscard]] wxString last() const { return told.empty() ? wxString() : told.back(); }
};

}  // namespace platnik::guitest
