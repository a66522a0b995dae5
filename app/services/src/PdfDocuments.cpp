#include "services/PdfDocuments.h"

#include "banking/Account.h"
#include "storage/Banks.h"
#include "storage/Database.h"
#include "storage/Orders.h"
#include "storage/Settings.h"

#include <fmt/format.h>
#include <hpdf.h>

#include <array>
#include <cstdlib>
#include <memory>
#include <string>
#include <system_error>
#include <type_traits>

namespace platnik::services {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

/// libharu reports errors through a callback; it only records the first one here (no
/// exception may cross the C library).
struct HaruErrors {
  HPDF_STATUS code = HPDF_OK;
  HPDF_STATUS detail = 0;
};

void onHaruError(HPDF_STATUS code, HPDF_STATUS detail, void* data) {
  auto* errors = static_cast<HaruErrors*>(data);
  if (errors->code == HPDF_OK) {
    errors->code = code;
    errors->detail = detail;
  }
}

struct DocFree {
  void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
};
using DocPtr = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocFree>;

banking::Error haruError(const HaruErrors& errors, const std::filesystem::path& path,
                         std::string_view doing) {
  // HPDF_FILE_IO_ERROR and HPDF_FILE_OPEN_ERROR: the file; anything else: the document.
  const bool io = errors.code == HPDF_FILE_IO_ERROR || errors.code == HPDF_FILE_OPEN_ERROR;
  return banking::Error(banking::Errc::Io,
                        fmt::format("{} failed (libharu error 0x{:04X}, detail {})", doing,
                                    static_cast<unsigned>(errors.code), static_cast<unsigned>(errors.detail)),
                        io ? path.string() : std::string("PDF"));
}

}  // namespace

banking::Result<std::vector<banking::PaymentOrder>> ordersToPrint(storage::Database& database,
                                                                  std::span<const std::int64_t> ids) {
  std::vector<banking::PaymentOrder> orders;
  for (const auto id : ids) {
    BOOST_OUTCOME_TRY(stored, database.orders().get(id));
    orders.push_back(stored.order);
  }
  return orders;
}

banking::Result<StatementHeading> statementHeading(storage::Database& database,
                                                   const banking::Statement& statement) {
  StatementHeading heading;
  BOOST_OUTCOME_TRY(company, database.settings().company());
  if (company) {
    heading.company = company->name;
  }
  const auto account =
      banking::Account::parse(statement.info.account.empty() ? statement.info.iban : statement.info.account);
  if (account) {
    BOOST_OUTCOME_TRY(bank, database.banks().findByCode(account.value().bankCode()));
    if (bank) {
      heading.bank = bank->name;
    }
  }
  return heading;
}

banking::Result<std::filesystem::path> documentFont(bool bold) {
  const std::string name = bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf";
  std::vector<std::filesystem::path> folders;
  if (const char* dir = std::getenv("PLATNIK_FONT_DIR"); dir != nullptr && *dir != '\0') {
    folders.emplace_back(dir);
  }
  for (const char* dir : {"/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu-sans-fonts",
                          "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF", "/usr/local/share/fonts"}) {
    folders.emplace_back(dir);
  }
  for (const auto& folder : folders) {
    std::error_code error;
    if (std::filesystem::is_regular_file(folder / name, error)) {
      return folder / name;
    }
  }
  return banking::fail(banking::Errc::NotFound,
                       fmt::format("the font {} is not installed (Debian/Ubuntu: install fonts-dejavu-core; "
                                   "or set PLATNIK_FONT_DIR to the folder that has it)",
                                   name),
                       "PDF");
}

banking::Result<void> writeLayoutPdf(const LayoutDocument& document, const std::filesystem::path& path) {
  BOOST_OUTCOME_TRY(regularPath, documentFont(false));
  BOOST_OUTCOME_TRY(boldPath, documentFont(true));
  HaruErrors errors;
  DocPtr pdf(HPDF_New(onHaruError, &errors));
  if (!pdf) {
    return banking::fail(banking::Errc::Io, "cannot start a PDF document (out of memory)", "PDF");
  }
  HPDF_SetCompressionMode(pdf.get(), HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(pdf.get());
  HPDF_SetCurrentEncoder(pdf.get(), "UTF-8");
  const char* regularName = HPDF_LoadTTFontFromFile(pdf.get(), regularPath.string().c_str(), HPDF_TRUE);
  const char* boldName = HPDF_LoadTTFontFromFile(pdf.get(), boldPath.string().c_str(), HPDF_TRUE);
  if (errors.code != HPDF_OK || regularName == nullptr || boldName == nullptr) {
    return boost::outcome_v2::failure(haruError(errors, path, "loading the font " + regularPath.string()));
  }
  HPDF_Font regular = HPDF_GetFont(pdf.get(), regularName, "UTF-8");
  HPDF_Font bold = HPDF_GetFont(pdf.get(), boldName, "UTF-8");
  HPDF_SetInfoAttr(pdf.get(), HPDF_INFO_TITLE, document.title.c_str());
  HPDF_SetInfoAttr(pdf.get(), HPDF_INFO_CREATOR, "Platnik");

  const double pageHeight = document.height * kPointsPerMm;
  for (const auto& layout : document.pages) {
    HPDF_Page page = HPDF_AddPage(pdf.get());
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(document.width * kPointsPerMm));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(pageHeight));
    for (const auto& line : layout.lines) {
      HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(line.width * kPointsPerMm));
      if (line.dashed) {
        const std::array<HPDF_UINT16, 2> dash{3, 2};
        HPDF_Page_SetDash(page, dash.data(), 2, 0);
      } else {
        HPDF_Page_SetDash(page, nullptr, 0, 0);
      }
      HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(line.x1 * kPointsPerMm),
                       static_cast<HPDF_REAL>(pageHeight - line.y1 * kPointsPerMm));
      HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(line.x2 * kPointsPerMm),
                       static_cast<HPDF_REAL>(pageHeight - line.y2 * kPointsPerMm));
      HPDF_Page_Stroke(page);
    }
    for (const auto& text : layout.texts) {
      if (text.text.empty()) {
        continue;
      }
      HPDF_Page_BeginText(page);
      HPDF_Page_SetFontAndSize(page, text.bold ? bold : regular, static_cast<HPDF_REAL>(text.size));
      const double width = HPDF_Page_TextWidth(page, text.text.c_str());
      double x = text.x * kPointsPerMm;
      if (text.align == LayoutText::Align::Right) {
        x -= width;
      } else if (text.align == LayoutText::Align::Center) {
        x -= width / 2;
      }
      HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(x),
                        static_cast<HPDF_REAL>(pageHeight - text.baseline * kPointsPerMm), text.text.c_str());
      HPDF_Page_EndText(page);
    }
    if (errors.code != HPDF_OK) {
      return boost::outcome_v2::failure(haruError(errors, path, "drawing a page"));
    }
  }
  if (HPDF_SaveToFile(pdf.get(), path.string().c_str()) != HPDF_OK || errors.code != HPDF_OK) {
    return boost::outcome_v2::failure(haruError(errors, path, "writing the PDF"));
  }
  return boost::outcome_v2::success();
}

banking::Result<void> writeOrdersPdf(std::span<const banking::PaymentOrder> orders,
                                     const std::filesystem::path& path) {
  if (orders.empty()) {
    return banking::fail(banking::Errc::InvalidArgument, "no orders to write", path.string());
  }
  return writeLayoutPdf(layoutOrders(orders), path);
}

banking::Result<void> writeStatementPdf(const banking::Statement& statement, const StatementHeading& heading,
                                        const StatementLabels& labels, const std::filesystem::path& path) {
  return writeLayoutPdf(layoutStatement(statement, heading, labels), path);
}

}  // namespace platnik::services
