#include "gui/AddressBook.h"

#include "banking/Account.h"
#include "gui/Display.h"
#include "gui/ModalAnswers.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tokenzr.h>

namespace platnik::gui {
namespace {

using Field = ContactForm::Field;

const wxColour kProblemColour(176, 0, 32);
const wxColour kGoodColour(0, 110, 40);

std::string toUtf8(const wxString& text) {
  return text.utf8_string();
}

/// The form field beside which a problem is shown.
Field fieldOf(services::ContactField field) {
  switch (field) {
    case services::ContactField::Name:
      return Field::Name;
    case services::ContactField::Account:
      return Field::Accounts;
    case services::ContactField::PaymentCode:
      return Field::PaymentCode;
    case services::ContactField::CreditReference:
      return Field::CreditReference;
    case services::ContactField::DebitReference:
      return Field::DebitReference;
  }
  return Field::Name;
}

/// An account as people read it ("160-5100000000000-18"); as stored when it is not one.
wxString displayAccount(const std::string& account) {
  auto parsed = banking::Account::parse(account);
  return fromUtf8(parsed ? parsed.value().shortForm() : account);
}

}  // namespace

ContactForm::ContactForm(wxWindow* parent) : wxPanel(parent) {
  auto* grid = new wxFlexGridSizer(3, wxSize(8, 4));
  // The fields get the room; a message beside one takes what is left.
  grid->AddGrowableCol(1, 3);
  grid->AddGrowableCol(2, 1);
  const auto message = [this](Field field) {
    auto* text =
        new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    text->SetForegroundColour(kProblemColour);
    m_messages[field] = text;
    return text;
  };
  const auto field = [this](Field which, int width, int maxLength, long style = 0) {
    auto* control = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                                   wxSize(width, (style & wxTE_MULTILINE) != 0 ? 60 : -1), style);
    if (maxLength > 0) {
      control->SetMaxLength(static_cast<unsigned long>(maxLength));
    }
    control->Bind(wxEVT_TEXT, [this](wxCommandEvent& event) {
      if (m_checking) {
        check();
      }
      event.Skip();
    });
    m_fields[which] = control;
    return control;
  };
  const auto row = [&](const wxString& label, wxWindow* control, Field which) {
    grid->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().CenterVertical());
    grid->Add(control, wxSizerFlags().Expand());
    grid->Add(message(which), wxSizerFlags().CenterVertical().Expand());
  };
  const auto referenceRow = [&](const wxString& label, Field model, Field reference) {
    grid->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().CenterVertical());
    auto* pair = new wxBoxSizer(wxHORIZONTAL);
    pair->Add(field(model, 40, 2), wxSizerFlags().Border(wxRIGHT, 4));
    pair->Add(field(reference, 206, 23), wxSizerFlags(1));
    grid->Add(pair, wxSizerFlags().Expand());
    grid->Add(message(reference), wxSizerFlags().CenterVertical().Expand());
  };
  row(_("Name"), field(Field::Name, 250, 70), Field::Name);
  row(_("Place"), field(Field::Place, 250, 35), Field::Place);
  row(_("Accounts (one per line)"), field(Field::Accounts, 250, 0, wxTE_MULTILINE), Field::Accounts);
  row(_("Payment code"), field(Field::PaymentCode, 60, 3), Field::PaymentCode);
  row(_("Purpose"), field(Field::Purpose, 250, 35), Field::Purpose);
  referenceRow(_("Credit model and reference"), Field::CreditModel, Field::CreditReference);
  referenceRow(_("Debit model and reference"), Field::DebitModel, Field::DebitReference);
  SetSizer(grid);
}

void ContactForm::setInput(const services::ContactInput& input) {
  m_fields.at(Field::Name)->ChangeValue(fromUtf8(input.name));
  m_fields.at(Field::Place)->ChangeValue(fromUtf8(input.place));
  wxString accounts;
  for (const auto& account : input.accounts) {
    accounts += (accounts.empty() ? wxString() : wxString("\n")) + displayAccount(account);
  }
  m_fields.at(Field::Accounts)->ChangeValue(accounts);
  m_fields.at(Field::PaymentCode)->ChangeValue(fromUtf8(input.paymentCode));
  m_fields.at(Field::Purpose)->ChangeValue(fromUtf8(input.purpose));
  m_fields.at(Field::CreditModel)->ChangeValue(fromUtf8(input.creditModel));
  m_fields.at(Field::CreditReference)->ChangeValue(fromUtf8(input.creditReference));
  m_fields.at(Field::DebitModel)->ChangeValue(fromUtf8(input.debitModel));
  m_fields.at(Field::DebitReference)->ChangeValue(fromUtf8(input.debitReference));
  clearMessages();
}

services::ContactInput ContactForm::input() const {
  const auto text = [this](Field field) {
    return toUtf8(m_fields.at(field)->GetValue().Strip(wxString::both));
  };
  services::ContactInput input;
  input.name = text(Field::Name);
  input.place = text(Field::Place);
  wxStringTokenizer lines(m_fields.at(Field::Accounts)->GetValue(), "\n");
  while (lines.HasMoreTokens()) {
    const wxString line = lines.GetNextToken().Strip(wxString::both);
    if (!line.empty()) {
      input.accounts.push_back(toUtf8(line));
    }
  }
  input.paymentCode = text(Field::PaymentCode);
  input.purpose = text(Field::Purpose);
  input.creditModel = text(Field::CreditModel);
  input.creditReference = text(Field::CreditReference);
  input.debitModel = text(Field::DebitModel);
  input.debitReference = text(Field::DebitReference);
  return input;
}

bool ContactForm::check() {
  m_checking = true;
  std::map<Field, wxString> messages;
  const services::ContactInput typed = input();
  for (const auto& problem : services::checkContact(typed)) {
    wxString text = fromUtf8(problem.error.message);
    if (problem.field == services::ContactField::Account) {
      text = wxString::Format(_("%s: %s"), fromUtf8(typed.accounts.at(problem.accountIndex)), text);
    }
    wxString& shown = messages[fieldOf(problem.field)];
    shown += (shown.empty() ? wxString() : wxString("; ")) + text;
  }
  for (auto& [field, label] : m_messages) {
    const auto it = messages.find(field);
    const wxString text = it == messages.end() ? wxString() : it->second;
    if (label->GetLabel() != text) {
      label->SetLabel(text);
      label->SetToolTip(text);
    }
  }
  Layout();
  return messages.empty();
}

void ContactForm::clearMessages() {
  m_checking = false;
  for (auto& [field, label] : m_messages) {
    label->SetLabel(wxString());
    label->UnsetToolTip();
  }
}

wxString ContactForm::messageFor(Field field) const {
  const auto it = m_messages.find(field);
  return it == m_messages.end() ? wxString() : it->second->GetLabel();
}

AddressBookPage::AddressBookPage(wxWindow* parent, Workspace& workspace)
    : wxPanel(parent), m_workspace(workspace) {
  SetName("addressBookPage");
  auto* outer = new wxBoxSizer(wxHORIZONTAL);

  auto* left = new wxBoxSizer(wxVERTICAL);
  m_search = new wxTextCtrl(this, wxID_ANY);
  m_search->SetHint(_("Search name, place, account, purpose"));
  left->Add(m_search, wxSizerFlags().Expand().Border(wxBOTTOM, 6));
  m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(480, -1), wxLC_REPORT | wxLC_SINGLE_SEL);
  m_list->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, 170);
  m_list->AppendColumn(_("Place"), wxLIST_FORMAT_LEFT, 90);
  m_list->AppendColumn(_("Account"), wxLIST_FORMAT_LEFT, 160);
  m_list->AppendColumn(_("Code"), wxLIST_FORMAT_LEFT, 50);
  left->Add(m_list, wxSizerFlags(1).Expand());
  outer->Add(left, wxSizerFlags(2).Expand().Border(wxALL, 10));

  auto* right = new wxBoxSizer(wxVERTICAL);
  m_heading = new wxStaticText(this, wxID_ANY, _("New contact"));
  m_heading->SetFont(m_heading->GetFont().Bold());
  right->Add(m_heading, wxSizerFlags().Border(wxBOTTOM, 6));
  m_form = new ContactForm(this);
  right->Add(m_form, wxSizerFlags().Expand());
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  m_new = new wxButton(this, wxID_ANY, _("&New"));
  m_save = new wxButton(this, wxID_ANY, _("&Save contact"));
  m_delete = new wxButton(this, wxID_ANY, _("&Delete"));
  for (wxButton* button : {m_new, m_save, m_delete}) {
    buttons->Add(button, wxSizerFlags().Border(wxRIGHT, 6));
  }
  right->Add(buttons, wxSizerFlags().Border(wxTOP | wxBOTTOM, 8));
  m_status = new wxStaticText(this, wxID_ANY, wxString());
  right->Add(m_status, wxSizerFlags().Expand());
  outer->Add(right, wxSizerFlags(3).Expand().Border(wxALL, 10));
  SetSizer(outer);

  m_search->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { reload(); });
  m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) {
    if (!m_reloading) {
      edit(event.GetIndex());
    }
  });
  m_new->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { startNew(); });
  m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
  m_delete->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { removeEdited(); });
  m_subscription = m_workspace.subscribe([this](Workspace::Change what) {
    if (what == Workspace::Change::Contacts || what == Workspace::Change::Database) {
      reload();
    }
  });
  startNew();
  reload();
}

AddressBookPage::~AddressBookPage() {
  m_workspace.unsubscribe(m_subscription);
}

void AddressBookPage::reload() {
  auto found = services::findContacts(m_workspace.database(), toUtf8(m_search->GetValue()));
  m_reloading = true;  // selecting the edited row again is not a new choice
  m_list->DeleteAllItems();
  m_shown.clear();
  if (!found) {
    m_reloading = false;
    setStatus(wxString::Format(_("The address book cannot be read: %s"), fromUtf8(found.error().describe())),
              true);
    return;
  }
  m_shown = std::move(found).value();
  for (std::size_t i = 0; i < m_shown.size(); ++i) {
    const storage::Contact& contact = m_shown[i];
    const long row = m_list->InsertItem(static_cast<long>(i), fromUtf8(contact.name));
    m_list->SetItem(row, 1, fromUtf8(contact.place));
    m_list->SetItem(row, 2, contact.accounts.empty() ? wxString() : displayAccount(contact.accounts.front()));
    m_list->SetItem(row, 3, fromUtf8(contact.paymentCode));
    if (m_editing && contact.id == *m_editing) {
      m_list->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }
  }
  m_reloading = false;
}

void AddressBookPage::startNew() {
  m_editing.reset();
  m_heading->SetLabel(_("New contact"));
  m_form->setInput({});
  m_delete->Disable();
  const long selected = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (selected >= 0) {
    m_list->SetItemState(selected, 0, wxLIST_STATE_SELECTED);
  }
  m_form->fieldControl(ContactForm::Field::Name)->SetFocus();
}

void AddressBookPage::edit(long row) {
  if (row < 0 || static_cast<std::size_t>(row) >= m_shown.size()) {
    return;
  }
  const storage::Contact& contact = m_shown[static_cast<std::size_t>(row)];
  m_editing = contact.id;
  m_heading->SetLabel(wxString::Format(_("Contact: %s"), fromUtf8(contact.name)));
  m_form->setInput(services::contactInput(contact));
  m_delete->Enable();
  setStatus(wxString(), false);
}

bool AddressBookPage::save() {
  if (!m_form->check()) {
    setStatus(_("Correct the fields marked in red, then save."), true);
    return false;
  }
  const services::ContactInput input = m_form->input();
  if (m_editing) {
    if (auto done = services::updateContact(m_workspace.database(), *m_editing, input); !done) {
      setStatus(wxString::Format(_("The contact is not saved: %s"), fromUtf8(done.error().describe())), true);
      return false;
    }
  } else {
    auto id = services::addContact(m_workspace.database(), input);
    if (!id) {
      setStatus(wxString::Format(_("The contact is not saved: %s"), fromUtf8(id.error().describe())), true);
      return false;
    }
    m_editing = id.value();
    m_delete->Enable();
  }
  m_form->clearMessages();
  m_heading->SetLabel(wxString::Format(_("Contact: %s"), fromUtf8(input.name)));
  setStatus(wxString::Format(_("Saved: %s"), fromUtf8(input.name)), false);
  m_workspace.changed(Workspace::Change::Contacts);
  return true;
}

bool AddressBookPage::removeEdited() {
  if (!m_editing) {
    return false;
  }
  const wxString name = m_form->fieldControl(ContactForm::Field::Name)->GetValue();
  if (!modalAnswers().confirm(this, wxString::Format(_("Delete the contact %s?"), name), _("Address book"))) {
    return false;
  }
  if (auto done = services::deleteContact(m_workspace.database(), *m_editing); !done) {
    setStatus(wxString::Format(_("The contact is not deleted: %s"), fromUtf8(done.error().describe())), true);
    return false;
  }
  startNew();
  setStatus(wxString::Format(_("Deleted: %s"), name), false);
  m_workspace.changed(Workspace::Change::Contacts);
  return true;
}

wxString AddressBookPage::statusText() const {
  return m_status->GetLabel();
}

void AddressBookPage::setStatus(const wxString& text, bool problem) {
  m_status->SetLabel(text);
  m_status->SetForegroundColour(problem ? kProblemColour : kGoodColour);
  Layout();
}

ContactDialog::ContactDialog(wxWindow* parent, Workspace& workspace, const services::ContactInput& prefilled)
    : wxDialog(parent, wxID_ANY, _("Save as contact"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_workspace(workspace) {
  SetName("contactDialog");
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  m_form = new ContactForm(this);
  m_form->setInput(prefilled);
  sizer->Add(m_form, wxSizerFlags(1).Expand().Border(wxALL, 10));
  m_problem = new wxStaticText(this, wxID_ANY, wxString());
  m_problem->SetForegroundColour(kProblemColour);
  sizer->Add(m_problem, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 10));
  auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
  if (auto* ok = FindWindow(wxID_OK)) {
    ok->SetLabel(_("&Save contact"));
  }
  sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, 10));
  SetSizerAndFit(sizer);
  SetSize(wxSize(std::max(GetSize().x, 760), GetSize().y));
  Bind(
      wxEVT_BUTTON, [this](wxCommandEvent&) { save(); }, wxID_OK);
}

bool ContactDialog::save() {
  if (!m_form->check()) {
    m_problem->SetLabel(_("Correct the fields marked in red, then save."));
    return false;
  }
  auto id = services::addContact(m_workspace.database(), m_form->input());
  if (!id) {
    m_problem->SetLabel(wxString::Format(_("The contact is not saved: %s"), fromUtf8(id.error().describe())));
    return false;
  }
  m_saved = id.value();
  finishDialog(*this, wxID_OK);
  return true;
}

wxString ContactDialog::problemText() const {
  return m_problem->GetLabel();
}

std::optional<std::int64_t> saveAsContact(wxWindow* parent, Workspace& workspace,
                                          const services::ContactInput& prefilled) {
  ContactDialog dialog(parent, workspace, prefilled);
  if (modalAnswers().showModal(dialog) != wxID_OK || !dialog.savedId()) {
    return std::nullopt;
  }
  workspace.changed(Workspace::Change::Contacts);
  return dialog.savedId();
}

}  // namespace platnik::gui
