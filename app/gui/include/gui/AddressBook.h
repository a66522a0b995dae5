#pragma once

#include "gui/Workspace.h"
#include "services/ContactBook.h"

#include <wx/dialog.h>
#include <wx/panel.h>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

class wxButton;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace platnik::gui {

/// The fields of a contact with the message beside each (the address book's form, and the
/// "save as contact" dialog). Checked with services::checkContact, the rules of addContact.
class ContactForm : public wxPanel {
 public:
  enum class Field {
    Name,
    Place,
    Accounts,
    PaymentCode,
    Purpose,
    CreditModel,
    CreditReference,
    DebitModel,
    DebitReference
  };

  explicit ContactForm(wxWindow* parent);

  void setInput(const services::ContactInput& input);
  /// The contact as typed (accounts: one per non-empty line).
  [[nodiscard]] services::ContactInput input() const;
  /// Shows every problem beside its field (from now on also while typing); true when none.
  bool check();
  void clearMessages();
  [[nodiscard]] wxString messageFor(Field field) const;
  [[nodiscard]] wxTextCtrl* fieldControl(Field field) const { return m_fields.at(field); }

 private:
  std::map<Field, wxTextCtrl*> m_fields;
  std::map<Field, wxStaticText*> m_messages;
  bool m_checking = false;
};

/// The address book page: the counterparties in a list with search, and a form to add, edit
/// and delete them. Refreshes on Workspace::Change::Contacts; tells it after each change.
class AddressBookPage : public wxPanel {
 public:
  AddressBookPage(wxWindow* parent, Workspace& workspace);
  ~AddressBookPage() override;
  AddressBookPage(const AddressBookPage&) = delete;
  AddressBookPage& operator=(const AddressBookPage&) = delete;

  void reload();
  /// Starts a new contact in the form.
  void startNew();
  /// Shows the contact in the list row `row` in the form.
  void edit(long row);
  /// Saves the form (a new contact or the one being edited); false (messages shown) when invalid.
  bool save();
  /// Deletes the contact being edited, after confirmation (modalAnswers().confirm).
  bool removeEdited();

  [[nodiscard]] wxListCtrl* list() const { return m_list; }
  [[nodiscard]] wxTextCtrl* searchField() const { return m_search; }
  [[nodiscard]] ContactForm* form() const { return m_form; }
  [[nodiscard]] wxButton* saveButton() const { return m_save; }
  [[nodiscard]] wxButton* newButton() const { return m_new; }
  [[nodiscard]] wxButton* deleteButton() const { return m_delete; }
  /// The outcome of the last save or delete (or a storage problem).
  [[nodiscard]] wxString statusText() const;
  [[nodiscard]] const std::vector<storage::Contact>& shown() const { return m_shown; }

 private:
  void setStatus(const wxString& text, bool problem);

  Workspace& m_workspace;
  int m_subscription = 0;
  std::vector<storage::Contact> m_shown;
  std::optional<std::int64_t> m_editing;
  bool m_reloading = false;
  wxTextCtrl* m_search = nullptr;
  wxListCtrl* m_list = nullptr;
  ContactForm* m_form = nullptr;
  wxStaticText* m_heading = nullptr;
  wxStaticText* m_status = nullptr;
  wxButton* m_new = nullptr;
  wxButton* m_save = nullptr;
  wxButton* m_delete = nullptr;
};

/// The dialog of saveAsContact: a ContactForm and Save / Cancel. Save checks the form, adds
/// the contact and finishes with wxID_OK; invalid fields keep it open with the messages.
class ContactDialog : public wxDialog {
 public:
  ContactDialog(wxWindow* parent, Workspace& workspace, const services::ContactInput& prefilled);

  [[nodiscard]] ContactForm* form() const { return m_form; }
  /// Save pressed: true when the contact was added.
  bool save();
  [[nodiscard]] std::optional<std::int64_t> savedId() const { return m_saved; }
  [[nodiscard]] wxString problemText() const;

 private:
  Workspace& m_workspace;
  ContactForm* m_form = nullptr;
  wxStaticText* m_problem = nullptr;
  std::optional<std::int64_t> m_saved;
};

/// "Save as contact" from an order or a statement entry: shows the contact form filled with
/// `prefilled`; when the user saves it, adds the contact and tells the workspace
/// (Change::Contacts). Returns the new contact's id, nothing when cancelled. The dialog goes
/// through modalAnswers() (tests answer it).
std::optional<std::int64_t> saveAsContact(wxWindow* parent, Workspace& workspace,
                                          const services::ContactInput& prefilled);

}  // namespace platnik::gui
