#pragma once

#include "banking/Statement.h"
#include "gui/Workspace.h"

#include <cstdint>
#include <vector>

class wxWindow;

namespace platnik::gui {

/// Prints the stored orders, in the NBS domestic transfer order layout ("NALOG ZA PRENOS",
/// three to an A4 page), through the system's print dialog. Problems (an order that is not
/// there any more, no printer) are shown in a message box.
void printOrders(wxWindow* parent, Workspace& workspace, const std::vector<std::int64_t>& orderIds);

/// Asks for a file name and writes the stored orders as a PDF in the same layout as printOrders.
void saveOrdersAsPdf(wxWindow* parent, Workspace& workspace, const std::vector<std::int64_t>& orderIds);

/// Prints one statement with its entries (header with the company, account, bank, number,
/// date and balances; the entries table; page numbers). services::loadStatements gives them.
void printStatement(wxWindow* parent, Workspace& workspace, const banking::Statement& statement);

/// Asks for a file name and writes one statement as a PDF (printStatement's layout).
void saveStatementAsPdf(wxWindow* parent, Workspace& workspace, const banking::Statement& statement);

}  // namespace platnik::gui
