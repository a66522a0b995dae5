#pragma once

#include "gui/OrderEditor.h"
#include "gui/Workspace.h"

#include <wx/frame.h>

#include <map>
#include <string>
#include <string_view>

class wxNotebook;

namespace platnik::gui {

/// The main window: one page per task of the bookkeeper's day.
class MainFrame : public wxFrame {
 public:
  explicit MainFrame(Workspace& workspace);

  [[nodiscard]] Workspace& workspace() const { return m_workspace; }

  [[nodiscard]] wxNotebook* pages() const { return m_pages; }
  [[nodiscard]] OrderEditor* orderEditor() const { return m_orderEditor; }

  /// The View > Language menu command that switches to this language (wxID_NONE if none).
  [[nodiscard]] int languageCommand(std::string_view code) const;
  /// Fills the order editor with a demo order read from an IPS QR code on a utility bill;
  /// the payer is left to choose, as when the bookkeeper has just pasted the bill's code.
  void fillDemoOrder();

  /// The IPS QR text of the demo bill (the NBS specification's example).
  static std::string_view demoIpsQr();

 private:
  void buildMenus();
  /// Applies and remembers the language, then replaces this window by one in that language
  /// (same place and size, the order being typed carried over).
  void switchLanguage(const std::string& code);

  Workspace& m_workspace;
  wxNotebook* m_pages = nullptr;
  OrderEditor* m_orderEditor = nullptr;
  std::map<std::string, int, std::less<>> m_languageCommands;
};

}  // namespace platnik::gui
