#include "gui/LayoutPrintout.h"

#include "gui/Display.h"

#include <wx/dc.h>
#include <wx/pen.h>

#include <cmath>

namespace platnik::gui {
namespace {

constexpr double kPointInMm = 25.4 / 72.0;

}  // namespace

LayoutPrintout::LayoutPrintout(services::LayoutDocument document)
    : wxPrintout(fromUtf8(document.title)), m_document(std::move(document)) {}

bool LayoutPrintout::HasPage(int page) {
  return page >= 1 && page <= static_cast<int>(m_document.pages.size());
}

void LayoutPrintout::GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo) {
  *minPage = 1;
  *maxPage = static_cast<int>(m_document.pages.size());
  *pageFrom = 1;
  *pageTo = *maxPage;
}

bool LayoutPrintout::OnPrintPage(int page) {
  wxDC* dc = GetDC();
  if (dc == nullptr || !HasPage(page)) {
    return false;
  }
  // Device pixels per millimetre of the paper (the whole page, as the layout counts from its
  // corner); a preview's DC is smaller than the printer's, so both are measured.
  int pixelsWide = 0;
  int pixelsHigh = 0;
  GetPageSizePixels(&pixelsWide, &pixelsHigh);
  int dcWide = 0;
  int dcHigh = 0;
  dc->GetSize(&dcWide, &dcHigh);
  const double scaleX = pixelsWide > 0 ? static_cast<double>(dcWide) / pixelsWide : 1.0;
  const double perMm = static_cast<double>(pixelsWide) / m_document.width * scaleX;
  const auto at = [perMm](double mm) { return static_cast<int>(std::lround(mm * perMm)); };
  dc->SetUserScale(1, 1);
  dc->SetDeviceOrigin(0, 0);
  dc->SetBackgroundMode(wxBRUSHSTYLE_TRANSPARENT);
  dc->SetTextForeground(*wxBLACK);

  const auto& layout = m_document.pages[static_cast<std::size_t>(page - 1)];
  for (const auto& line : layout.lines) {
    wxPen pen(*wxBLACK, std::max(1, at(line.width)), line.dashed ? wxPENSTYLE_SHORT_DASH : wxPENSTYLE_SOLID);
    dc->SetPen(pen);
    dc->DrawLine(at(line.x1), at(line.y1), at(line.x2), at(line.y2));
  }
  for (const auto& text : layout.texts) {
    if (text.text.empty()) {
      continue;
    }
    // The em of `size` points, in device pixels.
    const int pixels = std::max(1, at(text.size * kPointInMm));
    wxFont font(wxFontInfo(wxSize(0, pixels)).FaceName("DejaVu Sans").Bold(text.bold));
    dc->SetFont(font);
    const wxString value = fromUtf8(text.text);
    wxCoord width = 0;
    wxCoord height = 0;
    wxCoord descent = 0;
    dc->GetTextExtent(value, &width, &height, &descent);
    int x = at(text.x);
    if (text.align == services::LayoutText::Align::Right) {
      x -= width;
    } else if (text.align == services::LayoutText::Align::Center) {
      x -= width / 2;
    }
    dc->DrawText(value, x, at(text.baseline) - (height - descent));
  }
  return true;
}

}  // namespace platnik::gui
