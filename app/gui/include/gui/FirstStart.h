#pragma once

#include "banking/Error.h"
#include "services/CompanySetup.h"
#include "storage/Database.h"

#include <wx/dialog.h>

#include <filesystem>
#include <optional>
#include <string>

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace platnik::gui {

/// What the bookkeeper chose at the first start (no company database yet).
struct FirstStartChoice {
  enum class Kind { Demo, Existing, SetUp };
  Kind kind = Kind::SetUp;
  std::filesystem::path existing;  ///< Kind::Existing: the database file chosen
  services::CompanySetup setup;    ///< Kind::SetUp: the checked answers
};

/// A company database opened, with the PKCS#11 module of its token.
struct OpenedCompany {
  storage::Database database;
  std::string modulePath;
};

/// The module of `database`'s token: the demo token's for the demo database (its SoftHSM
/// configuration is put in force for this process), otherwise the company's setting.
std::string tokenModuleFor(storage::Database& database);

/// Acts on the choice: the demo (services::createDemo in services::defaultDemoFolder() when
/// it is not there yet, then its database and demo token), the existing file (refused when it
/// is not a Platnik database), or a new company database at `newDatabasePath` made from the
/// answers (services::createCompany).
banking::Result<OpenedCompany> actOnFirstStart(const FirstStartChoice& choice,
                                               const std::filesystem::path& newDatabasePath);

/// The first-start dialog: it only collects the choice (choice()); actOnFirstStart acts on it.
/// "Set up my company" checks the answers and shows each problem beside its field.
class FirstStartDialog : public wxDialog {
 public:
  explicit FirstStartDialog(wxWindow* parent);

  /// The choice made, once the dialog ended with wxID_OK.
  [[nodiscard]] const std::optional<FirstStartChoice>& choice() const { return m_choice; }

  /// The buttons' actions.
  void chooseDemo();
  void chooseExisting();
  /// Ends the dialog when the answers have no problems; otherwise shows them and stays.
  bool chooseSetUp();

  /// What the form holds now.
  [[nodiscard]] services::CompanySetup setup() const;

  [[nodiscard]] wxTextCtrl* companyName() const { return m_name; }
  [[nodiscard]] wxTextCtrl* place() const { return m_place; }
  [[nodiscard]] wxTextCtrl* taxId() const { return m_taxId; }
  [[nodiscard]] wxTextCtrl* accounts() const { return m_accounts; }
  [[nodiscard]] wxTextCtrl* modulePath() const { return m_modulePath; }
  [[nodiscard]] wxString nameMessage() const;
  [[nodiscard]] wxString taxIdMessage() const;
  [[nodiscard]] wxString accountsMessage() const;
  /// The banks the typed accounts belong to ("160 Banca Intesa"), one a line.
  [[nodiscard]] wxString banksFound() const;

 private:
  void showBanks();

  std::optional<FirstStartChoice> m_choice;
  wxTextCtrl* m_name = nullptr;
  wxTextCtrl* m_place = nullptr;
  wxTextCtrl* m_taxId = nullptr;
  wxTextCtrl* m_accounts = nullptr;
  wxTextCtrl* m_modulePath = nullptr;
  wxStaticText* m_nameMessage = nullptr;
  wxStaticText* m_taxIdMessage = nullptr;
  wxStaticText* m_accountsMessage = nullptr;
  wxStaticText* m_banks = nullptr;
};

}  // namespace platnik::gui
