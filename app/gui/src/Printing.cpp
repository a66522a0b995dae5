#include "gui/Printing.h"

#include "gui/Display.h"
#include "gui/LayoutPrintout.h"
#include "gui/ModalAnswers.h"
#include "services/PdfDocuments.h"

#include <wx/msgdlg.h>
#include <wx/print.h>

#include <filesystem>

namespace platnik::gui {
namespace {

/// The words of a printed statement in the window's language.
services::StatementLabels statementLabels() {
  const auto text = [](const wxString& value) { return value.utf8_string(); };
  services::StatementLabels labels;
  labels.title = text(_("Statement"));
  labels.number = text(_("Number"));
  labels.date = text(_("Date"));
  labels.company = text(_("Company"));
  labels.account = text(_("Account"));
  labels.bank = text(_("Bank"));
  labels.opening = text(_("Opening balance"));
  labels.closing = text(_("Closing balance"));
  labels.debits = text(_("Debits"));
  labels.credits = text(_("Credits"));
  labels.entries = text(_("Entries"));
  labels.bookingDate = text(_("Date"));
  labels.counterparty = text(_("Counterparty"));
  labels.purpose = text(_("Purpose"));
  labels.paymentCode = text(_("Code"));
  labels.debit = text(_("Debit"));
  labels.credit = text(_("Credit"));
  // TRANSLATORS: {} is the page number, then the page count; keep both.
  labels.page = text(_("Page {} of {}"));
  return labels;
}

void showProblem(wxWindow* parent, const banking::Error& error) {
  modalAnswers().tell(parent, fromUtf8(error.describe()), _("Platnik"), true);
}

void print(wxWindow* parent, services::LayoutDocument document) {
  LayoutPrintout printout(std::move(document));
  wxPrinter printer;
  if (!printer.Print(parent, &printout, true) && wxPrinter::GetLastError() == wxPRINTER_ERROR) {
    wxMessageBox(_("The document could not be printed."), _("Platnik"), wxICON_ERROR, parent);
  }
}

/// The PDF's path from a save dialog; empty when the user cancelled.
std::filesystem::path askPdfPath(wxWindow* parent, const wxString& suggested) {
  const wxString path =
      modalAnswers().fileToSave(parent, _("Save as PDF"), suggested, _("PDF documents (*.pdf)|*.pdf"));
  return path.empty() ? std::filesystem::path() : std::filesystem::path(path.utf8_string());
}

void reportWritten(wxWindow* parent, const banking::Result<void>& written,
                   const std::filesystem::path& path) {
  if (!written) {
    showProblem(parent, written.error());
    return;
  }
  modalAnswers().tell(parent, wxString::Format(_("Saved %s."), fromUtf8(path.string())), _("Platnik"), false);
}

}  // namespace

void printOrders(wxWindow* parent, Workspace& workspace, const std::vector<std::int64_t>& orderIds) {
  auto orders = services::ordersToPrint(workspace.database(), orderIds);
  if (!orders) {
    showProblem(parent, orders.error());
    return;
  }
  if (orders.value().empty()) {
    return;
  }
  print(parent, services::layoutOrders(orders.value()));
}

void saveOrdersAsPdf(wxWindow* parent, Workspace& workspace, const std::vector<std::int64_t>& orderIds) {
  auto orders = services::ordersToPrint(workspace.database(), orderIds);
  if (!orders) {
    showProblem(parent, orders.error());
    return;
  }
  if (orders.value().empty()) {
    return;
  }
  const auto path = askPdfPath(parent, _("orders.pdf"));
  if (path.empty()) {
    return;
  }
  reportWritten(parent, services::writeOrdersPdf(orders.value(), path), path);
}

void printStatement(wxWindow* parent, Workspace& workspace, const banking::Statement& statement) {
  auto heading = services::statementHeading(workspace.database(), statement);
  if (!heading) {
    showProblem(parent, heading.error());
    return;
  }
  print(parent, services::layoutStatement(statement, heading.value(), statementLabels()));
}

void saveStatementAsPdf(wxWindow* parent, Workspace& workspace, const banking::Statement& statement) {
  auto heading = services::statementHeading(workspace.database(), statement);
  if (!heading) {
    showProblem(parent, heading.error());
    return;
  }
  const auto suggested = wxString::Format(_("statement-%s.pdf"), fromUtf8(statement.info.number));
  const auto path = askPdfPath(parent, suggested);
  if (path.empty()) {
    return;
  }
  reportWritten(parent, services::writeStatementPdf(statement, heading.value(), statementLabels(), path),
                path);
}

}  // namespace platnik::gui
