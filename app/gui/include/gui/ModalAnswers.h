#pragma once

#include <wx/string.h>

class wxDialog;
class wxWindow;

namespace platnik::gui {

/// Every modal question the certificate page and the address book ask goes through here, so
/// that a test can answer it: the window shows the dialog (ShowModal), a test installs its own
/// ModalAnswers (ScopedModalAnswers) that fills the real dialog's fields and presses its
/// buttons, or answers a file chooser or a yes/no question directly.
class ModalAnswers {
 public:
  virtual ~ModalAnswers() = default;

  /// Shows `dialog` modally; returns its return code (wxID_OK, wxID_CANCEL…).
  virtual int showModal(wxDialog& dialog);
  /// A file to read; empty when the user cancels.
  virtual wxString fileToOpen(wxWindow* parent, const wxString& message, const wxString& wildcard);
  /// A file to write (overwrite confirmed); empty when the user cancels.
  virtual wxString fileToSave(wxWindow* parent, const wxString& message, const wxString& defaultFile,
                              const wxString& wildcard);
  /// Yes or no.
  virtual bool confirm(wxWindow* parent, const wxString& message, const wxString& caption);
  /// A message the user acknowledges (`problem`: shown as an error).
  virtual void tell(wxWindow* parent, const wxString& message, const wxString& caption, bool problem);
};

/// The answers in force (the dialogs themselves unless a test installed its own).
ModalAnswers& modalAnswers();

/// Installs `answers` for its lifetime (tests).
class ScopedModalAnswers {
 public:
  explicit ScopedModalAnswers(ModalAnswers& answers);
  ~ScopedModalAnswers();
  ScopedModalAnswers(const ScopedModalAnswers&) = delete;
  ScopedModalAnswers& operator=(const ScopedModalAnswers&) = delete;

 private:
  ModalAnswers* m_previous;
};

/// Ends a dialog with `code` whether it is shown modally (EndModal) or was handed to a test's
/// ModalAnswers without being shown modally (the code is kept and the dialog hidden).
void finishDialog(wxDialog& dialog, int code);

}  // namespace platnik::gui
