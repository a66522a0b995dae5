#pragma once

#include "gui/Workspace.h"
#include "services/EntryBrowser.h"
#include "storage/StatementSummaries.h"

#include <wx/panel.h>
#include <wx/timer.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class wxButton;
class wxChoice;
class wxListCtrl;
class wxListEvent;
class wxStaticText;
class wxTextCtrl;

namespace platnik::gui {

class BalanceChart;
class EntryList;

/// The Statements page: the statements of the chosen account (or of all accounts), their
/// entries in a virtual list over paged queries, the chosen entry's details, a search over
/// every account (diacritics folded), date, amount and direction filters, and the balance
/// chart of the account over a chosen period.
class StatementsPage : public wxPanel {
 public:
  /// The chart's period choices.
  enum class Period { Last30Days, Last90Days, Last365Days, FilterDates };

  StatementsPage(wxWindow* parent, Workspace& workspace);
  ~StatementsPage() override;
  StatementsPage(const StatementsPage&) = delete;
  StatementsPage& operator=(const StatementsPage&) = delete;

  /// Shows the account's statements and entries (none: every account's).
  void showAccount(std::optional<std::int64_t> accountId);
  [[nodiscard]] std::optional<std::int64_t> account() const { return m_account; }
  /// Shows only the lines of the statement in that row of the statement list (as choosing
  /// the row does); none: the lines of every statement again.
  void showStatement(std::optional<long> row);
  /// The statement whose lines are shown (StatementSummary::id), if one is chosen.
  [[nodiscard]] std::optional<std::int64_t> statement() const;

  /// Reads the filter fields and lists what they select now (typing does it after a pause).
  /// False, with the reason beside the filters, when a field cannot be read.
  bool applyFilters();
  /// Reads statements, entries and balances again (after an import).
  void refresh();
  void setPeriod(Period period);

  // For tests and other pages.
  [[nodiscard]] wxTextCtrl* searchControl() const { return m_search; }
  [[nodiscard]] wxTextCtrl* fromControl() const { return m_from; }
  [[nodiscard]] wxTextCtrl* toControl() const { return m_to; }
  [[nodiscard]] wxTextCtrl* minAmountControl() const { return m_minAmount; }
  [[nodiscard]] wxTextCtrl* maxAmountControl() const { return m_maxAmount; }
  [[nodiscard]] wxChoice* directionControl() const { return m_direction; }
  [[nodiscard]] EntryList* entryList() const { return m_entries; }
  [[nodiscard]] wxListCtrl* statementList() const { return m_statements; }
  [[nodiscard]] BalanceChart* chart() const { return m_chart; }
  /// Entries the filters select (all of them, not only those on screen).
  [[nodiscard]] std::int64_t rowCount() const { return m_browser.rowCount(); }
  /// The text of an entry cell as the list shows it (columns: EntryList::Column).
  [[nodiscard]] wxString cellText(long row, long column) const;
  /// Selects an entry row and shows its details.
  void selectRow(long row);
  [[nodiscard]] wxString detailsText() const;
  /// Why the filters were not applied ("" when they were).
  [[nodiscard]] wxString problemText() const;

 private:
  void buildFilters(wxSizer* outer);
  void reloadStatements();
  void reloadChart();
  void showDetails(long row);
  void filtersEdited();

  Workspace& m_workspace;
  int m_subscription = 0;
  services::EntryBrowser m_browser;
  std::optional<std::int64_t> m_account;
  /// The statements listed, row by row, and the one chosen.
  std::vector<storage::StatementSummary> m_summaries;
  std::optional<std::size_t> m_statementRow;
  wxButton* m_allStatements = nullptr;
  wxTimer m_typingPause;

  wxTextCtrl* m_search = nullptr;
  wxTextCtrl* m_from = nullptr;
  wxTextCtrl* m_to = nullptr;
  wxTextCtrl* m_minAmount = nullptr;
  wxTextCtrl* m_maxAmount = nullptr;
  wxChoice* m_direction = nullptr;
  wxStaticText* m_problem = nullptr;
  wxStaticText* m_count = nullptr;
  wxListCtrl* m_statements = nullptr;
  EntryList* m_entries = nullptr;
  wxTextCtrl* m_details = nullptr;
  wxChoice* m_period = nullptr;
  BalanceChart* m_chart = nullptr;
};

}  // namespace platnik::gui
