#pragma once

#include "services/EntryBrowser.h"

#include <wx/listctrl.h>

#include <cstdint>
#include <map>

namespace platnik::gui {

/// The entries of an EntryBrowser in a virtual report list: the control asks for the rows it
/// shows and the browser reads them a page at a time, so a million rows scroll like fifty.
/// Amounts are green for money in and red for money out.
class EntryList : public wxListCtrl {
 public:
  enum Column : long {
    kDate,
    kCounterparty,
    kPurpose,
    kAmount,
    kPaymentCode,
    kReferences,
    kAccount,
    kColumns
  };

  EntryList(wxWindow* parent, services::EntryBrowser& browser);

  /// Shows the browser's current row count (after a new selection or a refresh).
  void reload();
  /// The text of a cell as shown ("" for a row that cannot be read).
  [[nodiscard]] wxString cellText(long row, long column) const { return OnGetItemText(row, column); }
  /// How the Account column names each account id.
  void setAccountNames(std::map<std::int64_t, wxString> names) { m_accountNames = std::move(names); }
  /// The account's short number ("" for an unknown id).
  [[nodiscard]] wxString accountName(std::int64_t accountId) const {
    const auto it = m_accountNames.find(accountId);
    return it == m_accountNames.end() ? wxString() : it->second;
  }

 protected:
  wxString OnGetItemText(long item, long column) const override;
  wxItemAttr* OnGetItemColumnAttr(long item, long column) const override;

 private:
  services::EntryBrowser* m_browser;
  std::map<std::int64_t, wxString> m_accountNames;
  mutable wxItemAttr m_incoming;
  mutable wxItemAttr m_outgoing;
};

}  // namespace platnik::gui
