#include "banking/formats/StatementReader.h"

#include "Readers.h"
#include "banking/formats/Csv.h"

#include <fmt/format.h>

#include <string>

namespace platnik::banking::formats {

Result<Format> readStatements(std::istream& in, StatementSink& sink, std::optional<Format> format) {
  if (!format) {
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    in.clear();
    in.seekg(0);
    if (!in) {
      return fail(Errc::Io, "the file cannot be read from its start again");
    }
    BOOST_OUTCOME_TRY(detected, detectFormat(head));
    format = detected;
  }
  switch (*format) {
    case Format::Camt052:
    case Format::Camt053:
    case Format::Camt054: {
      BOOST_OUTCOME_TRYV(detail::readCamt(in, sink, *format));
      break;
    }
    case Format::AssecoXml: {
      BOOST_OUTCOME_TRYV(detail::readAssecoXml(in, sink));
      break;
    }
    case Format::RolXml: {
      BOOST_OUTCOME_TRYV(detail::readRolXml(in, sink));
      break;
    }
    case Format::Mt940:
    case Format::Mt942: {
      BOOST_OUTCOME_TRYV(detail::readMt940(in, sink, *format));
      break;
    }
    case Format::HalcomStatement:
    case Format::HalcomRecap:
    case Format::HalcomExtended:
    case Format::HalcomForeign: {
      BOOST_OUTCOME_TRYV(detail::readHalcom(in, sink, *format));
      break;
    }
    case Format::Csv: {
      BOOST_OUTCOME_TRYV(readCsv(in, sink));
      break;
    }
    case Format::Pain001:
    case Format::Pain002:
    case Format::HalcomOrders:
      return fail(Errc::UnsupportedFormat, fmt::format("a {} file holds no statements", formatName(*format)));
  }
  return *format;
}

}  // namespace platnik::banking::formats
