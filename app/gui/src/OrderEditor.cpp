#include "gui/OrderEditor.h"

#include "banking/Account.h"
#include "banking/IpsQr.h"
#include "banking/OrderFromQr.h"
#include "gui/Display.h"
#include "gui/ModalAnswers.h"
#include "gui/OrderProblemText.h"
#include "gui/Workspace.h"
#include "services/ContactBook.h"
#include "services/QrImage.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/clipbrd.h>
#include <wx/dataobj.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace platnik::gui {
namespace {

using banking::OrderField;

std::string toUtf8(const wxString& text) {
  return text.utf8_string();
}

const wxColour kProblemColour(176, 0, 32);

}  // namespace

OrderEditor::OrderEditor(wxWindow* parent, Clock today, Workspace* workspace)
    : wxPanel(parent), m_today(std::move(today)), m_workspace(workspace) {
  auto* outer = new wxBoxSizer(wxVERTICAL);
  // The fields scroll when the window is short; the QR and Save rows below stay in sight.
  m_form = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxHSCROLL);
  m_form->SetName("order_form");
  m_form->SetScrollRate(10, 10);
  auto* grid = new wxFlexGridSizer(3, wxSize(8, 4));
  // The fields keep their width; the messages beside them get the rest of the window.
  grid->AddGrowableCol(2, 1);

  // The payer: one of the company's accounts (the field below stays free for any account).
  m_payerChoice = new wxChoice(m_form, wxID_ANY);
  m_payerChoice->SetName("payer_account_choice");
  m_payerChoice->Bind(wxEVT_CHOICE,
                      [this](wxCommandEvent&) { choosePayerAccount(m_payerChoice->GetSelection()); });
  grid->Add(new wxStaticText(m_form, wxID_ANY, _("Pay from")), wxSizerFlags().CenterVertical());
  grid->Add(m_payerChoice, wxSizerFlags().Expand());
  grid->AddSpacer(0);

  using Limits = banking::OrderLimits;
  addRow(grid, OrderField::PayerAccount, _("Payer account"), 22);
  addRow(grid, OrderField::PayerName, _("Payer"), Limits::kName);
  addRow(grid, OrderField::PayerPlace, _("Payer's place"), Limits::kPlace);
  addRow(grid, OrderField::RecipientAccount, _("Recipient account"), 27);
  addRow(grid, OrderField::RecipientName, _("Recipient"), Limits::kName);
  addRow(grid, OrderField::RecipientPlace, _("Recipient's place"), Limits::kPlace);
  addRow(grid, OrderField::Amount, _("Amount (RSD)"), Limits::kAmountCharacters);
  addRow(grid, OrderField::PaymentCode, _("Payment code"), 3);
  addRow(grid, OrderField::Purpose, _("Purpose"), Limits::kPurpose);
  addRow(grid, OrderField::DebitModel, _("Debit model"), 2);
  addRow(grid, OrderField::DebitReference, _("Debit reference"), Limits::kReference);
  addRow(grid, OrderField::CreditModel, _("Credit model"), 2);
  addRow(grid, OrderField::CreditReference, _("Credit reference"), Limits::kReference);
  addRow(grid, OrderField::ExecutionDate, _("Execution date (dd.mm.yyyy)"), 11);

  m_urgent = new wxCheckBox(m_form, wxID_ANY, _("Urgent"));
  m_urgent->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { revalidate(); });
  grid->AddSpacer(0);
  grid->Add(m_urgent, wxSizerFlags().CenterVertical());
  grid->AddSpacer(0);
  auto* formSizer = new wxBoxSizer(wxVERTICAL);
  formSizer->Add(grid, wxSizerFlags().Expand().Border(wxALL, 10));
  m_form->SetSizer(formSizer);
  m_form->FitInside();
  outer->Add(m_form, wxSizerFlags(1).Expand());

  auto* footer = new wxBoxSizer(wxHORIZONTAL);
  m_pasteQr = new wxButton(this, wxID_ANY, _("Paste IPS QR"));
  m_pasteQr->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onPasteQr(); });
  footer->Add(m_pasteQr, wxSizerFlags().CenterVertical());
  m_openQr = new wxButton(this, wxID_ANY, _("Open QR image…"));
  m_openQr->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onOpenQrImage(); });
  footer->Add(m_openQr, wxSizerFlags().CenterVertical().Border(wxLEFT, 4));
  m_qrMessage = new wxStaticText(this, wxID_ANY, wxString());
  m_qrMessage->SetForegroundColour(kProblemColour);
  footer->Add(m_qrMessage, wxSizerFlags(1).CenterVertical().Border(wxLEFT, 10));
  m_route = new wxStaticText(this, wxID_ANY, wxString());
  footer->Add(m_route, wxSizerFlags().CenterVertical().Border(wxLEFT, 10));
  outer->Add(footer, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 10));

  auto* saving = new wxBoxSizer(wxHORIZONTAL);
  m_save = new wxButton(this, wxID_SAVE, _("&Save"));
  m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
  m_save->Enable(m_workspace != nullptr);
  saving->Add(m_save, wxSizerFlags().CenterVertical());
  m_saveMessage = new wxStaticText(this, wxID_ANY, wxString());
  saving->Add(m_saveMessage, wxSizerFlags(1).CenterVertical().Border(wxLEFT, 10));
  outer->Add(saving, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 10));

  SetSizer(outer);
  if (m_workspace != nullptr) {
    m_subscription = m_workspace->subscribe([this](Workspace::Change change) {
      if (change == Workspace::Change::Accounts || change == Workspace::Change::Contacts ||
          change == Workspace::Change::Database) {
        reloadChoices();
      }
    });
  }
  reloadChoices();
  revalidate();
}

OrderEditor::~OrderEditor() {
  if (m_workspace != nullptr) {
    m_workspace->unsubscribe(m_subscription);
  }
}

void OrderEditor::reloadChoices() {
  m_payer = {};
  m_contacts.clear();
  if (m_workspace != nullptr) {
    if (auto payer = services::companyPayer(m_workspace->database())) {
      m_payer = std::move(payer).value();
    }
    if (auto contacts = services::findContacts(m_workspace->database(), "")) {
      m_contacts = std::move(contacts).value();
    }
  }
  const wxString current = m_rows.at(OrderField::PayerAccount).input->GetValue();
  m_payerChoice->Clear();
  m_payerChoice->Append(m_payer.accounts.empty() ? _("(no company accounts yet)") : _("(choose an account)"));
  int selected = 0;
  for (const auto& account : m_payer.accounts) {
    wxString label = fromUtf8(account.account) + "  " + fromUtf8(account.currency);
    if (!account.displayName.empty()) {
      label += "  " + fromUtf8(account.displayName);
    }
    m_payerChoice->Append(label);
    if (fromUtf8(account.account) == current) {
      selected = static_cast<int>(m_payerChoice->GetCount()) - 1;
    }
  }
  m_payerChoice->SetSelection(selected);
  m_payerChoice->Enable(!m_payer.accounts.empty());
  wxArrayString names;
  for (const auto& contact : m_contacts) {
    names.Add(fromUtf8(contact.name));
  }
  m_rows.at(OrderField::RecipientName).input->AutoComplete(names);
}

void OrderEditor::choosePayerAccount(int index) {
  if (index <= 0 || static_cast<std::size_t>(index) > m_payer.accounts.size()) {
    return;
  }
  m_payerChoice->SetSelection(index);
  const auto& account = m_payer.accounts[static_cast<std::size_t>(index - 1)];
  const auto setField = [this](OrderField field, const std::string& value) {
    m_rows.at(field).input->ChangeValue(fromUtf8(value));
    m_touched.insert(field);
  };
  setField(OrderField::PayerAccount, account.account);
  if (!m_payer.name.empty()) {
    setField(OrderField::PayerName, m_payer.name);
    setField(OrderField::PayerPlace, m_payer.place);
  }
  revalidate();
}

void OrderEditor::completeRecipient() {
  if (m_filling) {
    return;
  }
  const std::string name = text(OrderField::RecipientName);
  const auto it = std::find_if(m_contacts.begin(), m_contacts.end(),
                               [&name](const storage::Contact& contact) { return contact.name == name; });
  if (it == m_contacts.end() || it->name == m_completedFrom) {
    return;
  }
  m_completedFrom = it->name;
  // The contact's defaults; what it does not say is left as typed.
  const auto fill = [this](OrderField field, const std::string& value) {
    if (!value.empty()) {
      m_rows.at(field).input->ChangeValue(fromUtf8(value));
      m_touched.insert(field);
    }
  };
  fill(OrderField::RecipientPlace, it->place);
  if (!it->accounts.empty()) {
    auto account = banking::Account::parse(it->accounts.front());
    fill(OrderField::RecipientAccount, account ? account.value().shortForm() : it->accounts.front());
  }
  fill(OrderField::PaymentCode, it->paymentCode);
  fill(OrderField::Purpose, it->purpose);
  fill(OrderField::CreditModel, it->creditReference.model);
  fill(OrderField::CreditReference, it->creditReference.number);
  fill(OrderField::DebitModel, it->debitReference.model);
  fill(OrderField::DebitReference, it->debitReference.number);
  revalidate();
}

void OrderEditor::newOrder() {
  m_storedId.reset();
  m_completedFrom.clear();
  setOrder(banking::PaymentOrder{});
  m_touched.clear();
  m_payerChoice->SetSelection(0);
  m_saveMessage->SetLabel(wxString());
  m_qrMessage->SetLabel(wxString());
  revalidate();
}

void OrderEditor::editStoredOrder(std::int64_t id, const banking::PaymentOrder& order) {
  m_completedFrom = order.recipientName;  // its fields are what was stored, not the contact's
  setOrder(order);
  m_storedId = id;
  m_saveMessage->SetLabel(wxString::Format(_("Editing stored order %lld."), static_cast<long long>(id)));
}

bool OrderEditor::save() {
  if (m_workspace == nullptr) {
    return false;
  }
  // Text that is not an amount or a date is not stored as zero or as no date.
  const auto found = problems();
  const bool unreadable = std::any_of(found.begin(), found.end(), [this](const auto& p) {
    return (p.field == OrderField::Amount && !text(OrderField::Amount).empty() &&
            !banking::Money::parseInput(text(OrderField::Amount), banking::Currency::rsd())) ||
           (p.field == OrderField::ExecutionDate && !text(OrderField::ExecutionDate).empty() &&
            !banking::parseSerbianDate(text(OrderField::ExecutionDate)));
  });
  if (unreadable) {
    m_saveMessage->SetForegroundColour(kProblemColour);
    m_saveMessage->SetLabel(_("Not saved: correct the amount or the date first."));
    for (auto& [field, row] : m_rows) {
      m_touched.insert(field);
    }
    revalidate();
    return false;
  }
  auto saved = services::saveOrder(m_workspace->database(), m_storedId, order(), m_today());
  if (!saved) {
    m_saveMessage->SetForegroundColour(kProblemColour);
    m_saveMessage->SetLabel(_("Not saved:") + " " + fromUtf8(saved.error().describe()));
    return false;
  }
  m_storedId = saved.value();
  for (auto& [field, row] : m_rows) {
    m_touched.insert(field);
  }
  revalidate();
  m_saveMessage->SetForegroundColour(GetForegroundColour());
  m_saveMessage->SetLabel(
      found.empty() ? _("Saved: ready to sign.")
                    : wxString::Format(_("Saved as a draft; problems to correct: %zu."), found.size()));
  m_workspace->changed(Workspace::Change::Orders);
  return true;
}

wxString OrderEditor::saveMessage() const {
  return m_saveMessage->GetLabel();
}

void OrderEditor::addRow(wxSizer* grid, OrderField field, const wxString& label, int maxLength) {
  Row row;
  row.input = new wxTextCtrl(m_form, wxID_ANY);
  row.input->SetMaxLength(static_cast<unsigned long>(maxLength));
  row.input->SetName(fromUtf8(std::string(banking::fieldName(field))));
  row.input->Bind(wxEVT_TEXT, [this, field](wxCommandEvent&) {
    m_touched.insert(field);
    if (field == OrderField::RecipientName) {
      // Typing a contact's name offers the address book; choosing one fills its defaults.
      completeRecipient();
    }
    revalidate();
  });
  // Wide enough for an account with its dashes, a model-97 reference or a 35-letter name.
  row.input->SetMinSize(wxSize(row.input->GetTextExtent(wxString('0', 32)).x, -1));
  // A long message is cut with "…" at the window's edge; its tooltip holds all of it.
  row.message = new wxStaticText(m_form, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                 wxST_NO_AUTORESIZE | wxST_ELLIPSIZE_END);
  row.message->SetForegroundColour(kProblemColour);
  grid->Add(new wxStaticText(m_form, wxID_ANY, label), wxSizerFlags().CenterVertical());
  grid->Add(row.input, wxSizerFlags().Expand());
  grid->Add(row.message, wxSizerFlags().CenterVertical().Expand());
  m_rows[field] = row;
}

std::string OrderEditor::text(OrderField field) const {
  std::string value = toUtf8(m_rows.at(field).input->GetValue());
  const auto first = value.find_first_not_of(' ');
  const auto last = value.find_last_not_of(' ');
  return first == std::string::npos ? std::string{} : value.substr(first, last - first + 1);
}

banking::PaymentOrder OrderEditor::order() const {
  banking::PaymentOrder order;
  order.payerAccount = text(OrderField::PayerAccount);
  order.payerName = text(OrderField::PayerName);
  order.payerPlace = text(OrderField::PayerPlace);
  order.recipientAccount = text(OrderField::RecipientAccount);
  order.recipientName = text(OrderField::RecipientName);
  order.recipientPlace = text(OrderField::RecipientPlace);
  if (auto amount = banking::Money::parseInput(text(OrderField::Amount), banking::Currency::rsd())) {
    order.amount = amount.value();
  }
  order.paymentCode = text(OrderField::PaymentCode);
  order.purpose = text(OrderField::Purpose);
  order.debitReference = {text(OrderField::DebitModel), text(OrderField::DebitReference)};
  order.creditReference = {text(OrderField::CreditModel), text(OrderField::CreditReference)};
  order.urgent = m_urgent->GetValue();
  if (auto date = banking::parseSerbianDate(text(OrderField::ExecutionDate))) {
    order.executionDate = date.value();
  }
  return order;
}

void OrderEditor::setOrder(const banking::PaymentOrder& order) {
  m_filling = true;
  const auto set = [this](OrderField field, const std::string& value) {
    m_rows.at(field).input->ChangeValue(fromUtf8(value));
  };
  set(OrderField::PayerAccount, order.payerAccount);
  set(OrderField::PayerName, order.payerName);
  set(OrderField::PayerPlace, order.payerPlace);
  set(OrderField::RecipientAccount, order.recipientAccount);
  set(OrderField::RecipientName, order.recipientName);
  set(OrderField::RecipientPlace, order.recipientPlace);
  set(OrderField::Amount, order.amount.isZero() ? std::string{} : order.amount.toDisplay());
  set(OrderField::PaymentCode, order.paymentCode);
  set(OrderField::Purpose, order.purpose);
  set(OrderField::DebitModel, order.debitReference.model);
  set(OrderField::DebitReference, order.debitReference.number);
  set(OrderField::CreditModel, order.creditReference.model);
  set(OrderField::CreditReference, order.creditReference.number);
  set(OrderField::ExecutionDate, order.executionDate ? banking::toSerbianString(*order.executionDate) : "");
  m_urgent->SetValue(order.urgent);
  for (const auto& [field, row] : m_rows) {
    m_touched.insert(field);
  }
  m_filling = false;
  revalidate();
}

std::vector<banking::OrderProblem> OrderEditor::problems() const {
  auto problems = banking::validate(order(), m_today());
  // Text that is not an amount or a date at all: say that, rather than "missing".
  const std::string amountText = text(OrderField::Amount);
  if (!amountText.empty()) {
    if (auto amount = banking::Money::parseInput(amountText, banking::Currency::rsd()); !amount) {
      std::erase_if(problems, [](const auto& p) { return p.field == OrderField::Amount; });
      problems.push_back({OrderField::Amount, amount.error().code, amount.error().message});
    }
  }
  const std::string dateText = text(OrderField::ExecutionDate);
  if (!dateText.empty()) {
    if (auto date = banking::parseSerbianDate(dateText); !date) {
      problems.push_back({OrderField::ExecutionDate, date.error().code, date.error().message});
    }
  }
  return problems;
}

bool OrderEditor::isBlank() const {
  return !m_urgent->GetValue() && std::all_of(m_rows.begin(), m_rows.end(), [](const auto& entry) {
    return entry.second.input->IsEmpty();
  });
}

void OrderEditor::revalidate() {
  if (m_filling) {
    return;
  }
  const auto found = problems();
  for (auto& [field, row] : m_rows) {
    const auto it =
        std::find_if(found.begin(), found.end(), [f = field](const auto& p) { return p.field == f; });
    // A field the user has not reached yet is not shouted at.
    const bool shown = it != found.end() && m_touched.contains(field);
    const wxString message = shown ? orderProblemText(*it) : wxString();
    if (row.message->GetLabel() != message) {
      row.message->SetLabel(message);
      row.message->SetToolTip(message);
    }
  }
  const auto order = this->order();
  const auto route = banking::routeOf(order);
  wxString routeLabel;
  switch (route) {
    case banking::Route::Clearing:
      routeLabel = _("Route: clearing");
      break;
    case banking::Route::Rtgs:
      routeLabel = _("Route: RTGS");
      break;
    case banking::Route::Instant:
      routeLabel = _("Route: instant payment");
      break;
  }
  m_route->SetLabel(routeLabel);
  Layout();
}

bool OrderEditor::fillFromQr(const std::string& text) {
  auto qr = banking::parseIpsQr(text);
  if (!qr) {
    m_qrMessage->SetLabel(fromUtf8(qr.error().describe()));
    return false;
  }
  m_qrMessage->SetLabel(wxString());
  setOrder(banking::orderFromIpsQr(qr.value(), order()));
  return true;
}

void OrderEditor::onPasteQr() {
  wxString pasted;
  if (wxTheClipboard->Open()) {
    if (wxTheClipboard->IsSupported(wxDF_UNICODETEXT)) {
      wxTextDataObject data;
      wxTheClipboard->GetData(data);
      pasted = data.GetText();
    }
    wxTheClipboard->Close();
  }
  pasted.Trim(true).Trim(false);
  if (pasted.empty()) {
    m_qrMessage->SetLabel(_("The clipboard holds no text."));
    return;
  }
  fillFromQr(toUtf8(pasted));
}

bool OrderEditor::fillFromQrImage(const std::filesystem::path& picture) {
  auto text = services::decodeQrImage(picture);
  if (!text) {
    const auto& error = text.error();
    m_qrMessage->SetLabel(
        error.code == banking::Errc::NotFound            ? _("The picture holds no QR code that can be read.")
        : error.code == banking::Errc::UnsupportedFormat ? _("The file is not a PNG or JPEG picture.")
                                                         : fromUtf8(error.describe()));
    return false;
  }
  return fillFromQr(text.value());
}

void OrderEditor::onOpenQrImage() {
  const wxString file =
      modalAnswers().fileToOpen(this, _("Open a picture of the invoice's QR code"),
                                _("Pictures (*.png;*.jpg;*.jpeg)|*.png;*.PNG;*.jpg;*.JPG;*.jpeg;*.JPEG"));
  if (!file.empty()) {
    fillFromQrImage(std::filesystem::path(file.utf8_string()));
  }
}

wxString OrderEditor::messageFor(OrderField field) const {
  return m_rows.at(field).message->GetLabel();
}
wxString OrderEditor::routeText() const {
  return m_route->GetLabel();
}
wxString OrderEditor::qrMessage() const {
  return m_qrMessage->GetLabel();
}
wxTextCtrl* OrderEditor::fieldControl(OrderField field) const {
  return m_rows.at(field).input;
}

}  // namespace platnik::gui
