#pragma once

#include "banking/Error.h"  // before wx: Boost.Outcome cannot be read once wx defines _()
#include "crypto/Interaction.h"
#include "crypto/SecureString.h"
#include "crypto/TokenInfo.h"

#include <wx/dialog.h>

#include <cstddef>
#include <optional>

class wxStaticText;
class wxTextCtrl;

namespace platnik::gui {

/// New PINs are 4 to 16 characters (smart cards take 4 to 8 digits or more; the token may
/// refuse a PIN these limits allow, and says so).
inline constexpr std::size_t kMinPinLength = 4;
inline constexpr std::size_t kMaxPinLength = 16;

/// The state of a PIN (or PUK) in words, with the tries left when the token tells them.
wxString pinStateText(const crypto::PinState& state);
/// Why `first` and `second` cannot be the new PIN ("" when they can): empty, too short, too
/// long, or the two entries differ. Checked before the token is touched.
wxString newPinProblem(const wxString& first, const wxString& second);

/// Asks the PIN (or the PUK) once, saying why, for which token, and how many tries are left.
class PinDialog : public wxDialog {
 public:
  PinDialog(wxWindow* parent, const crypto::PinRequest& request);
  ~PinDialog() override;

  [[nodiscard]] wxTextCtrl* pinField() const { return m_pin; }
  /// The line about the PIN's state and tries left.
  [[nodiscard]] wxString stateText() const;
  /// OK: finishes the dialog unless the field is empty.
  void submit();
  [[nodiscard]] crypto::SecureString pin() const;

 private:
  wxTextCtrl* m_pin = nullptr;
  wxStaticText* m_state = nullptr;
  wxStaticText* m_message = nullptr;
};

/// Asks a new PIN twice; refuses (with the reason beside the fields) PINs that differ or do
/// not have an acceptable length.
class NewPinDialog : public wxDialog {
 public:
  NewPinDialog(wxWindow* parent, const crypto::PinRequest& request);
  ~NewPinDialog() override;

  [[nodiscard]] wxTextCtrl* firstField() const { return m_first; }
  [[nodiscard]] wxTextCtrl* secondField() const { return m_second; }
  /// The reason the entries were refused ("" when none).
  [[nodiscard]] wxString message() const;
  /// OK: finishes the dialog when the two entries make a good PIN, else shows why.
  bool submit();
  [[nodiscard]] crypto::SecureString pin() const;

 private:
  wxTextCtrl* m_first = nullptr;
  wxTextCtrl* m_second = nullptr;
  wxStaticText* m_message = nullptr;
};

/// crypto::Interaction for the window: PINs through PinDialog and NewPinDialog, questions
/// through modalAnswers() (so tests answer them). The busy cursor is lifted while asking.
class GuiInteraction : public crypto::Interaction {
 public:
  explicit GuiInteraction(wxWindow* parent) : m_parent(parent) {}

  std::optional<crypto::SecureString> askPin(const crypto::PinRequest& request) override;
  std::optional<crypto::SecureString> askNewPin(const crypto::PinRequest& request) override;
  bool confirm(crypto::Question question, std::string_view detail) override;
  void progress(std::size_t done, std::size_t total) override;
  [[nodiscard]] bool cancelled() const override { return false; }

 private:
  wxWindow* m_parent;
};

}  // namespace platnik::gui
