#include "gui/Screenshots.h"

#include "banking/Text.h"

#include <fmt/format.h>
#include <wx/app.h>
#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/graphics.h>
#include <wx/image.h>
#include <wx/notebook.h>
#include <wx/toplevel.h>
#include <wx/utils.h>

#include <cairo.h>
#include <stdexcept>

namespace platnik::gui {
namespace {

/// Lets the window handle what is pending (layout, paint, data loaded on a page switch) for
/// about `milliseconds`.
void settle(int milliseconds) {
  for (int waited = 0; waited < milliseconds; waited += 20) {
    wxTheApp->Yield(true);
    wxMilliSleep(20);
  }
  wxTheApp->Yield(true);
}

/// Shows page `index` and waits until it is on screen and has painted itself, so the picture
/// is of this page and not of the one before (GTK paints a page switch some time later).
void showPage(wxTopLevelWindow& window, wxNotebook& pages, size_t index) {
  wxWindow* page = pages.GetPage(index);
  bool painted = false;
  const auto onPaint = [&painted](wxPaintEvent& event) {
    painted = true;
    event.Skip();
  };
  page->Bind(wxEVT_PAINT, onPaint);
  pages.SetSelection(index);
  window.Raise();
  window.Layout();
  page->Layout();
  window.Refresh();
  page->Refresh();
  window.Update();
  constexpr int kPatience = 3000;  // ms; a page that never paints is shot as it is
  for (int waited = 0; waited < kPatience && !(painted && page->IsShownOnScreen()); waited += 20) {
    wxTheApp->Yield(true);
    wxMilliSleep(20);
  }
  page->Unbind(wxEVT_PAINT, onPaint);
  // The page's children (lists, charts) paint after the page itself.
  settle(600);
}

std::string slug(const wxString& title) {
  std::string out;
  // Cyrillic titles too make readable ASCII names: "Налог за пренос" -> "nalog-za-prenos".
  for (char c : banking::toAsciiFallback(title.utf8_string())) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (keep) {
      out += static_cast<char>(c | 0x20);
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  return out.empty() ? "page" : out;
}

}  // namespace

std::vector<std::filesystem::path> saveScreenshots(wxTopLevelWindow& window, wxNotebook& pages,
                                                   const std::filesystem::path& folder) {
  std::filesystem::create_directories(folder);
  if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) {
    wxImage::AddHandler(new wxPNGHandler);
  }
  std::vector<std::filesystem::path> written;
  for (size_t i = 0; i < pages.GetPageCount(); ++i) {
    showPage(window, pages, i);
    // The screen, not the window's own DC: GTK paints child windows separately.
    const wxRect rect = window.GetScreenRect();
    wxBitmap bitmap(rect.GetWidth(), rect.GetHeight());
    wxMemoryDC memory(bitmap);
    wxScreenDC screen;
    // GDK keeps one cairo surface for the screen and cairo keeps what it last read of it (an
    // MIT-SHM copy): unless told that the screen changed, every shot shows the first page.
    if (auto* context = screen.GetGraphicsContext()) {
      if (auto* cairo = static_cast<cairo_t*>(context->GetNativeContext())) {
        cairo_surface_mark_dirty(cairo_get_target(cairo));
      }
    }
    memory.Blit(0, 0, rect.GetWidth(), rect.GetHeight(), &screen, rect.GetX(), rect.GetY());
    memory.SelectObject(wxNullBitmap);
    const auto file = folder / fmt::format("{:02}-{}.png", i + 1, slug(pages.GetPageText(i)));
    if (!bitmap.SaveFile(wxString::FromUTF8(file.string()), wxBITMAP_TYPE_PNG)) {
      throw std::runtime_error("cannot write " + file.string());
    }
    written.push_back(file);
  }
  return written;
}

}  // namespace platnik::gui
