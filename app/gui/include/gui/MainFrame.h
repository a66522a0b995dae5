#pragma once

#include "gui/DatabaseActions.h"
#include "gui/OrderEditor.h"
#include "gui/Workspace.h"

#include <wx/frame.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

class wxMenu;

namespace platnik::gui {
class OrdersPage;
}
class wxNotebook;

namespace platnik::gui {

class AccountsPane;
struct SettingsAnswers;
class StatementsPage;

/// The main window: one page per task of the bookkeeper's day.
class MainFrame : public wxFrame {
 public:
  explicit MainFrame(Workspace& workspace);
  ~MainFrame() override;
  MainFrame(const MainFrame&) = delete;
  MainFrame& operator=(const MainFrame&) = delete;

  /// File menu commands for the database (besides wxID_NEW, wxID_OPEN, wxID_PREFERENCES).
  static constexpr int kBackUpCommand = wxID_HIGHEST + 401;
  static constexpr int kRestoreCommand = wxID_HIGHEST + 402;
  static constexpr int kCheckCommand = wxID_HIGHEST + 403;
  /// The View menu command (Ctrl+1, Ctrl+2…) that shows page `index`; wxID_NONE if none.
  [[nodiscard]] int pageCommand(std::size_t index) const;
  /// Makes View's page commands match the pages there are now (the constructor calls it
  /// after adding the pages).
  void updatePageCommands();
  /// Stores the settings dialog's answers (SettingsDialog.h) and applies them; a new language
  /// rebuilds the window (this one is destroyed). A problem is told and changes nothing.
  void applySettings(const SettingsAnswers& answers);
  [[nodiscard]] DatabaseActions& databaseActions() { return *m_databaseActions; }

  [[nodiscard]] Workspace& workspace() const { return m_workspace; }

  [[nodiscard]] wxNotebook* pages() const { return m_pages; }
  [[nodiscard]] OrderEditor* orderEditor() const { return m_orderEditor; }
  [[nodiscard]] OrdersPage* ordersPage() const { return m_orders; }
  /// The left pane of banks and accounts.
  [[nodiscard]] AccountsPane* accountsPane() const { return m_accounts; }
  [[nodiscard]] StatementsPage* statementsPage() const { return m_statements; }

  /// The View > Language menu command that switches to this language (wxID_NONE if none).
  [[nodiscard]] int languageCommand(std::string_view code) const;
  /// Fills the order editor with a demo order read from an IPS QR code on a utility bill;
  /// the payer is left to choose, as when the bookkeeper has just pasted the bill's code.
  void fillDemoOrder();

  /// The IPS QR text of the demo bill (the NBS specification's example).
  static std::string_view demoIpsQr();

 private:
  void buildMenus();
  /// Keeps the window within the screen it is on.
  void fitOnScreen();
  void buildToolBar();
  void onPageCommand(wxCommandEvent& event);
  void openSettings();
  void showAbout();
  /// The title names the open company (or the database file when it has no company yet).
  void showCompany();
  /// Applies and remembers the language, then replaces this window by one in that language
  /// (same place and size, the order being typed carried over).
  void switchLanguage(const std::string& code);

  Workspace& m_workspace;
  wxNotebook* m_pages = nullptr;
  OrderEditor* m_orderEditor = nullptr;
  OrdersPage* m_orders = nullptr;
  AccountsPane* m_accounts = nullptr;
  StatementsPage* m_statements = nullptr;
  std::map<std::string, int, std::less<>> m_languageCommands;
  std::unique_ptr<DatabaseActions> m_databaseActions;
  wxMenu* m_viewMenu = nullptr;
  std::vector<int> m_pageCommands;
  int m_subscription = 0;
};

}  // namespace platnik::gui
