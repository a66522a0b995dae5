#include "gui/AccountsPane.h"

#include "banking/Account.h"
#include "gui/Display.h"
#include "services/AccountOverview.h"

#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/treectrl.h>

namespace platnik::gui {
namespace {

/// Carries the account id in the tree (bank, total and "All" items carry none).
class AccountData : public wxTreeItemData {
 public:
  explicit AccountData(std::int64_t id) : m_id(id) {}
  [[nodiscard]] std::int64_t id() const { return m_id; }

 private:
  std::int64_t m_id;
};

wxString accountName(const storage::StoredAccount& account) {
  // Domestic numbers in the short form bookkeepers read ("160-18203969-50").
  const auto parsed = banking::Account::parse(account.number);
  wxString text = fromUtf8(parsed ? parsed.value().shortForm() : account.number);
  if (!account.displayName.empty()) {
    text += " " + fromUtf8(account.displayName);
  }
  return text;
}

}  // namespace

AccountsPane::AccountsPane(wxWindow* parent, Workspace& workspace) : wxPanel(parent), m_workspace(workspace) {
  SetName("accounts");
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(new wxStaticText(this, wxID_ANY, _("Banks and accounts")), wxSizerFlags().Border(wxALL, 6));
  m_tree = new wxTreeCtrl(
      this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
      wxTR_HAS_BUTTONS | wxTR_HIDE_ROOT | wxTR_NO_LINES | wxTR_FULL_ROW_HIGHLIGHT | wxTR_SINGLE);
  sizer->Add(m_tree, wxSizerFlags(1).Expand());
  SetSizer(sizer);
  m_tree->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& event) {
    if (m_filling || !event.GetItem().IsOk()) {
      return;
    }
    const auto* data = dynamic_cast<AccountData*>(m_tree->GetItemData(event.GetItem()));
    if (data == nullptr && event.GetItem() != m_all) {
      return;  // a bank or a total: the list stays as it is
    }
    m_selected = data != nullptr ? std::optional<std::int64_t>(data->id()) : std::nullopt;
    if (m_chosen) {
      m_chosen(m_selected);
    }
  });
  m_subscription = m_workspace.subscribe([this](Workspace::Change change) {
    if (change == Workspace::Change::Accounts || change == Workspace::Change::Statements ||
        change == Workspace::Change::Database) {
      refresh();
    }
  });
  refresh();
}

AccountsPane::~AccountsPane() {
  m_workspace.unsubscribe(m_subscription);
}

void AccountsPane::refresh() {
  m_filling = true;
  m_tree->DeleteAllItems();
  m_accountItems.clear();
  const auto root = m_tree->AddRoot("");
  m_all = m_tree->AppendItem(root, _("All accounts"));
  m_totals = {};
  auto overview = services::accountOverview(m_workspace.database());
  if (!overview) {
    m_tree->AppendItem(
        root, wxString::Format(_("The accounts cannot be read: %s"), fromUtf8(overview.error().describe())));
    m_filling = false;
    return;
  }
  for (const auto& bank : overview.value().banks) {
    if (bank.accounts.empty()) {
      continue;  // a bank of the list where the company has no account
    }
    const wxString bankName =
        bank.bank ? fromUtf8(bank.bank->name.empty() ? bank.bank->code : bank.bank->name) : _("Other banks");
    const auto bankItem = m_tree->AppendItem(root, bankName);
    m_tree->SetItemBold(bankItem);
    for (const auto& each : bank.accounts) {
      wxString text = accountName(each.account);
      if (each.balance) {
        text += wxString::Format(_(": %s on %s"), displayAmountWithCurrency(each.balance->amount),
                                 displayDate(each.balance->date));
      } else {
        text += _(": no statement yet");
      }
      const auto item = m_tree->AppendItem(bankItem, text, -1, -1, new AccountData(each.account.id));
      m_accountItems[each.account.id] = item;
    }
    m_tree->Expand(bankItem);
  }
  if (!overview.value().totals.empty()) {
    m_totals = m_tree->AppendItem(root, _("Totals"));
    m_tree->SetItemBold(m_totals);
    for (const auto& total : overview.value().totals) {
      m_tree->AppendItem(m_totals, wxString::Format(_("Total %s: %s"), fromUtf8(total.currency().code()),
                                                    displayAmount(total)));
    }
    m_tree->Expand(m_totals);
  }
  // Keep the chosen account chosen (an account that is gone leaves "All accounts").
  if (m_selected && !m_accountItems.contains(*m_selected)) {
    m_selected.reset();
    if (m_chosen) {
      m_chosen(m_selected);
    }
  }
  m_tree->SelectItem(m_selected ? m_accountItems.at(*m_selected) : m_all);
  m_filling = false;
}

bool AccountsPane::selectAccount(std::optional<std::int64_t> accountId) {
  if (accountId && !m_accountItems.contains(*accountId)) {
    return false;
  }
  const auto item = accountId ? m_accountItems.at(*accountId) : m_all;
  if (m_tree->GetSelection() == item) {
    m_selected = accountId;
    if (m_chosen) {
      m_chosen(m_selected);
    }
  } else {
    m_tree->SelectItem(item);  // the selection event tells the listener
  }
  return true;
}

wxString AccountsPane::accountText(std::int64_t accountId) const {
  const auto it = m_accountItems.find(accountId);
  return it == m_accountItems.end() ? wxString() : m_tree->GetItemText(it->second);
}

std::vector<wxString> AccountsPane::totalTexts() const {
  std::vector<wxString> texts;
  if (!m_totals.IsOk()) {
    return texts;
  }
  wxTreeItemIdValue cookie;
  for (auto child = m_tree->GetFirstChild(m_totals, cookie); child.IsOk();
       child = m_tree->GetNextChild(m_totals, cookie)) {
    texts.push_back(m_tree->GetItemText(child));
  }
  return texts;
}

}  // namespace platnik::gui
