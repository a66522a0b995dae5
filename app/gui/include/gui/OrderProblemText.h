#pragma once

#include "banking/PaymentOrder.h"

#include <wx/string.h>

#include <vector>

namespace platnik::gui {

/// A problem of an order (banking::validate, English) in the window's language: the field and
/// the error code choose a translated message; a problem this mapping does not know is shown
/// in the banking layer's English words.
wxString orderProblemText(const banking::OrderProblem& problem);

/// The field's name as the order form labels it ("Recipient account").
wxString orderFieldLabel(banking::OrderField field);

/// Every problem, one "Field: message" line each.
wxString orderProblemsText(const std::vector<banking::OrderProblem>& problems);

}  // namespace platnik::gui
