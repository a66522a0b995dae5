#include "gui/CertificatePage.h"

#include "banking/Date.h"
#include "gui/Display.h"
#include "gui/ModalAnswers.h"
#include "gui/PinDialogs.h"
#include "services/OrderBook.h"
#include "services/TokenAccess.h"

#include <wx/bookctrl.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>
#include <wx/wrapsizer.h>

#include <chrono>

namespace platnik::gui {
namespace {

const wxColour kProblemColour(176, 0, 32);
const wxColour kWarningColour(190, 100, 0);
const wxColour kGoodColour(0, 110, 40);

std::string toUtf8(const wxString& text) {
  return text.utf8_string();
}

banking::Date dayOf(crypto::TimePoint time) {
  return banking::Date{std::chrono::floor<std::chrono::days>(time)};
}

/// A moment as the window's language writes its date, with the time of day in UTC.
wxString displayMoment(crypto::TimePoint time) {
  const auto day = std::chrono::floor<std::chrono::days>(time);
  const std::chrono::hh_mm_ss sinceMidnight{time - day};
  return displayDate(dayOf(time)) + wxString::Format(" %02d:%02d UTC",
                                                     static_cast<int>(sinceMidnight.hours().count()),
                                                     static_cast<int>(sinceMidnight.minutes().count()));
}

wxString problemText(const banking::Error& error) {
  return fromUtf8(error.describe());
}

wxString daysLeftText(const crypto::CertificateStatus& status) {
  if (status.notYetValid) {
    return _("not valid yet");
  }
  if (status.expired) {
    return wxString::Format(_("expired (%ld)"), status.daysLeft);
  }
  return wxString::Format("%ld", status.daysLeft);
}

wxString renewalText(crypto::RenewalAdvice advice) {
  switch (advice) {
    case crypto::RenewalAdvice::NotYet:
      return _("Not needed yet: renewal opens 60 days before the certificate expires.");
    case crypto::RenewalAdvice::RenewOnline:
      return _(
          "Renew online now, before the certificate expires: make a renewal request on this token, send "
          "it through the issuer's renewal page, then import the certificate the issuer returns.");
    case crypto::RenewalAdvice::Reissue:
      return _(
          "Online renewal is no longer possible (the certificate expired, or this token was already "
          "renewed online once). Order a new certificate from the issuer: bring the company's "
          "registration extract, the legal representative's identity card, the authorization of the "
          "certificate's holder, and this token.");
  }
  return {};
}

}  // namespace

CertificatePage::CertificatePage(wxWindow* parent, Workspace& workspace)
    : wxPanel(parent), m_workspace(workspace), m_recordsDir(services::tokenRecordsDir()) {
  SetName("certificatePage");
  build();
  // The token is read when the page is first shown (loading PKCS#11 modules takes a moment
  // and must not slow the window's start), and again on a change while it is shown.
  if (auto* notebook = dynamic_cast<wxBookCtrlBase*>(parent)) {
    notebook->Bind(wxEVT_BOOKCTRL_PAGE_CHANGED, [this, notebook](wxBookCtrlEvent& event) {
      if (m_stale && notebook->GetCurrentPage() == this) {
        refresh();
      }
      event.Skip();
    });
  } else {
    refresh();
  }
  m_subscription = m_workspace.subscribe([this](Workspace::Change what) {
    if (what == Workspace::Change::Certificate || what == Workspace::Change::Database) {
      m_stale = true;
      if (IsShownOnScreen()) {
        refresh();
      }
    }
  });
}

CertificatePage::~CertificatePage() {
  m_workspace.unsubscribe(m_subscription);
}

void CertificatePage::build() {
  auto* outer = new wxBoxSizer(wxVERTICAL);
  auto* top = new wxBoxSizer(wxHORIZONTAL);
  top->Add(new wxStaticText(this, wxID_ANY, _("Token")), wxSizerFlags().CenterVertical().Border(wxRIGHT, 8));
  m_tokens = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(260, -1));
  top->Add(m_tokens, wxSizerFlags().CenterVertical());
  m_refresh = new wxButton(this, wxID_ANY, _("&Refresh"));
  top->Add(m_refresh, wxSizerFlags().CenterVertical().Border(wxLEFT, 8));
  outer->Add(top, wxSizerFlags().Border(wxALL, 10));

  m_absent = new wxStaticText(this, wxID_ANY, wxString());
  m_absent->SetFont(m_absent->GetFont().Bold());
  outer->Add(m_absent, wxSizerFlags().Border(wxLEFT | wxRIGHT, 10));

  m_warning = new wxStaticText(this, wxID_ANY, wxString());
  m_warning->SetFont(m_warning->GetFont().Bold().Larger());
  outer->Add(m_warning, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, 10));

  auto* grid = new wxFlexGridSizer(2, wxSize(12, 4));
  grid->AddGrowableCol(1, 1);
  const auto addLine = [&](Line line, const wxString& label) {
    grid->Add(new wxStaticText(this, wxID_ANY, label));
    auto* value =
        new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    grid->Add(value, wxSizerFlags().Expand());
    m_lines[line] = value;
  };
  addLine(Line::Reader, _("Reader"));
  addLine(Line::Token, _("Token"));
  addLine(Line::Holder, _("Holder"));
  addLine(Line::Qualified, _("Qualified"));
  addLine(Line::Subject, _("Subject"));
  addLine(Line::Issuer, _("Issuer"));
  addLine(Line::Serial, _("Serial number"));
  addLine(Line::ValidFrom, _("Valid from"));
  addLine(Line::ValidUntil, _("Valid until"));
  addLine(Line::DaysLeft, _("Days left"));
  addLine(Line::PinState, _("PIN"));
  addLine(Line::PukState, _("PUK"));
  addLine(Line::Renewal, _("Renewal"));
  m_lines[Line::Renewal]->SetWindowStyle(0);  // the advice wraps instead of being cut
  outer->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 10));

  // The buttons wrap onto a second row when the page is narrower than all of them.
  auto* actions = new wxWrapSizer(wxHORIZONTAL);
  m_changePin = new wxButton(this, wxID_ANY, _("Change &PIN…"));
  m_unblock = new wxButton(this, wxID_ANY, _("&Unblock with PUK…"));
  m_renewal = new wxButton(this, wxID_ANY, _("Renewal &request…"));
  m_import = new wxButton(this, wxID_ANY, _("&Import certificate…"));
  m_sign = new wxButton(this, wxID_ANY, _("&Sign a document…"));
  m_verify = new wxButton(this, wxID_ANY, _("&Verify a document…"));
  for (wxButton* button : {m_changePin, m_unblock, m_renewal, m_import, m_sign, m_verify}) {
    actions->Add(button, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, 6));
  }
  outer->Add(actions, wxSizerFlags().Expand().Border(wxALL, 10));

  m_result = new wxStaticText(this, wxID_ANY, wxString());
  outer->Add(m_result, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 10));
  SetSizer(outer);

  m_refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { refresh(); });
  m_tokens->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    m_label = toUtf8(m_tokens->GetStringSelection());
    refresh();
  });
  m_changePin->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onChangePin(); });
  m_unblock->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onUnblock(); });
  m_renewal->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onRenewal(); });
  m_import->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onImport(); });
  m_sign->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onSign(); });
  m_verify->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onVerify(); });
}

void CertificatePage::refresh() {
  wxBusyCursor busy;
  m_stale = false;
  auto tokens = services::presentTokens(m_workspace.modulePath());
  m_tokens->Clear();
  if (!tokens) {
    m_label.clear();
    showAbsent(
        wxString::Format(_("No PKCS#11 module could be loaded: install the middleware of the card (or "
                           "OpenSC) or set the token's module in the settings, then press Refresh.\n%s"),
                         problemText(tokens.error())));
    return;
  }
  if (tokens.value().empty()) {
    m_label.clear();
    showAbsent(
        _("No token is present. Insert the token (or the smart card into its reader) and press Refresh."));
    return;
  }
  int chosen = 0;
  for (const auto& token : tokens.value()) {
    const int index = m_tokens->Append(fromUtf8(token.label));
    if (token.label == m_label) {
      chosen = index;
    }
  }
  m_tokens->SetSelection(chosen);
  m_label = toUtf8(m_tokens->GetString(static_cast<unsigned>(chosen)));
  auto overview =
      services::tokenOverview(m_workspace.modulePath(), m_label, m_recordsDir, crypto::systemNow());
  if (!overview) {
    showAbsent(wxString::Format(_("The token cannot be read: %s"), problemText(overview.error())));
    return;
  }
  m_overview = std::move(overview).value();
  showOverview();
}

bool CertificatePage::chooseToken(const std::string& label) {
  m_label = label;
  refresh();
  return m_overview && m_overview->token.label == label;
}

const services::CertificateOverview* CertificatePage::shownCertificate() const {
  const services::CertificateOverview* best = nullptr;
  for (const auto& each : m_overview->certificates) {
    if (best == nullptr || (each.status.validNow && !best->status.validNow) ||
        (each.status.validNow == best->status.validNow &&
         each.certificate.notAfter > best->certificate.notAfter)) {
      best = &each;
    }
  }
  return best;
}

void CertificatePage::showAbsent(const wxString& text) {
  m_overview.reset();
  m_absent->SetLabel(text);
  m_absent->Wrap(std::max(400, GetClientSize().x - 20));
  m_absent->Show();
  m_warning->SetLabel(wxString());
  for (auto& [line, control] : m_lines) {
    control->SetLabel(wxString());
  }
  for (wxButton* button : {m_changePin, m_unblock, m_renewal, m_import, m_sign}) {
    button->Disable();
  }
  m_verify->Enable();  // verifying needs no token
  Layout();
}

void CertificatePage::showOverview() {
  const crypto::TokenInfo& token = m_overview->token;
  m_absent->SetLabel(wxString());
  m_absent->Hide();
  m_lines[Line::Reader]->SetLabel(fromUtf8(token.slotDescription) +
                                  (token.protectedAuthenticationPath ? " " + _("(PIN pad)") : wxString()));
  m_lines[Line::Token]->SetLabel(wxString::Format(_("%s, serial %s (%s %s)"), fromUtf8(token.label),
                                                  fromUtf8(token.serial), fromUtf8(token.manufacturer),
                                                  fromUtf8(token.model)));
  m_lines[Line::PinState]->SetLabel(pinStateText(token.userPin));
  m_lines[Line::PinState]->SetForegroundColour(
      token.userPin.locked || token.userPin.finalTry || token.userPin.countLow ? kProblemColour
      : token.userPin.toBeChanged                                              ? kWarningColour
                                                                               : GetForegroundColour());
  m_lines[Line::PukState]->SetLabel(pinStateText(token.soPin));
  m_lines[Line::PukState]->SetForegroundColour(token.soPin.locked ? kProblemColour : GetForegroundColour());

  const services::CertificateOverview* shown = shownCertificate();
  m_changePin->Enable(!token.userPin.locked);
  m_unblock->Enable(!token.soPin.locked);
  m_import->Enable();
  m_verify->Enable();
  if (shown == nullptr) {
    for (Line line : {Line::Holder, Line::Qualified, Line::Subject, Line::Issuer, Line::Serial,
                      Line::ValidFrom, Line::ValidUntil, Line::DaysLeft, Line::Renewal}) {
      m_lines[line]->SetLabel(wxString());
    }
    m_warning->SetLabel(_("The token holds no certificate."));
    m_warning->SetForegroundColour(kProblemColour);
    m_renewal->Disable();
    m_sign->Disable();
    Layout();
    return;
  }
  const crypto::Certificate& c = shown->certificate;
  const crypto::CertificateStatus& status = shown->status;
  m_lines[Line::Holder]->SetLabel(
      c.holder == crypto::HolderType::LegalEntity
          ? wxString::Format(_("legal entity: %s"),
                             fromUtf8(c.organization.empty() ? c.commonName : c.organization))
          : wxString::Format(_("natural person: %s"), fromUtf8(c.commonName)));
  m_lines[Line::Qualified]->SetLabel(c.qualified() ? _("qualified certificate") : _("not qualified"));
  m_lines[Line::Subject]->SetLabel(fromUtf8(c.subject));
  m_lines[Line::Issuer]->SetLabel(fromUtf8(c.issuer));
  m_lines[Line::Serial]->SetLabel(fromUtf8(c.serialHex));
  m_lines[Line::ValidFrom]->SetLabel(displayDate(dayOf(c.notBefore)));
  m_lines[Line::ValidUntil]->SetLabel(displayDate(dayOf(c.notAfter)));
  m_lines[Line::DaysLeft]->SetLabel(daysLeftText(status));
  m_lines[Line::Renewal]->SetLabel(renewalText(shown->renewal));
  m_lines[Line::Renewal]->Wrap(std::max(400, GetClientSize().x - 200));

  wxString warning;
  wxColour colour = kWarningColour;
  if (status.expired) {
    warning = _("The certificate has expired: it can no longer sign.");
    colour = kProblemColour;
  } else if (status.notYetValid) {
    warning = _("The certificate is not valid yet.");
  } else if (status.expiringSoon) {
    warning =
        wxString::Format(_("Days left until the certificate expires: %ld. Renew it now."), status.daysLeft);
    colour = status.daysLeft <= 14 ? kProblemColour : kWarningColour;
  } else if (!status.canSignOrders) {
    warning = wxString::Format(_("This certificate cannot sign payment orders: %s"),
                               fromUtf8(status.cannotSignOrders));
  }
  m_warning->SetLabel(warning);
  m_warning->SetForegroundColour(colour);
  m_lines[Line::DaysLeft]->SetForegroundColour(status.expired || status.expiringSoon ? colour
                                                                                     : GetForegroundColour());
  m_renewal->Enable(shown->renewal == crypto::RenewalAdvice::RenewOnline);
  m_sign->Enable(status.canSignDocuments);
  Layout();
  Refresh();
}

void CertificatePage::setResult(const wxString& text, bool problem) {
  m_resultProblem = problem;
  m_result->SetLabel(text);
  m_result->SetForegroundColour(problem ? kProblemColour : kGoodColour);
  m_result->Wrap(std::max(400, GetClientSize().x - 20));
  Layout();
}

wxString CertificatePage::lineText(Line line) const {
  return m_lines.at(line)->GetLabel();
}

wxString CertificatePage::warningText() const {
  return m_warning->GetLabel();
}

wxColour CertificatePage::warningColour() const {
  return m_warning->GetForegroundColour();
}

wxString CertificatePage::absentText() const {
  return m_absent->GetLabel();
}

wxString CertificatePage::resultText() const {
  return m_result->GetLabel();
}

void CertificatePage::onChangePin() {
  GuiInteraction ui(this);
  banking::Result<void> done = boost::outcome_v2::success();
  {
    wxBusyCursor busy;
    done = services::changeTokenPin(m_workspace.modulePath(), m_label, ui, m_recordsDir);
  }
  if (done) {
    setResult(_("The PIN is changed."), false);
  } else if (done.error().code == banking::Errc::Cancelled) {
    setResult(_("Cancelled: the PIN is not changed."), true);
  } else {
    setResult(wxString::Format(_("The PIN is not changed: %s"), problemText(done.error())), true);
  }
  m_workspace.changed(Workspace::Change::Certificate);
}

void CertificatePage::onUnblock() {
  GuiInteraction ui(this);
  banking::Result<void> done = boost::outcome_v2::success();
  {
    wxBusyCursor busy;
    done = services::unblockTokenPin(m_workspace.modulePath(), m_label, ui);
  }
  if (done) {
    setResult(_("The PIN is unblocked and set to the new PIN."), false);
  } else {
    setResult(wxString::Format(_("The PIN is not unblocked: %s"), problemText(done.error())), true);
  }
  m_workspace.changed(Workspace::Change::Certificate);
}

void CertificatePage::onRenewal() {
  const services::CertificateOverview* shown = m_overview ? shownCertificate() : nullptr;
  if (shown == nullptr) {
    return;
  }
  const wxString out =
      modalAnswers().fileToSave(this, _("Save the renewal request"), fromUtf8(m_label) + "-renewal.p10.pem",
                                _("Certificate requests (*.pem)|*.pem|All files (*)|*"));
  if (out.empty()) {
    return;
  }
  GuiInteraction ui(this);
  banking::Result<void> done = boost::outcome_v2::success();
  {
    wxBusyCursor busy;
    done = services::writeRenewalRequest(m_workspace.modulePath(), m_label, shown->certificate.sha256, ui,
                                         std::filesystem::path(toUtf8(out)));
  }
  if (done) {
    setResult(wxString::Format(_("The renewal request is saved to %s: send it through the issuer's renewal "
                                 "page, then import the certificate the issuer returns."),
                               out),
              false);
  } else {
    setResult(wxString::Format(_("No renewal request was made: %s"), problemText(done.error())), true);
  }
}

void CertificatePage::onImport() {
  const wxString file =
      modalAnswers().fileToOpen(this, _("Choose the certificate the issuer returned"),
                                _("Certificates (*.pem;*.crt;*.cer;*.der)|*.pem;*.crt;*.cer;*.der|"
                                  "All files (*)|*"));
  if (file.empty()) {
    return;
  }
  GuiInteraction ui(this);
  auto imported = [&] {
    wxBusyCursor busy;
    return services::importIssuedCertificate(m_workspace.modulePath(), m_label,
                                             std::filesystem::path(toUtf8(file)), ui, m_recordsDir);
  }();
  if (imported) {
    setResult(wxString::Format(_("Imported onto the token: %s"), fromUtf8(imported.value().subject)), false);
    m_workspace.changed(Workspace::Change::Certificate);
  } else {
    setResult(wxString::Format(_("The certificate is not imported: %s"), problemText(imported.error())),
              true);
  }
}

void CertificatePage::onSign() {
  const wxString file =
      modalAnswers().fileToOpen(this, _("Choose the document to sign"), _("All files (*)|*"));
  if (file.empty()) {
    return;
  }
  const std::filesystem::path document(toUtf8(file));
  std::filesystem::path signature = document;
  signature += ".p7s";
  std::error_code error;
  if (std::filesystem::exists(signature, error) &&
      !modalAnswers().confirm(
          this, wxString::Format(_("%s already exists. Replace it?"), fromUtf8(signature.string())),
          _("Sign a document"))) {
    return;
  }
  GuiInteraction ui(this);
  auto signer = [&] {
    wxBusyCursor busy;
    return services::signDocument(m_workspace.modulePath(), m_label, ui, document, signature,
                                  crypto::systemNow());
  }();
  if (signer) {
    setResult(wxString::Format(_("Signed by %s. The signature is saved to %s."),
                               fromUtf8(signer.value().commonName), fromUtf8(signature.string())),
              false);
  } else {
    setResult(wxString::Format(_("The document is not signed: %s"), problemText(signer.error())), true);
  }
  m_workspace.changed(Workspace::Change::Certificate);  // the PIN state may have changed
}

void CertificatePage::onVerify() {
  const wxString file =
      modalAnswers().fileToOpen(this, _("Choose the signed document"), _("All files (*)|*"));
  if (file.empty()) {
    return;
  }
  std::filesystem::path document(toUtf8(file));
  std::filesystem::path signature = document;
  signature += ".p7s";
  std::error_code error;
  if (document.extension() == ".p7s") {  // the signature was chosen: the document is beside it
    signature = document;
    document = services::signedFileFor(signature);
  }
  if (!std::filesystem::exists(signature, error)) {
    const wxString chosen = modalAnswers().fileToOpen(this, _("Choose the signature (.p7s) of the document"),
                                                      _("Signatures (*.p7s)|*.p7s|All files (*)|*"));
    if (chosen.empty()) {
      return;
    }
    signature = std::filesystem::path(toUtf8(chosen));
  }
  auto report = [&] {
    wxBusyCursor busy;
    return services::verifyDocument(m_workspace.database(), signature, document, crypto::systemNow());
  }();
  if (!report) {
    setResult(wxString::Format(_("The signature cannot be verified: %s"), problemText(report.error())), true);
    return;
  }
  const crypto::SignatureReport& r = report.value();
  wxString who = r.signer ? fromUtf8(r.signer->commonName) : _("unknown signer");
  if (r.signer && !r.signer->organization.empty() && r.signer->organization != r.signer->commonName) {
    who += " (" + fromUtf8(r.signer->organization) + ")";
  }
  const wxString when = r.signingTime ? displayMoment(*r.signingTime) : _("no signing time");
  if (r.valid()) {
    setResult(wxString::Format(_("Valid signature of %s by %s, signed %s."),
                               fromUtf8(document.filename().string()), who, when),
              false);
  } else {
    setResult(wxString::Format(
                  _("The signature of %s by %s (signed %s) is NOT valid: %s"),
                  fromUtf8(document.filename().string()), who, when,
                  r.problem.empty() ? _("the signing certificate does not match") : fromUtf8(r.problem)),
              true);
  }
}

}  // namespace platnik::gui
