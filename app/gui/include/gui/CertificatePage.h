#pragma once

#include "gui/Workspace.h"
#include "services/TokenWork.h"

#include <wx/panel.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>

class wxButton;
class wxChoice;
class wxStaticText;

namespace platnik::gui {

/// The certificate page: the token in its reader, its certificate (holder, qualified status,
/// issuer, validity, days left with a warning from 60 days), the PIN and PUK state, and what
/// the user can do with it: change the PIN (activation), unblock with the PUK, the renewal
/// step that applies, sign and verify a document. All token work goes through
/// services/TokenWork.h; PINs are asked through GuiInteraction.
class CertificatePage : public wxPanel {
 public:
  /// What the page shows, one line each (for tests and screenshots).
  enum class Line {
    Reader,
    Token,
    Holder,
    Qualified,
    Subject,
    Issuer,
    Serial,
    ValidFrom,
    ValidUntil,
    DaysLeft,
    PinState,
    PukState,
    Renewal
  };

  CertificatePage(wxWindow* parent, Workspace& workspace);
  ~CertificatePage() override;
  CertificatePage(const CertificatePage&) = delete;
  CertificatePage& operator=(const CertificatePage&) = delete;

  /// Reads the tokens and the chosen token's certificate afresh (done when the page is shown).
  void refresh();
  /// Chooses the token with this label (refreshing); false when it is not present.
  bool chooseToken(const std::string& label);
  [[nodiscard]] std::string chosenToken() const { return m_label; }
  /// Where the token records are kept (default services::tokenRecordsDir()).
  void setRecordsDir(std::filesystem::path dir) { m_recordsDir = std::move(dir); }

  [[nodiscard]] wxString lineText(Line line) const;
  /// The expiry warning ("" when there is none).
  [[nodiscard]] wxString warningText() const;
  [[nodiscard]] wxColour warningColour() const;
  /// What to do when no token (or no module) is there ("" when a token is shown).
  [[nodiscard]] wxString absentText() const;
  /// The outcome of the last action (PIN change, signature, verification…).
  [[nodiscard]] wxString resultText() const;
  [[nodiscard]] bool resultIsProblem() const { return m_resultProblem; }
  [[nodiscard]] const std::optional<services::TokenOverview>& overview() const { return m_overview; }

  [[nodiscard]] wxButton* refreshButton() const { return m_refresh; }
  [[nodiscard]] wxButton* changePinButton() const { return m_changePin; }
  [[nodiscard]] wxButton* unblockButton() const { return m_unblock; }
  [[nodiscard]] wxButton* renewalButton() const { return m_renewal; }
  [[nodiscard]] wxButton* importButton() const { return m_import; }
  [[nodiscard]] wxButton* signButton() const { return m_sign; }
  [[nodiscard]] wxButton* verifyButton() const { return m_verify; }

 private:
  void build();
  void showOverview();
  void showAbsent(const wxString& text);
  void setResult(const wxString& text, bool problem);
  /// The certificate shown: the valid one that lasts longest, else the one that ended last.
  [[nodiscard]] const services::CertificateOverview* shownCertificate() const;

  void onChangePin();
  void onUnblock();
  void onRenewal();
  void onImport();
  void onSign();
  void onVerify();

  Workspace& m_workspace;
  int m_subscription = 0;
  std::filesystem::path m_recordsDir;
  std::string m_label;
  std::optional<services::TokenOverview> m_overview;

  wxChoice* m_tokens = nullptr;
  wxButton* m_refresh = nullptr;
  wxStaticText* m_absent = nullptr;
  wxStaticText* m_warning = nullptr;
  wxStaticText* m_result = nullptr;
  std::map<Line, wxStaticText*> m_lines;
  bool m_resultProblem = false;
  bool m_stale = true;  ///< the token was not read since the last change
  wxButton* m_changePin = nullptr;
  wxButton* m_unblock = nullptr;
  wxButton* m_renewal = nullptr;
  wxButton* m_import = nullptr;
  wxButton* m_sign = nullptr;
  wxButton* m_verify = nullptr;
};

}  // namespace platnik::gui
