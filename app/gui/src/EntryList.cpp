#include "gui/EntryList.h"

#include "gui/Display.h"

namespace platnik::gui {
namespace {

wxString referenceText(const banking::Reference& reference) {
  if (reference.number.empty()) {
    return {};
  }
  return reference.model.empty() ? fromUtf8(reference.number)
                                 : fromUtf8(reference.model) + " " + fromUtf8(reference.number);
}

}  // namespace

EntryList::EntryList(wxWindow* parent, services::EntryBrowser& browser)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxLC_HRULES),
      m_browser(&browser) {
  SetName("entries");
  AppendColumn(_("Booking date"), wxLIST_FORMAT_LEFT, 95);
  AppendColumn(_("Counterparty"), wxLIST_FORMAT_LEFT, 200);
  AppendColumn(_("Purpose"), wxLIST_FORMAT_LEFT, 240);
  AppendColumn(_("Amount"), wxLIST_FORMAT_RIGHT, 120);
  AppendColumn(_("Payment code"), wxLIST_FORMAT_CENTER, 60);
  AppendColumn(_("References"), wxLIST_FORMAT_LEFT, 150);
  AppendColumn(_("Account"), wxLIST_FORMAT_LEFT, 150);
  m_incoming.SetTextColour(wxColour(0, 128, 64));
  m_outgoing.SetTextColour(wxColour(176, 0, 32));
}

void EntryList::reload() {
  SetItemCount(static_cast<long>(m_browser->rowCount()));
  Refresh();
}

wxString EntryList::OnGetItemText(long item, long column) const {
  const auto row = m_browser->row(item);
  if (!row) {
    return {};
  }
  const auto& stored = *row.value();
  const auto& entry = stored.entry;
  switch (column) {
    case kDate:
      return displayDate(stored.date);
    case kCounterparty:
      return fromUtf8(entry.counterparty.name);
    case kPurpose:
      return fromUtf8(entry.purpose);
    case kAmount:
      return displayAmountWithCurrency(entry.amount);
    case kPaymentCode:
      return fromUtf8(entry.paymentCode);
    case kReferences: {
      const wxString debit = referenceText(entry.debitReference);
      const wxString credit = referenceText(entry.reference);
      return debit.empty() ? credit : credit.empty() ? debit : debit + " / " + credit;
    }
    case kAccount:
      return accountName(stored.accountId);
    default:
      return {};
  }
}

wxItemAttr* EntryList::OnGetItemColumnAttr(long item, long column) const {
  if (column != kAmount) {
    return nullptr;
  }
  const auto row = m_browser->row(item);
  if (!row) {
    return nullptr;
  }
  return row.value()->entry.amount.minorUnits() < 0 ? &m_outgoing : &m_incoming;
}

}  // namespace platnik::gui
