#include "gui/PinDialogs.h"

#include "gui/Display.h"
#include "gui/ModalAnswers.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <algorithm>

namespace platnik::gui {
namespace {

const wxColour kProblemColour(176, 0, 32);

wxString purposeText(crypto::PinPurpose purpose) {
  switch (purpose) {
    case crypto::PinPurpose::Login:
      return _("Enter the PIN of the token to sign.");
    case crypto::PinPurpose::ChangePin:
      return _("Enter the current PIN; the new PIN is asked next.");
    case crypto::PinPurpose::Activation:
      return _("Enter the PIN you received with the certificate; then choose your own PIN.");
    case crypto::PinPurpose::Unblock:
      return _("Enter the PUK (the unblocking code you received with the certificate).");
  }
  return {};
}

/// Reads a secret out of a field and wipes the field.
crypto::SecureString takeSecret(wxTextCtrl* field) {
  std::string utf8 = field->GetValue().utf8_string();
  crypto::SecureString secret(utf8);
  std::fill(utf8.begin(), utf8.end(), '\0');  // the copy is wiped too
  return secret;
}

}  // namespace

wxString pinStateText(const crypto::PinState& state) {
  wxString text;
  if (state.locked) {
    text = _("locked");
  } else if (state.finalTry) {
    text = _("final try: one more wrong entry locks it");
  } else if (state.countLow) {
    text = _("a wrong entry was made: few tries left");
  } else if (state.toBeChanged) {
    text = _("to be changed: change the PIN to activate the token");
  } else {
    text = _("OK");
  }
  if (const auto tries = state.triesLeft(); tries && !state.locked) {
    text += " " + wxString::Format(_("(tries left: %d)"), *tries);
  }
  return text;
}

wxString newPinProblem(const wxString& first, const wxString& second) {
  if (first.empty()) {
    return _("Enter the new PIN.");
  }
  if (first.length() < kMinPinLength || first.length() > kMaxPinLength) {
    return wxString::Format(_("The PIN must have %d to %d characters."), static_cast<int>(kMinPinLength),
                            static_cast<int>(kMaxPinLength));
  }
  if (first != second) {
    return _("The two entries differ: enter the same new PIN twice.");
  }
  return {};
}

PinDialog::PinDialog(wxWindow* parent, const crypto::PinRequest& request)
    : wxDialog(parent, wxID_ANY, request.purpose == crypto::PinPurpose::Unblock ? _("PUK") : _("PIN")) {
  SetName("pinDialog");
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(new wxStaticText(this, wxID_ANY, wxString::Format(_("Token: %s"), fromUtf8(request.tokenLabel))),
             wxSizerFlags().Border(wxALL, 8));
  sizer->Add(new wxStaticText(this, wxID_ANY, purposeText(request.purpose)),
             wxSizerFlags().Border(wxLEFT | wxRIGHT, 8));
  const wxString what =
      request.purpose == crypto::PinPurpose::Unblock ? _("PUK state: %s") : _("PIN state: %s");
  m_state = new wxStaticText(this, wxID_ANY, wxString::Format(what, pinStateText(request.state)));
  if (request.state.countLow || request.state.finalTry || request.state.locked) {
    m_state->SetForegroundColour(kProblemColour);
  }
  sizer->Add(m_state, wxSizerFlags().Border(wxALL, 8));
  m_pin = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(220, -1),
                         wxTE_PASSWORD | wxTE_PROCESS_ENTER);
  sizer->Add(m_pin, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 8));
  m_message = new wxStaticText(this, wxID_ANY, wxString());
  m_message->SetForegroundColour(kProblemColour);
  sizer->Add(m_message, wxSizerFlags().Border(wxALL, 8));
  auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
  sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, 8));
  SetSizerAndFit(sizer);
  Bind(
      wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); }, wxID_OK);
  m_pin->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { submit(); });
  m_pin->SetFocus();
}

PinDialog::~PinDialog() {
  m_pin->Clear();
}

wxString PinDialog::stateText() const {
  return m_state->GetLabel();
}

void PinDialog::submit() {
  if (m_pin->IsEmpty()) {
    m_message->SetLabel(_("Enter the PIN."));
    return;
  }
  finishDialog(*this, wxID_OK);
}

crypto::SecureString PinDialog::pin() const {
  return takeSecret(m_pin);
}

NewPinDialog::NewPinDialog(wxWindow* parent, const crypto::PinRequest& request)
    : wxDialog(parent, wxID_ANY, _("New PIN")) {
  SetName("newPinDialog");
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(new wxStaticText(this, wxID_ANY,
                              wxString::Format(_("Choose a new PIN for the token %s (%d to %d characters)."),
                                               fromUtf8(request.tokenLabel), static_cast<int>(kMinPinLength),
                                               static_cast<int>(kMaxPinLength))),
             wxSizerFlags().Border(wxALL, 8));
  auto* grid = new wxFlexGridSizer(2, wxSize(8, 4));
  grid->AddGrowableCol(1, 1);
  m_first = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(220, -1), wxTE_PASSWORD);
  m_second = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(220, -1),
                            wxTE_PASSWORD | wxTE_PROCESS_ENTER);
  grid->Add(new wxStaticText(this, wxID_ANY, _("New PIN")), wxSizerFlags().CenterVertical());
  grid->Add(m_first, wxSizerFlags().Expand());
  grid->Add(new wxStaticText(this, wxID_ANY, _("New PIN again")), wxSizerFlags().CenterVertical());
  grid->Add(m_second, wxSizerFlags().Expand());
  sizer->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 8));
  m_message = new wxStaticText(this, wxID_ANY, wxString());
  m_message->SetForegroundColour(kProblemColour);
  sizer->Add(m_message, wxSizerFlags().Border(wxALL, 8));
  sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Expand().Border(wxALL, 8));
  SetSizerAndFit(sizer);
  SetSize(wxSize(std::max(GetSize().x, 460), GetSize().y));
  Bind(
      wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); }, wxID_OK);
  m_second->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { submit(); });
  m_first->SetFocus();
}

NewPinDialog::~NewPinDialog() {
  m_first->Clear();
  m_second->Clear();
}

wxString NewPinDialog::message() const {
  return m_message->GetLabel();
}

bool NewPinDialog::submit() {
  const wxString problem = newPinProblem(m_first->GetValue(), m_second->GetValue());
  m_message->SetLabel(problem);
  if (!problem.empty()) {
    Layout();
    return false;
  }
  finishDialog(*this, wxID_OK);
  return true;
}

crypto::SecureString NewPinDialog::pin() const {
  return takeSecret(m_first);
}

std::optional<crypto::SecureString> GuiInteraction::askPin(const crypto::PinRequest& request) {
  wxBusyCursorSuspender notBusy;
  PinDialog dialog(m_parent, request);
  if (modalAnswers().showModal(dialog) != wxID_OK) {
    return std::nullopt;
  }
  return dialog.pin();
}

std::optional<crypto::SecureString> GuiInteraction::askNewPin(const crypto::PinRequest& request) {
  wxBusyCursorSuspender notBusy;
  NewPinDialog dialog(m_parent, request);
  if (modalAnswers().showModal(dialog) != wxID_OK) {
    return std::nullopt;
  }
  return dialog.pin();
}

bool GuiInteraction::confirm(crypto::Question question, std::string_view detail) {
  wxBusyCursorSuspender notBusy;
  switch (question) {
    case crypto::Question::ActivateToken:
      return modalAnswers().confirm(
          m_parent,
          _("This token has not been activated here yet. Change its PIN now?") + "\n\n" + fromUtf8(detail),
          _("Activate the token"));
  }
  return false;
}

void GuiInteraction::progress(std::size_t /*done*/, std::size_t /*total*/) {
  // Keeps the window painted during long token work (a batch of signatures).
  // (wxSafeYield: the window takes no clicks meanwhile, so no second token operation starts.)
  wxSafeYield(nullptr, true);
}

}  // namespace platnik::gui
