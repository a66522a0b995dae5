#pragma once

#include "banking/Date.h"
#include "banking/PaymentOrder.h"

#include <wx/panel.h>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

class wxCheckBox;
class wxStaticText;
class wxTextCtrl;
class wxButton;

namespace platnik::gui {

/// The payment order form: every field of the NBS domestic order, validated while typing with
/// the message beside the field, the route (clearing / RTGS / instant) shown, and an IPS QR
/// string pasted from the clipboard to fill it.
class OrderEditor : public wxPanel {
 public:
  using Clock = std::function<banking::Date()>;

  OrderEditor(wxWindow* parent, Clock today);

  /// The order as typed. The amount is zero when it cannot be read (problems() says why).
  [[nodiscard]] banking::PaymentOrder order() const;
  void setOrder(const banking::PaymentOrder& order);
  /// Every problem of the order as typed, including text that is not an amount or a date.
  [[nodiscard]] std::vector<banking::OrderProblem> problems() const;
  /// Whether nothing has been typed or filled in yet.
  [[nodiscard]] bool isBlank() const;
  /// Fills the order from an IPS QR string; false (and the reason shown) when it is not one.
  bool fillFromQr(const std::string& text);

  /// The message shown beside a field ("" when the field is fine).
  [[nodiscard]] wxString messageFor(banking::OrderField field) const;
  [[nodiscard]] wxString routeText() const;
  [[nodiscard]] wxString qrMessage() const;
  [[nodiscard]] wxTextCtrl* fieldControl(banking::OrderField field) const;
  [[nodiscard]] wxButton* pasteQrButton() const { return m_pasteQr; }

 private:
  struct Row {
    wxTextCtrl* input = nullptr;
    wxStaticText* message = nullptr;
  };

  void addRow(wxSizer* grid, banking::OrderField field, const wxString& label, int maxLength);
  void revalidate();
  void onPasteQr();
  [[nodiscard]] std::string text(banking::OrderField field) const;

  Clock m_today;
  std::map<banking::OrderField, Row> m_rows;
  std::set<banking::OrderField> m_touched;
  wxCheckBox* m_urgent = nullptr;
  wxStaticText* m_route = nullptr;
  wxStaticText* m_qrMessage = nullptr;
  wxButton* m_pasteQr = nullptr;
  bool m_filling = false;
};

}  // namespace platnik::gui
