#pragma once

#include "banking/Date.h"
#include "services/OrderBook.h"
#include "services/OrderFiles.h"

#include <wx/panel.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

class wxButton;
class wxChoice;
class wxListCtrl;
class wxListEvent;
class wxStaticText;
class wxTextCtrl;

namespace platnik::gui {

class OrderEditor;
class Workspace;

/// The stored payment orders: a list with a state icon, the state, payer, recipient, amount,
/// execution date, purpose and problems; filters by state and text; the count and total (per
/// currency) of the selection; and the actions that fit it (new, duplicate, edit, delete,
/// sign, export, import, print and PDF in the NBS order layout), from buttons, the context menu and the
/// keyboard (Ins, Del, Ctrl+D, Enter). Questions go through modalAnswers(), so tests answer them.
class OrdersPage : public wxPanel {
 public:
  using Clock = std::function<banking::Date()>;

  /// `showEditor` brings `editor` to the front (the notebook page it is on).
  OrdersPage(wxWindow* parent, Workspace& workspace, OrderEditor& editor, std::function<void()> showEditor,
             Clock today);
  ~OrdersPage() override;
  OrdersPage(const OrdersPage&) = delete;
  OrdersPage& operator=(const OrdersPage&) = delete;

  /// Reads the orders again and shows those the filters let through.
  void refresh();

  /// The orders shown, in list order.
  [[nodiscard]] const std::vector<services::OrderRow>& shown() const { return m_shown; }
  [[nodiscard]] std::vector<std::int64_t> selectedIds() const;
  /// Selects exactly these orders (those shown).
  void select(const std::vector<std::int64_t>& ids);
  /// "3 orders selected: 12.345,00 RSD".
  [[nodiscard]] wxString selectionSummary() const;
  /// The problems of the one selected order, one per line ("" when none).
  [[nodiscard]] wxString problemsText() const;
  /// The state text of an order as the list shows it.
  [[nodiscard]] static wxString stateText(banking::OrderState state);

  [[nodiscard]] wxListCtrl* list() const { return m_list; }
  [[nodiscard]] wxChoice* stateFilter() const { return m_stateFilter; }
  [[nodiscard]] wxTextCtrl* textFilter() const { return m_textFilter; }

  /// The actions on the selection.
  void newOrder();
  void editSelected();
  void duplicateSelected();
  /// Asks first; only drafts and orders not yet signed.
  void deleteSelected();
  /// One batch, one PIN entry, on the token chosen (asked when several are present).
  void signSelected();
  /// The signed orders of the selection into a file the user names.
  void exportSelected(services::OrderExportFormat format);
  /// Orders from the accounting program (Halcom TXT, pain.001) become drafts.
  void importOrders();

 private:
  void buildList();
  void showRows();
  void updateSelection();
  void updateButtons();
  void onContextMenu();
  /// Ins new, Del delete, Ctrl+D duplicate, Enter edit, while the list has the focus.
  void bindKeys();
  void exportMenu(wxWindow* below);
  /// Tells the user, through modalAnswers(); `problem`: as an error.
  void tell(const wxString& message, bool problem);
  [[nodiscard]] std::vector<const services::OrderRow*> selectedRows() const;

  Workspace& m_workspace;
  OrderEditor& m_editor;
  std::function<void()> m_showEditor;
  Clock m_today;
  int m_subscription = 0;

  std::vector<services::OrderRow> m_all;
  std::vector<services::OrderRow> m_shown;
  std::string m_lastToken;

  wxChoice* m_stateFilter = nullptr;
  wxTextCtrl* m_textFilter = nullptr;
  wxListCtrl* m_list = nullptr;
  wxStaticText* m_summary = nullptr;
  wxStaticText* m_problems = nullptr;
  wxButton* m_new = nullptr;
  wxButton* m_edit = nullptr;
  wxButton* m_duplicate = nullptr;
  wxButton* m_delete = nullptr;
  wxButton* m_sign = nullptr;
  wxButton* m_export = nullptr;
  wxButton* m_import = nullptr;
  wxButton* m_print = nullptr;
  wxButton* m_pdf = nullptr;
};

}  // namespace platnik::gui
