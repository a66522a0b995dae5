#pragma once

#include "gui/Workspace.h"

#include <wx/panel.h>
#include <wx/treebase.h>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>

class wxTreeCtrl;

namespace platnik::gui {

/// The left pane: the company's banks and their accounts, each with its latest balance and
/// that balance's date, and the total per currency. Choosing an account (or "All accounts")
/// tells the listener; the pane refreshes when accounts or statements change.
class AccountsPane : public wxPanel {
 public:
  using Chosen = std::function<void(std::optional<std::int64_t> accountId)>;

  AccountsPane(wxWindow* parent, Workspace& workspace);
  ~AccountsPane() override;
  AccountsPane(const AccountsPane&) = delete;
  AccountsPane& operator=(const AccountsPane&) = delete;

  /// Called whenever the user (or selectAccount) chooses an account or "All accounts".
  void onChosen(Chosen chosen) { m_chosen = std::move(chosen); }
  /// Chooses the account (none: "All accounts") as if clicked; false if it is not listed.
  bool selectAccount(std::optional<std::int64_t> accountId);
  [[nodiscard]] std::optional<std::int64_t> selectedAccount() const { return m_selected; }

  /// Reads banks, accounts and balances again.
  void refresh();

  [[nodiscard]] wxTreeCtrl* tree() const { return m_tree; }
  /// The line shown for the account ("" when it is not listed).
  [[nodiscard]] wxString accountText(std::int64_t accountId) const;
  /// The total lines, one per currency ("Total RSD: 1.234,56").
  [[nodiscard]] std::vector<wxString> totalTexts() const;

 private:
  Workspace& m_workspace;
  int m_subscription = 0;
  wxTreeCtrl* m_tree = nullptr;
  wxTreeItemId m_all;
  wxTreeItemId m_totals;
  std::map<std::int64_t, wxTreeItemId> m_accountItems;
  std::optional<std::int64_t> m_selected;
  Chosen m_chosen;
  bool m_filling = false;
};

}  // namespace platnik::gui
