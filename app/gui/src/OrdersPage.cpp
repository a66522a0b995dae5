#include "gui/OrdersPage.h"

#include "banking/Text.h"
#include "gui/Display.h"
#include "gui/ModalAnswers.h"
#include "gui/OrderEditor.h"
#include "gui/OrderProblemText.h"
#include "gui/PinDialogs.h"
#include "gui/Printing.h"
#include "gui/Workspace.h"
#include "services/TokenAccess.h"

#include <wx/accel.h>
#include <wx/artprov.h>
#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/dcmemory.h>
#include <wx/imaglist.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/progdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>

namespace platnik::gui {
namespace {

using banking::OrderState;

constexpr std::array kStates{OrderState::Draft,     OrderState::Ready,    OrderState::Signed,
                             OrderState::Queued,    OrderState::Sending,  OrderState::Delivered,
                             OrderState::Accepted,  OrderState::Rejected, OrderState::Executed,
                             OrderState::Cancelled, OrderState::Unknown};
/// The state filter's first two entries, then one per state in kStates order.
constexpr int kFilterActive = 0;  ///< every order but the deleted (cancelled) ones
constexpr int kFilterAll = 1;

enum Column { kState, kPayer, kRecipient, kAmount, kDate, kPurpose, kProblems };

const wxColour kProblemColour(176, 0, 32);

wxColour stateColour(OrderState state) {
  switch (state) {
    case OrderState::Draft:
      return {150, 150, 150};
    case OrderState::Ready:
      return {30, 110, 220};
    case OrderState::Signed:
      return {0, 150, 70};
    case OrderState::Queued:
    case OrderState::Sending:
    case OrderState::Delivered:
      return {0, 150, 170};
    case OrderState::Accepted:
    case OrderState::Executed:
      return {0, 90, 40};
    case OrderState::Rejected:
      return {200, 30, 30};
    case OrderState::Cancelled:
      return {215, 215, 215};
    case OrderState::Unknown:
      return {240, 150, 0};
  }
  return *wxBLACK;
}

/// A filled circle in the state's colour (transparent around it).
wxBitmap stateIcon(OrderState state) {
  wxBitmap bitmap(16, 16);
  {
    wxMemoryDC dc(bitmap);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    dc.SetPen(wxPen(stateColour(state).ChangeLightness(70)));
    dc.SetBrush(wxBrush(stateColour(state)));
    dc.DrawCircle(8, 8, 6);
  }
  bitmap.SetMask(new wxMask(bitmap, *wxWHITE));
  return bitmap;
}

/// The icon index of a row: one per state, then the warning sign for an order with problems.
int iconOf(const services::OrderRow& row) {
  if (!row.problems.empty()) {
    return static_cast<int>(kStates.size());
  }
  return static_cast<int>(std::find(kStates.begin(), kStates.end(), row.state) - kStates.begin());
}

/// A reason from the services (English) under a translated headline.
wxString withReason(const wxString& headline, const banking::Error& error) {
  return headline + "\n\n" + fromUtf8(error.describe());
}

}  // namespace

OrdersPage::OrdersPage(wxWindow* parent, Workspace& workspace, OrderEditor& editor,
                       std::function<void()> showEditor, Clock today)
    : wxPanel(parent),
      m_workspace(workspace),
      m_editor(editor),
      m_showEditor(std::move(showEditor)),
      m_today(std::move(today)) {
  SetName("orders");
  auto* outer = new wxBoxSizer(wxVERTICAL);

  auto* filters = new wxBoxSizer(wxHORIZONTAL);
  filters->Add(new wxStaticText(this, wxID_ANY, _("State:")), wxSizerFlags().CenterVertical());
  m_stateFilter = new wxChoice(this, wxID_ANY);
  m_stateFilter->Append(_("All but deleted"));
  m_stateFilter->Append(_("All"));
  for (const OrderState state : kStates) {
    m_stateFilter->Append(stateText(state));
  }
  m_stateFilter->SetSelection(kFilterActive);
  m_stateFilter->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { showRows(); });
  filters->Add(m_stateFilter, wxSizerFlags().CenterVertical().Border(wxLEFT, 4));
  filters->Add(new wxStaticText(this, wxID_ANY, _("Search:")),
               wxSizerFlags().CenterVertical().Border(wxLEFT, 12));
  m_textFilter = new wxTextCtrl(this, wxID_ANY);
  m_textFilter->SetHint(_("payer, recipient, account, purpose, amount"));
  m_textFilter->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { showRows(); });
  filters->Add(m_textFilter, wxSizerFlags(1).CenterVertical().Border(wxLEFT, 4));
  outer->Add(filters, wxSizerFlags().Expand().Border(wxALL, 8));

  buildList();
  outer->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 8));

  m_summary = new wxStaticText(this, wxID_ANY, wxString());
  outer->Add(m_summary, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 8));
  m_problems = new wxStaticText(this, wxID_ANY, wxString());
  m_problems->SetForegroundColour(kProblemColour);
  outer->Add(m_problems, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 8));

  // The actions wrap onto a second row when the page is narrower than all of them.
  auto* buttons = new wxWrapSizer(wxHORIZONTAL);
  const auto button = [this, buttons](const wxString& label, std::function<void()> action) {
    auto* b = new wxButton(this, wxID_ANY, label);
    b->Bind(wxEVT_BUTTON, [action = std::move(action)](wxCommandEvent&) { action(); });
    buttons->Add(b, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, 4));
    return b;
  };
  m_new = button(_("&New"), [this] { newOrder(); });
  m_edit = button(_("&Edit"), [this] { editSelected(); });
  m_duplicate = button(_("D&uplicate"), [this] { duplicateSelected(); });
  m_delete = button(_("&Delete"), [this] { deleteSelected(); });
  m_sign = button(_("&Sign…"), [this] { signSelected(); });
  m_export = button(_("E&xport…"), [this] { exportMenu(m_export); });
  m_import = button(_("&Import orders…"), [this] { importOrders(); });
  m_print = button(_("&Print…"), [this] { printOrders(this, m_workspace, selectedIds()); });
  m_pdf = button(_("Save as PD&F…"), [this] { saveOrdersAsPdf(this, m_workspace, selectedIds()); });
  outer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, 8));
  SetSizer(outer);

  m_subscription = m_workspace.subscribe([this](Workspace::Change change) {
    if (change == Workspace::Change::Orders || change == Workspace::Change::Database) {
      refresh();
    }
  });
  refresh();
}

OrdersPage::~OrdersPage() {
  m_workspace.unsubscribe(m_subscription);
}

void OrdersPage::buildList() {
  m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
  m_list->SetName("order-list");
  auto* icons = new wxImageList(16, 16, true);
  for (const OrderState state : kStates) {
    icons->Add(stateIcon(state));
  }
  icons->Add(wxArtProvider::GetBitmap(wxART_WARNING, wxART_LIST, wxSize(16, 16)));
  m_list->AssignImageList(icons, wxIMAGE_LIST_SMALL);
  m_list->AppendColumn(_("State"), wxLIST_FORMAT_LEFT, 120);
  m_list->AppendColumn(_("Payer"), wxLIST_FORMAT_LEFT, 170);
  m_list->AppendColumn(_("Recipient"), wxLIST_FORMAT_LEFT, 190);
  m_list->AppendColumn(_("Amount"), wxLIST_FORMAT_RIGHT, 120);
  m_list->AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, 90);
  m_list->AppendColumn(_("Purpose"), wxLIST_FORMAT_LEFT, 220);
  m_list->AppendColumn(_("Problems"), wxLIST_FORMAT_LEFT, 220);
  m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { updateSelection(); });
  m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { updateSelection(); });
  m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { editSelected(); });
  m_list->Bind(wxEVT_LIST_ITEM_RIGHT_CLICK, [this](wxListEvent&) { onContextMenu(); });
  bindKeys();
}

void OrdersPage::bindKeys() {
  // The keys act where the orders are: on the list (Del in the search field deletes text,
  // Enter there does not open an order). An accelerator table turns each key into a menu
  // command that goes up from the list to this page.
  const std::array keys{
      std::pair{wxAcceleratorEntry(wxACCEL_NORMAL, WXK_INSERT, wxID_NEW),
                std::function<void()>([this] { newOrder(); })},
      std::pair{wxAcceleratorEntry(wxACCEL_NORMAL, WXK_NUMPAD_INSERT, wxID_NEW), std::function<void()>()},
      std::pair{wxAcceleratorEntry(wxACCEL_NORMAL, WXK_DELETE, wxID_DELETE),
                std::function<void()>([this] { deleteSelected(); })},
      std::pair{wxAcceleratorEntry(wxACCEL_NORMAL, WXK_NUMPAD_DELETE, wxID_DELETE), std::function<void()>()},
      std::pair{wxAcceleratorEntry(wxACCEL_CTRL, 'D', wxID_DUPLICATE),
                std::function<void()>([this] { duplicateSelected(); })},
      std::pair{wxAcceleratorEntry(wxACCEL_NORMAL, WXK_RETURN, wxID_EDIT),
                std::function<void()>([this] { editSelected(); })},
      std::pair{wxAcceleratorEntry(wxACCEL_NORMAL, WXK_NUMPAD_ENTER, wxID_EDIT), std::function<void()>()},
  };
  std::vector<wxAcceleratorEntry> entries;
  for (const auto& [entry, action] : keys) {
    entries.push_back(entry);
    if (action) {
      m_list->Bind(
          wxEVT_MENU, [action](wxCommandEvent&) { action(); }, entry.GetCommand());
    }
  }
  m_list->SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(entries.size()), entries.data()));
}

wxString OrdersPage::stateText(OrderState state) {
  switch (state) {
    case OrderState::Draft:
      return _("Draft");
    case OrderState::Ready:
      return _("Ready to sign");
    case OrderState::Signed:
      return _("Signed");
    case OrderState::Queued:
      return _("Queued");
    case OrderState::Sending:
      return _("Sending");
    case OrderState::Delivered:
      return _("Delivered");
    case OrderState::Accepted:
      return _("Accepted");
    case OrderState::Rejected:
      return _("Rejected");
    case OrderState::Executed:
      return _("Executed");
    case OrderState::Cancelled:
      return _("Deleted");
    case OrderState::Unknown:
      return _("Unknown: status to be asked");
  }
  return {};
}

void OrdersPage::refresh() {
  auto rows = services::listOrderRows(m_workspace.database(), m_today());
  if (!rows) {
    m_all.clear();
    showRows();
    m_problems->SetLabel(withReason(_("The orders cannot be read."), rows.error()));
    return;
  }
  m_all = std::move(rows).value();
  showRows();
}

void OrdersPage::showRows() {
  const auto keep = selectedIds();
  const int filter = m_stateFilter->GetSelection();
  const std::string words = banking::foldForSearch(m_textFilter->GetValue().utf8_string());
  m_shown.clear();
  for (const auto& row : m_all) {
    if (filter == kFilterActive && row.state == OrderState::Cancelled) {
      continue;
    }
    if (filter > kFilterAll && row.state != kStates[static_cast<std::size_t>(filter - 2)]) {
      continue;
    }
    if (!words.empty()) {
      const auto& o = row.order;
      const std::string haystack =
          banking::foldForSearch(o.payerName + " " + o.recipientName + " " + o.recipientPlace + " " +
                                 o.payerAccount + " " + o.recipientAccount + " " + o.purpose + " " +
                                 o.creditReference.number + " " + displayAmount(o.amount).utf8_string());
      // Every word typed must be found.
      bool all = true;
      std::size_t start = 0;
      while (all && start < words.size()) {
        const auto end = std::min(words.find(' ', start), words.size());
        if (end > start && haystack.find(words.substr(start, end - start)) == std::string::npos) {
          all = false;
        }
        start = end + 1;
      }
      if (!all) {
        continue;
      }
    }
    m_shown.push_back(row);
  }

  m_list->Freeze();
  m_list->DeleteAllItems();
  for (std::size_t i = 0; i < m_shown.size(); ++i) {
    const auto& row = m_shown[i];
    const long item = m_list->InsertItem(static_cast<long>(i), stateText(row.state), iconOf(row));
    m_list->SetItem(item, kPayer, fromUtf8(row.order.payerName));
    m_list->SetItem(item, kRecipient, fromUtf8(row.order.recipientName));
    m_list->SetItem(item, kAmount, displayAmountWithCurrency(row.order.amount));
    m_list->SetItem(item, kDate,
                    row.order.executionDate ? displayDate(*row.order.executionDate) : wxString());
    m_list->SetItem(item, kPurpose, fromUtf8(row.order.purpose));
    if (!row.problems.empty()) {
      const auto& first = row.problems.front();
      wxString text = orderFieldLabel(first.field) + ": " + orderProblemText(first);
      if (row.problems.size() > 1) {
        text = wxString::Format(_("%zu problems; %s"), row.problems.size(), text);
      }
      m_list->SetItem(item, kProblems, text);
      m_list->SetItemTextColour(item, kProblemColour);
    }
    if (std::find(keep.begin(), keep.end(), row.id) != keep.end()) {
      m_list->SetItemState(item, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }
  }
  m_list->Thaw();
  updateSelection();
}

std::vector<std::int64_t> OrdersPage::selectedIds() const {
  std::vector<std::int64_t> ids;
  for (const auto* row : selectedRows()) {
    ids.push_back(row->id);
  }
  return ids;
}

std::vector<const services::OrderRow*> OrdersPage::selectedRows() const {
  std::vector<const services::OrderRow*> rows;
  if (m_list == nullptr) {
    return rows;
  }
  long item = -1;
  while ((item = m_list->GetNextItem(item, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED)) != -1) {
    if (static_cast<std::size_t>(item) < m_shown.size()) {
      rows.push_back(&m_shown[static_cast<std::size_t>(item)]);
    }
  }
  return rows;
}

void OrdersPage::select(const std::vector<std::int64_t>& ids) {
  for (std::size_t i = 0; i < m_shown.size(); ++i) {
    const bool chosen = std::find(ids.begin(), ids.end(), m_shown[i].id) != ids.end();
    m_list->SetItemState(static_cast<long>(i), chosen ? wxLIST_STATE_SELECTED : 0, wxLIST_STATE_SELECTED);
  }
  updateSelection();
}

wxString OrdersPage::selectionSummary() const {
  return m_summary->GetLabel();
}

wxString OrdersPage::problemsText() const {
  return m_problems->GetLabel();
}

void OrdersPage::updateSelection() {
  const auto rows = selectedRows();
  if (rows.empty()) {
    m_summary->SetLabel(wxString::Format(_("Orders: %zu"), m_shown.size()));
    m_problems->SetLabel(wxString());
  } else {
    // Amounts in different currencies are never added together: one total per currency.
    // A total too large for the money type is said to be so, never shown wrong.
    std::map<std::string, std::optional<banking::Money>> totals;
    for (const auto* row : rows) {
      const auto& amount = row->order.amount;
      auto [it, added] = totals.try_emplace(std::string(amount.currency().code()), amount);
      if (!added && it->second) {
        auto sum = it->second->plus(amount);
        it->second = sum ? std::optional<banking::Money>(sum.value()) : std::nullopt;
      }
    }
    wxString sums;
    for (const auto& [code, total] : totals) {
      sums += (sums.empty() ? "" : ", ") + (total ? displayAmountWithCurrency(*total)
                                                  : wxString::Format(_("too large to add up (%s)"), code));
    }
    m_summary->SetLabel(wxString::Format(_("Selected: %zu, total %s"), rows.size(), sums));
    m_problems->SetLabel(rows.size() == 1 ? orderProblemsText(rows.front()->problems) : wxString());
  }
  updateButtons();
  Layout();
}

void OrdersPage::updateButtons() {
  const auto rows = selectedRows();
  const bool one = rows.size() == 1;
  const bool any = !rows.empty();
  const auto anyOf = [&rows](auto predicate) { return std::any_of(rows.begin(), rows.end(), predicate); };
  m_edit->Enable(one && rows.front()->editable());
  m_duplicate->Enable(any);
  m_delete->Enable(any &&
                   std::all_of(rows.begin(), rows.end(), [](const auto* r) { return r->deletable(); }));
  m_sign->Enable(anyOf([](const auto* r) { return r->deletable() && r->problems.empty(); }));
  m_export->Enable(anyOf([](const auto* r) { return r->state == OrderState::Signed; }));
  m_print->Enable(any);
  m_pdf->Enable(any);
}

void OrdersPage::onContextMenu() {
  wxMenu menu;
  const bool any = !selectedIds().empty();
  const auto item = [this, &menu](const wxString& label, bool enabled, std::function<void()> action) {
    auto* entry = menu.Append(wxID_ANY, label);
    entry->Enable(enabled);
    menu.Bind(
        wxEVT_MENU, [action = std::move(action)](wxCommandEvent&) { action(); }, entry->GetId());
  };
  item(_("New\tIns"), true, [this] { newOrder(); });
  item(_("Edit\tEnter"), m_edit->IsEnabled(), [this] { editSelected(); });
  item(_("Duplicate\tCtrl+D"), m_duplicate->IsEnabled(), [this] { duplicateSelected(); });
  item(_("Delete\tDel"), m_delete->IsEnabled(), [this] { deleteSelected(); });
  menu.AppendSeparator();
  item(_("Sign…"), m_sign->IsEnabled(), [this] { signSelected(); });
  const bool exportable = m_export->IsEnabled();
  item(_("Export as pain.001.001.03…"), exportable,
       [this] { exportSelected(services::OrderExportFormat::Pain00100103); });
  item(_("Export as pain.001.001.09…"), exportable,
       [this] { exportSelected(services::OrderExportFormat::Pain00100109); });
  item(_("Export as Halcom TXT…"), exportable,
       [this] { exportSelected(services::OrderExportFormat::HalcomTxt); });
  menu.AppendSeparator();
  item(_("Print…"), any, [this] { printOrders(this, m_workspace, selectedIds()); });
  item(_("Save as PDF…"), any, [this] { saveOrdersAsPdf(this, m_workspace, selectedIds()); });
  menu.AppendSeparator();
  item(_("Import orders…"), true, [this] { importOrders(); });
  PopupMenu(&menu);
}

void OrdersPage::exportMenu(wxWindow* below) {
  wxMenu menu;
  const auto item = [&menu](const wxString& label, std::function<void()> action) {
    auto* entry = menu.Append(wxID_ANY, label);
    menu.Bind(
        wxEVT_MENU, [action = std::move(action)](wxCommandEvent&) { action(); }, entry->GetId());
  };
  item(_("pain.001.001.03 (ISO 20022)…"),
       [this] { exportSelected(services::OrderExportFormat::Pain00100103); });
  item(_("pain.001.001.09 (ISO 20022)…"),
       [this] { exportSelected(services::OrderExportFormat::Pain00100109); });
  item(_("Halcom TXT…"), [this] { exportSelected(services::OrderExportFormat::HalcomTxt); });
  PopupMenu(&menu, below->GetPosition() + wxPoint(0, below->GetSize().y));
}

void OrdersPage::tell(const wxString& message, bool problem) {
  modalAnswers().tell(this, message, _("Orders"), problem);
}

void OrdersPage::newOrder() {
  m_editor.newOrder();
  m_showEditor();
}

void OrdersPage::editSelected() {
  const auto rows = selectedRows();
  if (rows.size() != 1) {
    return;
  }
  if (!rows.front()->editable()) {
    tell(_("This order has left the program and can no longer be changed."), true);
    return;
  }
  m_editor.editStoredOrder(rows.front()->id, rows.front()->order);
  m_showEditor();
}

void OrdersPage::duplicateSelected() {
  const auto ids = selectedIds();
  if (ids.empty()) {
    return;
  }
  std::vector<std::int64_t> copies;
  for (const auto id : ids) {
    auto copy = services::duplicateOrder(m_workspace.database(), id, m_today());
    if (!copy) {
      tell(withReason(_("The order could not be duplicated."), copy.error()), true);
      break;
    }
    copies.push_back(copy.value());
  }
  m_workspace.changed(Workspace::Change::Orders);
  select(copies);
}

void OrdersPage::deleteSelected() {
  const auto rows = selectedRows();
  if (rows.empty()) {
    return;
  }
  if (!std::all_of(rows.begin(), rows.end(), [](const auto* r) { return r->deletable(); })) {
    tell(_("Only drafts and orders not yet signed can be deleted."), true);
    return;
  }
  const auto ids = selectedIds();
  if (!modalAnswers().confirm(this, wxString::Format(_("Delete the selected orders (%zu)?"), ids.size()),
                              _("Delete orders"))) {
    return;
  }
  for (const auto id : ids) {
    if (auto deleted = services::deleteOrder(m_workspace.database(), id); !deleted) {
      tell(withReason(_("The order could not be deleted."), deleted.error()), true);
      break;
    }
  }
  m_workspace.changed(Workspace::Change::Orders);
}

namespace {

/// The window's crypto::Interaction with a progress dialog that can stop the batch.
class SigningInteraction : public GuiInteraction {
 public:
  explicit SigningInteraction(wxWindow* parent) : GuiInteraction(parent), m_window(parent) {}

  void progress(std::size_t done, std::size_t total) override {
    if (!m_dialog) {
      m_dialog = std::make_unique<wxProgressDialog>(
          _("Signing"), _("Signing the orders…"), static_cast<int>(std::max<std::size_t>(total, 1)), m_window,
          wxPD_CAN_ABORT | wxPD_AUTO_HIDE | wxPD_APP_MODAL);
    }
    if (!m_dialog->Update(static_cast<int>(std::min(done, total)),
                          wxString::Format(_("Signed %zu of %zu orders"), done, total))) {
      m_cancelled = true;
    }
  }
  [[nodiscard]] bool cancelled() const override { return m_cancelled; }

 private:
  wxWindow* m_window;
  std::unique_ptr<wxProgressDialog> m_dialog;
  bool m_cancelled = false;
};

}  // namespace

void OrdersPage::signSelected() {
  const auto ids = selectedIds();
  if (ids.empty()) {
    return;
  }
  auto tokens = services::presentTokens(m_workspace.modulePath());
  if (!tokens) {
    tell(withReason(_("The token cannot be reached."), tokens.error()), true);
    return;
  }
  if (tokens.value().empty()) {
    tell(_("No token is present: insert the token with the company's certificate."), true);
    return;
  }
  std::string label = tokens.value().front().label;
  if (tokens.value().size() > 1) {
    wxArrayString labels;
    int preselect = 0;
    for (const auto& token : tokens.value()) {
      if (token.label == m_lastToken) {
        preselect = static_cast<int>(labels.size());
      }
      labels.Add(fromUtf8(token.label));
    }
    wxSingleChoiceDialog choose(this, _("Sign with the certificate on which token?"), _("Sign orders"),
                                labels);
    choose.SetSelection(preselect);
    if (modalAnswers().showModal(choose) != wxID_OK) {
      return;
    }
    label = tokens.value()[static_cast<std::size_t>(choose.GetSelection())].label;
  }
  m_lastToken = label;

  SigningInteraction ui(this);
  auto report =
      services::signOrders(m_workspace.database(), m_workspace.modulePath(), label, ids, ui, m_today());
  m_workspace.changed(Workspace::Change::Orders);
  if (!report) {
    wxString message = withReason(_("Nothing was signed."), report.error());
    // After a refused PIN: the token's own word on what is left (never a second try).
    if (auto after = services::presentTokens(m_workspace.modulePath())) {
      for (const auto& token : after.value()) {
        const auto& pin = token.userPin;
        if (token.label == label && (pin.countLow || pin.finalTry || pin.locked)) {
          message += "\n\n" + wxString::Format(_("PIN: %s"), pinStateText(pin));
        }
      }
    }
    tell(message, true);
    return;
  }
  const auto& done = report.value();
  std::size_t signedCount = 0;
  wxString refused;
  for (const auto& outcome : done.orders) {
    if (outcome.isSigned) {
      ++signedCount;
    } else {
      refused += "\n" + wxString::Format(_("Order %lld: %s"), static_cast<long long>(outcome.id),
                                         fromUtf8(outcome.reason));
    }
  }
  wxString message = wxString::Format(_("Signed: %zu of %zu orders."), signedCount, done.orders.size());
  if (!done.signer.empty()) {
    message += "\n" + wxString::Format(_("Signer: %s"), fromUtf8(done.signer));
  }
  if (done.error) {
    message += "\n" + withReason(_("The batch stopped."), *done.error);
  }
  tell(message + refused, !done.allSigned());
}

void OrdersPage::exportSelected(services::OrderExportFormat format) {
  std::vector<std::int64_t> ids;
  for (const auto* row : selectedRows()) {
    if (row->state == OrderState::Signed) {
      ids.push_back(row->id);
    }
  }
  if (ids.empty()) {
    tell(_("Select signed orders to export: only signed orders go to the bank."), true);
    return;
  }
  const bool halcom = format == services::OrderExportFormat::HalcomTxt;
  const wxString file = modalAnswers().fileToSave(
      this, _("Export the signed orders"), halcom ? "nalozi.txt" : "pain001.xml",
      halcom ? _("Halcom order files (*.txt)|*.txt") : _("ISO 20022 files (*.xml)|*.xml"));
  if (file.empty()) {
    return;
  }
  services::OrderExportRequest request;
  request.format = format;
  request.state = OrderState::Signed;
  request.ids = ids;
  request.today = m_today();
  request.now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  auto written = services::exportOrders(m_workspace.database(), request);
  if (!written) {
    tell(withReason(_("The orders were not exported."), written.error()), true);
    return;
  }
  if (!written.value().refused.empty()) {
    wxString reasons;
    for (const auto& refused : written.value().refused) {
      reasons += "\n" + wxString::Format(_("Order %lld:"), static_cast<long long>(refused.id));
      for (const auto& problem : refused.problems) {
        reasons += " " + fromUtf8(problem.message) + ";";
      }
    }
    tell(_("Nothing was exported: some orders have problems.") + reasons, true);
    return;
  }
  std::ofstream out(std::filesystem::path(file.utf8_string()), std::ios::binary | std::ios::trunc);
  out << written.value().content;
  out.close();
  if (!out) {
    tell(wxString::Format(_("The file %s could not be written."), file), true);
    return;
  }
  tell(wxString::Format(_("Orders exported: %zu, to %s."), written.value().written.size(), file), false);
}

void OrdersPage::importOrders() {
  const wxString file =
      modalAnswers().fileToOpen(this, _("Import orders from the accounting program"),
                                _("Order files (*.txt;*.xml)|*.txt;*.TXT;*.xml;*.XML|All files (*)|*"));
  if (file.empty()) {
    return;
  }
  auto report =
      services::importOrderFile(m_workspace.database(), std::filesystem::path(file.utf8_string()), m_today());
  if (!report) {
    tell(withReason(_("The file was not imported."), report.error()), true);
    return;
  }
  m_workspace.changed(Workspace::Change::Orders);
  const auto& imported = report.value();
  std::vector<std::int64_t> ids;
  for (const auto& order : imported.orders) {
    ids.push_back(order.id);
  }
  m_stateFilter->SetSelection(kFilterActive);
  m_textFilter->ChangeValue(wxString());
  showRows();
  select(ids);
  tell(wxString::Format(_("Imported as drafts: %zu orders; with problems (marked in the list): %zu."),
                        imported.orders.size(), imported.withProblems()),
       imported.withProblems() > 0);
}

}  // namespace platnik::gui
