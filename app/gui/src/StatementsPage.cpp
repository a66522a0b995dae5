#include "gui/StatementsPage.h"

#include "banking/Account.h"
#include "banking/Date.h"
#include "banking/Money.h"
#include "gui/BalanceChart.h"
#include "gui/Display.h"
#include "gui/EntryList.h"
#include "services/AccountOverview.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/numformatter.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include <chrono>
#include <map>

namespace platnik::gui {
namespace {

/// Statements listed at most (the newest); entries are never all read.
constexpr int kStatementsShown = 500;
constexpr int kTypingPauseMs = 300;
const wxColour kProblemColour(176, 0, 32);

std::string toUtf8(const wxString& text) {
  return text.utf8_string();
}

/// A date as typed: "05.03.2025" (the Serbian form) or "2025-03-05".
std::optional<banking::Date> parseTypedDate(const std::string& text) {
  if (auto serbian = banking::parseSerbianDate(text)) {
    return serbian.value();
  }
  if (auto iso = banking::parseIsoDate(text)) {
    return iso.value();
  }
  return std::nullopt;
}

wxString accountShortName(const storage::StoredAccount& account) {
  const auto parsed = banking::Account::parse(account.number);
  return fromUtf8(parsed ? parsed.value().shortForm() : account.number);
}

wxString orDash(const std::optional<banking::Money>& amount) {
  return amount ? displayAmount(*amount) : wxString("—");
}

}  // namespace

StatementsPage::StatementsPage(wxWindow* parent, Workspace& workspace)
    : wxPanel(parent), m_workspace(workspace), m_browser(workspace.database()), m_typingPause(this) {
  SetName("statements");
  auto* outer = new wxBoxSizer(wxVERTICAL);
  buildFilters(outer);

  m_statements = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 120),
                                wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES);
  m_statements->SetName("statementList");
  m_statements->AppendColumn(_("Account"), wxLIST_FORMAT_LEFT, 150);
  m_statements->AppendColumn(_("Statement"), wxLIST_FORMAT_RIGHT, 80);
  m_statements->AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, 95);
  m_statements->AppendColumn(_("Opening balance"), wxLIST_FORMAT_RIGHT, 130);
  m_statements->AppendColumn(_("Closing balance"), wxLIST_FORMAT_RIGHT, 130);
  m_statements->AppendColumn(_("Entries"), wxLIST_FORMAT_RIGHT, 70);
  outer->Add(m_statements, wxSizerFlags(0).Expand().Border(wxLEFT | wxRIGHT, 6));
  m_statements->Bind(wxEVT_LIST_ITEM_SELECTED,
                     [this](wxListEvent& event) { showStatement(event.GetIndex()); });
  m_statements->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) {
    if (m_statements->GetSelectedItemCount() == 0) {
      showStatement(std::nullopt);
    }
  });

  m_entries = new EntryList(this, m_browser);
  outer->Add(m_entries, wxSizerFlags(3).Expand().Border(wxALL, 6));
  m_entries->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) { showDetails(event.GetIndex()); });

  auto* bottom = new wxBoxSizer(wxHORIZONTAL);
  m_details = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(-1, 230),
                             wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
  m_details->SetName("entryDetails");
  bottom->Add(m_details, wxSizerFlags(2).Expand().Border(wxRIGHT, 6));
  auto* chartColumn = new wxBoxSizer(wxVERTICAL);
  auto* periodRow = new wxBoxSizer(wxHORIZONTAL);
  periodRow->Add(new wxStaticText(this, wxID_ANY, _("Balance over")), wxSizerFlags().CenterVertical());
  m_period = new wxChoice(this, wxID_ANY);
  m_period->Append(_("the last 30 days"));
  m_period->Append(_("the last 90 days"));
  m_period->Append(_("the last 365 days"));
  m_period->Append(_("the dates of the filter"));
  m_period->SetSelection(static_cast<int>(Period::Last90Days));
  m_period->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { reloadChart(); });
  periodRow->Add(m_period, wxSizerFlags().CenterVertical().Border(wxLEFT, 6));
  chartColumn->Add(periodRow, wxSizerFlags().Border(wxBOTTOM, 4));
  m_chart = new BalanceChart(this);
  chartColumn->Add(m_chart, wxSizerFlags(1).Expand());
  bottom->Add(chartColumn, wxSizerFlags(3).Expand());
  outer->Add(bottom, wxSizerFlags(0).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 6));
  SetSizer(outer);

  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { applyFilters(); });
  m_subscription = m_workspace.subscribe([this](Workspace::Change change) {
    if (change == Workspace::Change::Statements || change == Workspace::Change::Accounts ||
        change == Workspace::Change::Database) {
      refresh();
    }
  });
  refresh();
}

StatementsPage::~StatementsPage() {
  m_typingPause.Stop();
  m_workspace.unsubscribe(m_subscription);
}

void StatementsPage::buildFilters(wxSizer* outer) {
  auto* row = new wxWrapSizer(wxHORIZONTAL);
  const auto label = [&](const wxString& text) {
    row->Add(new wxStaticText(this, wxID_ANY, text), wxSizerFlags().CenterVertical().Border(wxLEFT, 8));
  };
  const auto field = [&](const char* name, int width, const wxString& hint) {
    auto* control = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(width, -1));
    control->SetName(name);
    control->SetHint(hint);
    control->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { filtersEdited(); });
    row->Add(control, wxSizerFlags().CenterVertical().Border(wxLEFT, 4));
    return control;
  };
  label(_("Search"));
  m_search = field("search", 200, _("name, purpose, reference"));
  label(_("From"));
  m_from = field("from", 95, _("dd.mm.yyyy"));
  label(_("To"));
  m_to = field("to", 95, _("dd.mm.yyyy"));
  label(_("Amount from"));
  m_minAmount = field("minAmount", 90, wxEmptyString);
  label(_("to"));
  m_maxAmount = field("maxAmount", 90, wxEmptyString);
  m_direction = new wxChoice(this, wxID_ANY);
  m_direction->SetName("direction");
  m_direction->Append(_("In and out"));
  m_direction->Append(_("Money in"));
  m_direction->Append(_("Money out"));
  m_direction->SetSelection(0);
  m_direction->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { applyFilters(); });
  row->Add(m_direction, wxSizerFlags().CenterVertical().Border(wxLEFT, 8));
  outer->Add(row, wxSizerFlags().Expand().Border(wxTOP | wxBOTTOM, 6));

  auto* status = new wxBoxSizer(wxHORIZONTAL);
  m_count = new wxStaticText(this, wxID_ANY, wxEmptyString);
  m_count->SetName("entryCount");
  status->Add(m_count, wxSizerFlags().CenterVertical().Border(wxLEFT, 8));
  m_allStatements =
      new wxButton(this, wxID_ANY, _("All statements"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  m_allStatements->SetName("allStatements");
  m_allStatements->SetToolTip(_("Show the lines of every statement again"));
  m_allStatements->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showStatement(std::nullopt); });
  m_allStatements->Hide();
  status->Add(m_allStatements, wxSizerFlags().CenterVertical().Border(wxLEFT, 8));
  m_problem = new wxStaticText(this, wxID_ANY, wxEmptyString);
  m_problem->SetName("filterProblem");
  m_problem->SetForegroundColour(kProblemColour);
  status->Add(m_problem, wxSizerFlags(1).CenterVertical().Border(wxLEFT, 16));
  outer->Add(status, wxSizerFlags().Expand().Border(wxBOTTOM, 4));
}

void StatementsPage::filtersEdited() {
  // Typing waits for a pause, so that each key does not start a search.
  m_typingPause.StartOnce(kTypingPauseMs);
}

bool StatementsPage::applyFilters() {
  m_typingPause.Stop();
  services::EntrySelection selection;
  selection.filter.accountId = m_account;
  if (m_statementRow) {
    // One statement's lines: its account's index narrows the walk.
    const auto& chosen = m_summaries[*m_statementRow];
    selection.filter.statementId = chosen.id;
    selection.filter.accountId = chosen.accountId;
  }
  selection.searchText = toUtf8(m_search->GetValue().Strip(wxString::both));
  const auto problem = [this](const wxString& text) {
    m_problem->SetLabel(text);
    Layout();
    return false;
  };
  const auto date = [&](wxTextCtrl* control, std::optional<banking::Date>& into) {
    const std::string text = toUtf8(control->GetValue().Strip(wxString::both));
    if (text.empty()) {
      return true;
    }
    into = parseTypedDate(text);
    return into.has_value();
  };
  if (!date(m_from, selection.filter.from)) {
    return problem(_("The start date is not a date (dd.mm.yyyy)."));
  }
  if (!date(m_to, selection.filter.to)) {
    return problem(_("The end date is not a date (dd.mm.yyyy)."));
  }
  if (selection.filter.from && selection.filter.to && *selection.filter.to < *selection.filter.from) {
    return problem(_("The end date is before the start date."));
  }
  const auto amount = [&](wxTextCtrl* control, std::optional<std::int64_t>& into) {
    const std::string text = toUtf8(control->GetValue().Strip(wxString::both));
    if (text.empty()) {
      return true;
    }
    const auto parsed = banking::Money::parseInput(text, banking::Currency::rsd());
    if (!parsed || parsed.value().minorUnits() < 0) {
      return false;
    }
    into = parsed.value().minorUnits();
    return true;
  };
  if (!amount(m_minAmount, selection.filter.minAmount)) {
    return problem(_("The smallest amount is not an amount (1.234,56)."));
  }
  if (!amount(m_maxAmount, selection.filter.maxAmount)) {
    return problem(_("The largest amount is not an amount (1.234,56)."));
  }
  if (m_direction->GetSelection() == 1) {
    selection.filter.direction = storage::Direction::Incoming;
  } else if (m_direction->GetSelection() == 2) {
    selection.filter.direction = storage::Direction::Outgoing;
  }
  const auto selected = m_browser.select(selection);
  if (!selected) {
    return problem(
        selected.error().code == banking::Errc::InvalidArgument && !selection.searchText.empty()
            ? _("Type a word, a name or a reference to search for.")
            : wxString::Format(_("The entries cannot be read: %s"), fromUtf8(selected.error().describe())));
  }
  m_problem->SetLabel(wxEmptyString);
  const wxString count = wxNumberFormatter::ToString(static_cast<long>(m_browser.rowCount()),
                                                     wxNumberFormatter::Style_WithThousandsSep);
  if (m_statementRow) {
    const auto& chosen = m_summaries[*m_statementRow];
    m_count->SetLabel(wxString::Format(_("Entries: %s, of statement %s of %s"), count,
                                       fromUtf8(chosen.number), displayDate(chosen.date)));
  } else {
    m_count->SetLabel(wxString::Format(_("Entries: %s"), count));
  }
  m_allStatements->Show(m_statementRow.has_value());
  m_entries->reload();
  m_details->Clear();
  Layout();
  if (m_period->GetSelection() == static_cast<int>(Period::FilterDates)) {
    reloadChart();
  }
  return true;
}

void StatementsPage::showAccount(std::optional<std::int64_t> accountId) {
  m_account = accountId;
  m_statementRow.reset();
  reloadStatements();
  applyFilters();
  reloadChart();
}

void StatementsPage::showStatement(std::optional<long> row) {
  if (row && (*row < 0 || static_cast<std::size_t>(*row) >= m_summaries.size())) {
    row.reset();
  }
  const std::optional<std::size_t> chosen =
      row ? std::optional<std::size_t>(static_cast<std::size_t>(*row)) : std::nullopt;
  if (chosen == m_statementRow) {
    return;
  }
  m_statementRow = chosen;
  if (chosen) {
    m_statements->SetItemState(*row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                               wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  } else if (const long selected = m_statements->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
             selected >= 0) {
    m_statements->SetItemState(selected, 0, wxLIST_STATE_SELECTED);
  }
  applyFilters();
}

std::optional<std::int64_t> StatementsPage::statement() const {
  return m_statementRow ? std::optional<std::int64_t>(m_summaries[*m_statementRow].id) : std::nullopt;
}

void StatementsPage::refresh() {
  std::map<std::int64_t, wxString> names;
  if (auto accounts = m_workspace.database().accounts().list()) {
    for (const auto& account : accounts.value()) {
      names[account.id] = accountShortName(account);
    }
  }
  m_entries->setAccountNames(std::move(names));
  showAccount(m_account);
}

void StatementsPage::setPeriod(Period period) {
  m_period->SetSelection(static_cast<int>(period));
  reloadChart();
}

void StatementsPage::reloadStatements() {
  m_statements->DeleteAllItems();
  m_summaries.clear();
  auto summaries = services::statementSummaries(m_workspace.database(), m_account, kStatementsShown);
  if (!summaries) {
    m_problem->SetLabel(
        wxString::Format(_("The statements cannot be read: %s"), fromUtf8(summaries.error().describe())));
    return;
  }
  m_summaries = std::move(summaries).value();
  long row = 0;
  for (const auto& summary : m_summaries) {
    m_statements->InsertItem(row, m_entries->accountName(summary.accountId));
    m_statements->SetItem(row, 1, fromUtf8(summary.number));
    m_statements->SetItem(row, 2, displayDate(summary.date));
    m_statements->SetItem(row, 3, orDash(summary.opening));
    m_statements->SetItem(row, 4, orDash(summary.closing));
    m_statements->SetItem(row, 5, wxNumberFormatter::ToString(static_cast<long>(summary.entryCount)));
    ++row;
  }
}

void StatementsPage::reloadChart() {
  auto& database = m_workspace.database();
  std::optional<storage::StoredAccount> account;
  if (m_account) {
    if (auto found = database.accounts().get(*m_account)) {
      account = found.value();
    }
  } else if (auto overview = services::accountOverview(database)) {
    // With every account listed, the chart shows the first account that has a balance.
    for (const auto& bank : overview.value().banks) {
      for (const auto& each : bank.accounts) {
        if (!account && each.balance) {
          account = each.account;
        }
      }
    }
  }
  if (!account) {
    m_chart->setMessage(_("No account has statements yet."));
    return;
  }
  std::optional<banking::Date> from;
  std::optional<banking::Date> to;
  const auto period = static_cast<Period>(m_period->GetSelection());
  if (period == Period::FilterDates) {
    from = parseTypedDate(toUtf8(m_from->GetValue().Strip(wxString::both)));
    to = parseTypedDate(toUtf8(m_to->GetValue().Strip(wxString::both)));
  } else {
    // The last days up to the account's latest balance: old statements still show a chart.
    auto latest = database.balances().current(account->id);
    if (latest && latest.value()) {
      const int days = period == Period::Last30Days ? 30 : period == Period::Last90Days ? 90 : 365;
      to = latest.value()->date;
      from = banking::Date{std::chrono::sys_days(*to) - std::chrono::days{days - 1}};
    }
  }
  if (from && to && *to < *from) {
    m_chart->setMessage(_("The end date is before the start date."));
    return;
  }
  auto points = services::balanceHistory(database, account->id, from, to);
  if (!points) {
    m_chart->setMessage(
        wxString::Format(_("The balances cannot be read: %s"), fromUtf8(points.error().describe())));
    return;
  }
  wxString title = accountShortName(*account);
  if (!account->displayName.empty()) {
    title += " " + fromUtf8(account->displayName);
  }
  m_chart->setHistory(std::move(points).value(), title);
}

wxString StatementsPage::cellText(long row, long column) const {
  return m_entries->cellText(row, column);
}

void StatementsPage::selectRow(long row) {
  m_entries->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                          wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  m_entries->EnsureVisible(row);
  showDetails(row);
}

wxString StatementsPage::detailsText() const {
  return m_details->GetValue();
}

wxString StatementsPage::problemText() const {
  return m_problem->GetLabel();
}

void StatementsPage::showDetails(long row) {
  const auto read = m_browser.row(row);
  if (!read) {
    m_details->SetValue(fromUtf8(read.error().describe()));
    return;
  }
  const auto& stored = *read.value();
  const auto& entry = stored.entry;
  wxString text;
  const auto line = [&](const wxString& label, const wxString& value) {
    if (!value.empty()) {
      text += label + ": " + value + "\n";
    }
  };
  const auto reference = [](const banking::Reference& each) {
    return each.number.empty() ? wxString() : fromUtf8(each.model) + " " + fromUtf8(each.number);
  };
  line(_("Amount"),
       displayAmountWithCurrency(entry.amount) +
           (entry.amount.minorUnits() < 0 ? " (" + _("money out") + ")" : " (" + _("money in") + ")"));
  line(_("Booking date"), displayDate(stored.date));
  line(_("Value date"), entry.valueDate ? displayDate(*entry.valueDate) : wxString());
  line(_("Account"), m_entries->accountName(stored.accountId));
  line(_("Counterparty"), fromUtf8(entry.counterparty.name));
  line(_("Counterparty's account"), fromUtf8(entry.counterparty.account));
  line(_("Counterparty's place"), fromUtf8(entry.counterparty.place));
  line(_("Counterparty's BIC"), fromUtf8(entry.counterparty.bic));
  line(_("Purpose"), fromUtf8(entry.purpose));
  line(_("Payment code"), fromUtf8(entry.paymentCode));
  line(_("Debit reference"), reference(entry.debitReference));
  line(_("Credit reference"), reference(entry.reference));
  line(_("End-to-end id"), fromUtf8(entry.endToEndId));
  line(_("Bank reference"), fromUtf8(entry.bankReference));
  line(_("Transaction code"), fromUtf8(entry.transactionCode));
  line(_("Reversal"), entry.reversal ? _("yes") : wxString());
  line(_("Original amount"),
       entry.originalAmount ? displayAmountWithCurrency(*entry.originalAmount) : wxString());
  line(_("Exchange rate"), fromUtf8(entry.exchangeRate));
  line(_("Charges"), entry.charges ? displayAmountWithCurrency(*entry.charges) : wxString());
  line(_("Return reason"), fromUtf8(entry.returnReason));
  line(_("Additional information"), fromUtf8(entry.additionalInfo));
  m_details->SetValue(text);
}

}  // namespace platnik::gui
