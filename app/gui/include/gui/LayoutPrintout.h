#pragma once

#include "services/PrintLayout.h"

#include <wx/print.h>

namespace platnik::gui {

/// Draws laid out pages (services::PrintLayout, the same pages the PDF writer draws) on a
/// printer, a print preview or any DC the printout is given, scaled so that the document's
/// millimetres are the paper's.
class LayoutPrintout : public wxPrintout {
 public:
  explicit LayoutPrintout(services::LayoutDocument document);

  bool HasPage(int page) override;
  void GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo) override;
  bool OnPrintPage(int page) override;

  [[nodiscard]] const services::LayoutDocument& document() const { return m_document; }

 private:
  services::LayoutDocument m_document;
};

}  // namespace platnik::gui
