#include "gui/OrderEditor.h"

#include "banking/IpsQr.h"
#include "banking/OrderFromQr.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/clipbrd.h>
#include <wx/dataobj.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace platnik::gui {
namespace {

using banking::OrderField;

wxString fromUtf8(const std::string& text) {
  return wxString::FromUTF8(text.data(), text.size());
}
std::string toUtf8(const wxString& text) {
  return text.utf8_string();
}

const wxColour kProblemColour(176, 0, 32);

}  // namespace

OrderEditor::OrderEditor(wxWindow* parent, Clock today) : wxPanel(parent), m_today(std::move(today)) {
  auto* outer = new wxBoxSizer(wxVERTICAL);
  auto* grid = new wxFlexGridSizer(3, wxSize(8, 4));
  // The fields keep their width; the messages beside them get the rest of the window.
  grid->AddGrowableCol(2, 1);

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

  m_urgent = new wxCheckBox(this, wxID_ANY, _("Urgent"));
  m_urgent->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { revalidate(); });
  grid->AddSpacer(0);
  grid->Add(m_urgent, wxSizerFlags().CenterVertical());
  grid->AddSpacer(0);
  outer->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, 10));

  auto* footer = new wxBoxSizer(wxHORIZONTAL);
  m_pasteQr = new wxButton(this, wxID_ANY, _("Paste IPS QR"));
  m_pasteQr->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onPasteQr(); });
  footer->Add(m_pasteQr, wxSizerFlags().CenterVertical());
  m_qrMessage = new wxStaticText(this, wxID_ANY, wxString());
  m_qrMessage->SetForegroundColour(kProblemColour);
  footer->Add(m_qrMessage, wxSizerFlags(1).CenterVertical().Border(wxLEFT, 10));
  m_route = new wxStaticText(this, wxID_ANY, wxString());
  footer->Add(m_route, wxSizerFlags().CenterVertical().Border(wxLEFT, 10));
  outer->Add(footer, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 10));

  SetSizer(outer);
  revalidate();
}

void OrderEditor::addRow(wxSizer* grid, OrderField field, const wxString& label, int maxLength) {
  Row row;
  row.input = new wxTextCtrl(this, wxID_ANY);
  row.input->SetMaxLength(static_cast<unsigned long>(maxLength));
  row.input->SetName(fromUtf8(std::string(banking::fieldName(field))));
  row.input->Bind(wxEVT_TEXT, [this, field](wxCommandEvent&) {
    m_touched.insert(field);
    revalidate();
  });
  // Wide enough for an account with its dashes, a model-97 reference or a 35-letter name.
  row.input->SetMinSize(wxSize(row.input->GetTextExtent(wxString('0', 32)).x, -1));
  // A long message is cut with "…" at the window's edge; its tooltip holds all of it.
  row.message = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                 wxST_NO_AUTORESIZE | wxST_ELLIPSIZE_END);
  row.message->SetForegroundColour(kProblemColour);
  grid->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().CenterVertical());
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
    const wxString message = shown ? fromUtf8(it->message) : wxString();
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
