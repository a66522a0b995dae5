#pragma once

#include "storage/Balances.h"

#include <wx/window.h>

#include <vector>

namespace platnik::gui {

/// A line chart of an account's balance at the end of each day: dates along the bottom and
/// amounts up the side in the window's language, the lowest and highest balance marked.
class BalanceChart : public wxWindow {
 public:
  explicit BalanceChart(wxWindow* parent);

  /// The points to draw, oldest first (all of one currency), and the chart's title.
  void setHistory(std::vector<storage::BalancePoint> points, const wxString& title);
  /// What to say instead of a chart (no account chosen, no statements in the period).
  void setMessage(const wxString& message);

  [[nodiscard]] const std::vector<storage::BalancePoint>& points() const { return m_points; }
  [[nodiscard]] const wxString& title() const { return m_title; }

 private:
  void paint();

  std::vector<storage::BalancePoint> m_points;
  wxString m_title;
  wxString m_message;
};

}  // namespace platnik::gui
