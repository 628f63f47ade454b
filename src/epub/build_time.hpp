// The one timestamp a build uses (dcterms:modified, zip entry times): never the wall clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/document.hpp"
#include "support/diagnostic.hpp"

namespace folio::epub {

/// The build time in seconds since 1970: `source_date_epoch` when given (the value of the
/// SOURCE_DATE_EPOCH variable), else the newest modification time among the manuscript's
/// files (book.yaml, its Markdown files, the cover and images), else 0. An unparsable
/// SOURCE_DATE_EPOCH is an error.
std::optional<std::int64_t> build_time(const model::Document& doc,
                                       const std::optional<std::string>& source_date_epoch,
                                       support::Diagnostics& diags);

/// "2024-05-01T12:00:00Z" (the form dcterms:modified requires).
std::string w3c_datetime(std::int64_t seconds);

/// MS-DOS date and time fields of a zip entry, in UTC, clamped to 1980–2107.
struct DosTime {
  std::uint16_t time = 0;
  std::uint16_t date = 0;
};
DosTime dos_time(std::int64_t seconds);

}  // namespace folio::epub
