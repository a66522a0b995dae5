#include "gui/BalanceChart.h"

#include "gui/Display.h"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/settings.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>

namespace platnik::gui {
namespace {

const wxColour kLine(33, 102, 172);
const wxColour kFill(33, 102, 172, 40);
const wxColour kLow(176, 0, 32);
const wxColour kHigh(0, 128, 64);
const wxColour kGrid(0, 0, 0, 30);

double dayOf(banking::Date date) {
  return static_cast<double>(std::chrono::sys_days(date).time_since_epoch().count());
}

/// A round step for about `lines` grid lines over the range (1, 2 or 5 times a power of ten).
double niceStep(double range, int lines) {
  const double raw = std::max(range / lines, 1.0);
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double factor : {1.0, 2.0, 5.0}) {
    if (raw <= factor * power) {
      return factor * power;
    }
  }
  return 10.0 * power;
}

}  // namespace

BalanceChart::BalanceChart(wxWindow* parent)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxSize(-1, 220)) {
  SetName("balanceChart");
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  SetMinSize(wxSize(300, 180));
  Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
  Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
    Refresh();
    event.Skip();
  });
}

void BalanceChart::setHistory(std::vector<storage::BalancePoint> points, const wxString& title) {
  m_points = std::move(points);
  m_title = title;
  m_message = m_points.empty() ? _("No balances in this period.") : wxString();
  Refresh();
}

void BalanceChart::setMessage(const wxString& message) {
  m_points.clear();
  m_title.clear();
  m_message = message;
  Refresh();
}

void BalanceChart::paint() {
  wxAutoBufferedPaintDC dc(this);
  dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW)));
  dc.Clear();
  std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
  if (!gc) {
    return;
  }
  const wxSize size = GetClientSize();
  const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
  wxFont font = GetFont();
  gc->SetFont(font, text);
  double textWidth = 0;
  double textHeight = 0;
  gc->GetTextExtent("0", &textWidth, &textHeight);

  if (!m_title.empty()) {
    wxFont bold = font.Bold();
    gc->SetFont(bold, text);
    gc->DrawText(m_title, 8, 4);
    gc->SetFont(font, text);
  }
  if (m_points.empty()) {
    double width = 0;
    double height = 0;
    gc->GetTextExtent(m_message, &width, &height);
    gc->DrawText(m_message, (size.x - width) / 2, (size.y - height) / 2);
    return;
  }

  // Amounts in major units for the scale only; the labels show the exact amounts.
  const auto currency = m_points.front().amount.currency();
  const double unit = std::pow(10.0, currency.exponent());
  auto [lowIt, highIt] = std::minmax_element(
      m_points.begin(), m_points.end(),
      [](const auto& a, const auto& b) { return a.amount.minorUnits() < b.amount.minorUnits(); });
  double low = static_cast<double>(lowIt->amount.minorUnits()) / unit;
  double high = static_cast<double>(highIt->amount.minorUnits()) / unit;
  if (high - low < 1.0) {
    low -= 1.0;
    high += 1.0;
  }
  const double step = niceStep(high - low, 4);
  const double axisLow = std::floor(low / step) * step;
  const double axisHigh = std::ceil(high / step) * step;
  const double firstDay = dayOf(m_points.front().date);
  const double lastDay = std::max(dayOf(m_points.back().date), firstDay + 1);

  // Room for the amount labels on the left and the dates below.
  double labelWidth = 0;
  for (double value = axisLow; value <= axisHigh + step / 2; value += step) {
    double width = 0;
    double height = 0;
    const auto label =
        displayAmount(banking::Money(static_cast<std::int64_t>(std::llround(value * unit)), currency));
    gc->GetTextExtent(label, &width, &height);
    labelWidth = std::max(labelWidth, width);
  }
  const double left = labelWidth + 14;
  const double top = textHeight * 2 + 8;
  const double right = size.x - 16.0;
  const double bottom = size.y - textHeight - 12;
  if (right - left < 40 || bottom - top < 30) {
    return;
  }
  const auto x = [&](banking::Date date) {
    return left + (dayOf(date) - firstDay) / (lastDay - firstDay) * (right - left);
  };
  const auto y = [&](double value) {
    return bottom - (value - axisLow) / (axisHigh - axisLow) * (bottom - top);
  };
  const auto yOf = [&](const storage::BalancePoint& point) {
    return y(static_cast<double>(point.amount.minorUnits()) / unit);
  };

  // Amount grid and labels.
  for (double value = axisLow; value <= axisHigh + step / 2; value += step) {
    gc->SetPen(wxPen(kGrid));
    gc->StrokeLine(left, y(value), right, y(value));
    const auto label =
        displayAmount(banking::Money(static_cast<std::int64_t>(std::llround(value * unit)), currency));
    double width = 0;
    double height = 0;
    gc->GetTextExtent(label, &width, &height);
    gc->DrawText(label, left - width - 6, y(value) - height / 2);
  }
  // Date labels: first, last and a few between, never overlapping.
  double dateWidth = 0;
  gc->GetTextExtent(displayDate(m_points.front().date), &dateWidth, nullptr);
  const int dateLabels = std::clamp(static_cast<int>((right - left) / (dateWidth + 24)), 2, 6);
  for (int i = 0; i < dateLabels; ++i) {
    const double day = firstDay + (lastDay - firstDay) * i / (dateLabels - 1);
    const banking::Date date{std::chrono::sys_days{std::chrono::days{static_cast<int>(std::lround(day))}}};
    const double at = x(date);
    gc->SetPen(wxPen(kGrid));
    gc->StrokeLine(at, top, at, bottom + 4);
    gc->DrawText(displayDate(date), std::clamp(at - dateWidth / 2, left - dateWidth / 2, right - dateWidth),
                 bottom + 6);
  }
  gc->SetPen(wxPen(text));
  gc->StrokeLine(left, bottom, right, bottom);
  gc->StrokeLine(left, top, left, bottom);

  // The balance: a step line (a balance holds until the next day that has one), filled below.
  wxGraphicsPath line = gc->CreatePath();
  line.MoveToPoint(x(m_points.front().date), yOf(m_points.front()));
  for (std::size_t i = 1; i < m_points.size(); ++i) {
    line.AddLineToPoint(x(m_points[i].date), yOf(m_points[i - 1]));
    line.AddLineToPoint(x(m_points[i].date), yOf(m_points[i]));
  }
  wxGraphicsPath area = line;
  area.AddLineToPoint(x(m_points.back().date), bottom);
  area.AddLineToPoint(x(m_points.front().date), bottom);
  area.CloseSubpath();
  gc->SetBrush(wxBrush(kFill));
  gc->SetPen(*wxTRANSPARENT_PEN);
  gc->FillPath(area);
  gc->SetPen(wxPen(kLine, 2));
  gc->StrokePath(line);

  // The lowest and highest balance, marked and labelled.
  const auto mark = [&](const storage::BalancePoint& point, const wxColour& colour, const wxString& what) {
    const double px = x(point.date);
    const double py = yOf(point);
    gc->SetPen(wxPen(colour, 2));
    gc->SetBrush(wxBrush(colour));
    gc->DrawEllipse(px - 4, py - 4, 8, 8);
    const wxString label = wxString::Format(what, displayAmount(point.amount), displayDate(point.date));
    double width = 0;
    double height = 0;
    gc->SetFont(font, colour);
    gc->GetTextExtent(label, &width, &height);
    const double lx = std::clamp(px - width / 2, left + 2, right - width);
    const double ly = py - height - 6 < top - height ? py + 6 : py - height - 6;
    gc->DrawText(label, lx, ly);
    gc->SetFont(font, text);
  };
  mark(*lowIt, kLow, _("min %s (%s)"));
  mark(*highIt, kHigh, _("max %s (%s)"));
}

}  // namespace platnik::gui
