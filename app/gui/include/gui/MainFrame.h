#pragma once

#include "gui/OrderEditor.h"

#include <wx/frame.h>

class wxNotebook;

namespace platnik::gui {

/// The main window: one page per task of the bookkeeper's day.
class MainFrame : public wxFrame {
public:
  MainFrame();

  [[nodiscard]] wxNotebook* pages() const { return m_pages; }
  [[nodiscard]] OrderEditor* orderEditor() const { return m_orderEditor; }

private:
  void buildMenus();

  wxNotebook* m_pages = nullptr;
  OrderEditor* m_orderEditor = nullptr;
};

}  // namespace platnik::gui
