#include "gui/Screenshots.h"

#include "banking/Text.h"

#include <fmt/format.h>
#include <wx/app.h>
#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/image.h>
#include <wx/notebook.h>
#include <wx/toplevel.h>
#include <wx/utils.h>

#include <stdexcept>

namespace platnik::gui {
namespace {

void settle() {
  for (int i = 0; i < 10; ++i) {
    wxTheApp->Yield(true);
    wxMilliSleep(30);
  }
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
    pages.SetSelection(i);
    window.Raise();
    settle();
    // The screen, not the window's own DC: GTK paints child windows separately.
    const wxRect rect = window.GetScreenRect();
    wxBitmap bitmap(rect.GetWidth(), rect.GetHeight());
    wxMemoryDC memory(bitmap);
    wxScreenDC screen;
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
