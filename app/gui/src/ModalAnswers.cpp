#include "gui/ModalAnswers.h"

#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>

namespace platnik::gui {
namespace {

ModalAnswers*& current() {
  static ModalAnswers dialogs;
  static ModalAnswers* answers = &dialogs;
  return answers;
}

}  // namespace

int ModalAnswers::showModal(wxDialog& dialog) {
  return dialog.ShowModal();
}

wxString ModalAnswers::fileToOpen(wxWindow* parent, const wxString& message, const wxString& wildcard) {
  wxFileDialog dialog(parent, message, wxString(), wxString(), wildcard, wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  return dialog.ShowModal() == wxID_OK ? dialog.GetPath() : wxString();
}

wxString ModalAnswers::fileToSave(wxWindow* parent, const wxString& message, const wxString& defaultFile,
                                  const wxString& wildcard) {
  wxFileDialog dialog(parent, message, wxString(), defaultFile, wildcard, wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  return dialog.ShowModal() == wxID_OK ? dialog.GetPath() : wxString();
}

bool ModalAnswers::confirm(wxWindow* parent, const wxString& message, const wxString& caption) {
  return wxMessageBox(message, caption, wxYES_NO | wxICON_QUESTION, parent) == wxYES;
}

void ModalAnswers::tell(wxWindow* parent, const wxString& message, const wxString& caption, bool problem) {
  wxMessageBox(message, caption, wxOK | (problem ? wxICON_ERROR : wxICON_INFORMATION), parent);
}

ModalAnswers& modalAnswers() {
  return *current();
}

ScopedModalAnswers::ScopedModalAnswers(ModalAnswers& answers) : m_previous(current()) {
  current() = &answers;
}

ScopedModalAnswers::~ScopedModalAnswers() {
  current() = m_previous;
}

void finishDialog(wxDialog& dialog, int code) {
  if (dialog.IsModal()) {
    dialog.EndModal(code);
  } else {
    dialog.SetReturnCode(code);
    dialog.Hide();
  }
}

}  // namespace platnik::gui
