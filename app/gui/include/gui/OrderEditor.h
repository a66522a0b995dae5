#pragma once

#include "banking/Date.h"
#include "banking/PaymentOrder.h"
#include "services/OrderBook.h"
#include "storage/Contacts.h"

#include <wx/panel.h>
#include <wx/scrolwin.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

class wxCheckBox;
class wxChoice;
class wxStaticText;
class wxTextCtrl;
class wxButton;

namespace platnik::gui {

class Workspace;

/// The payment order form: every field of the NBS domestic order, validated while typing with
/// the message beside the field, the route (clearing / RTGS / instant) shown, and an IPS QR
/// string pasted from the clipboard or read from a picture to fill it. With a workspace, the
/// payer account is chosen from the company's accounts, the recipient completed from the
/// address book, and "Save" stores the order (a draft, or ready to sign when valid).
class OrderEditor : public wxPanel {
 public:
  using Clock = std::function<banking::Date()>;

  /// `workspace` null: a form only (no company accounts, address book or saving).
  OrderEditor(wxWindow* parent, Clock today, Workspace* workspace = nullptr);
  ~OrderEditor() override;
  OrderEditor(const OrderEditor&) = delete;
  OrderEditor& operator=(const OrderEditor&) = delete;

  /// The order as typed. The amount is zero when it cannot be read (problems() says why).
  [[nodiscard]] banking::PaymentOrder order() const;
  void setOrder(const banking::PaymentOrder& order);
  /// Every problem of the order as typed, including text that is not an amount or a date.
  [[nodiscard]] std::vector<banking::OrderProblem> problems() const;
  /// Whether nothing has been typed or filled in yet.
  [[nodiscard]] bool isBlank() const;
  /// Fills the order from an IPS QR string; false (and the reason shown) when it is not one.
  bool fillFromQr(const std::string& text);

  /// A blank order, not yet stored.
  void newOrder();
  /// Shows the stored order `id`; saving replaces it.
  void editStoredOrder(std::int64_t id, const banking::PaymentOrder& order);
  /// The stored order being edited (none for a new one).
  [[nodiscard]] std::optional<std::int64_t> storedId() const { return m_storedId; }
  /// Stores the order (services::saveOrder), tells the other pages, and says beside the
  /// button how it was kept; false when it could not be stored.
  bool save();
  /// Fills the order from the QR code in a picture of an invoice (PNG or JPEG); false (and
  /// the reason shown) when the picture holds no IPS QR code.
  bool fillFromQrImage(const std::filesystem::path& picture);
  /// Makes the payer the company's account at `index` of payerAccountChoice() (0: none).
  void choosePayerAccount(int index);
  /// Reads the company's accounts and the address book again.
  void reloadChoices();

  /// The message shown beside a field ("" when the field is fine).
  [[nodiscard]] wxString messageFor(banking::OrderField field) const;
  [[nodiscard]] wxString routeText() const;
  [[nodiscard]] wxString qrMessage() const;
  [[nodiscard]] wxTextCtrl* fieldControl(banking::OrderField field) const;
  [[nodiscard]] wxButton* pasteQrButton() const { return m_pasteQr; }
  [[nodiscard]] wxButton* openQrButton() const { return m_openQr; }
  [[nodiscard]] wxButton* saveButton() const { return m_save; }
  [[nodiscard]] wxChoice* payerAccountChoice() const { return m_payerChoice; }
  /// What the last save did ("Saved: ready to sign" …).
  [[nodiscard]] wxString saveMessage() const;

 private:
  struct Row {
    wxTextCtrl* input = nullptr;
    wxStaticText* message = nullptr;
  };

  void addRow(wxSizer* grid, banking::OrderField field, const wxString& label, int maxLength);
  void revalidate();
  void onPasteQr();
  void onOpenQrImage();
  /// Fills the recipient's defaults when the name typed is a contact's.
  void completeRecipient();
  [[nodiscard]] std::string text(banking::OrderField field) const;

  Clock m_today;
  Workspace* m_workspace = nullptr;
  wxScrolledWindow* m_form = nullptr;  ///< the fields (they scroll in a short window)
  int m_subscription = 0;
  std::optional<std::int64_t> m_storedId;
  services::CompanyPayer m_payer;
  std::vector<storage::Contact> m_contacts;
  std::string m_completedFrom;  ///< the contact whose defaults were filled last
  std::map<banking::OrderField, Row> m_rows;
  std::set<banking::OrderField> m_touched;
  wxCheckBox* m_urgent = nullptr;
  wxStaticText* m_route = nullptr;
  wxStaticText* m_qrMessage = nullptr;
  wxButton* m_pasteQr = nullptr;
  wxButton* m_openQr = nullptr;
  wxButton* m_save = nullptr;
  wxStaticText* m_saveMessage = nullptr;
  wxChoice* m_payerChoice = nullptr;
  bool m_filling = false;
};

}  // namespace platnik::gui
