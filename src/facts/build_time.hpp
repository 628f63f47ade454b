// The one timestamp a build uses (EPUB dcterms:modified and zip times, PDF dates): never the clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/document.hpp"
#include "support/diagnostic.hpp"

namespace folio::facts {

/// The first and last second folio can write in both editions' date forms: years 0000–9999
/// (a four-digit year is all a PDF date string and xsd:dateTime's usual form hold).
inline constexpr std::int64_t kEarliestTime = -62167219200;  // 0000-01-01T00:00:00Z
inline constexpr std::int64_t kLatestTime = 253402300799;    // 9999-12-31T23:59:59Z

/// The build time in seconds since 1970 (negative before it): `source_date_epoch` when given
/// (the value of the SOURCE_DATE_EPOCH variable), else the newest modification time among the
/// manuscript's files (book.yaml, its Markdown files, the cover and images), else 0. A
/// SOURCE_DATE_EPOCH that is not an integer, or lies outside the years 0000–9999, is an error.
std::optional<std::int64_t> build_time(const model::Document& doc,
                                       const std::optional<std::string>& source_date_epoch,
                                       support::Diagnostics& diags);

/// A UTC calendar time, from proleptic Gregorian arithmetic (no gmtime: the same on every
/// platform and for any year, 1897 as much as 2024).
struct UtcTime {
  std::int64_t year = 1970;
  int month = 1, day = 1, hour = 0, minute = 0, second = 0;
};
UtcTime utc_time(std::int64_t seconds);

/// "2024-05-01T12:00:00Z" (the form dcterms:modified and XMP dates take). `seconds` is
/// clamped to kEarliestTime..kLatestTime.
std::string w3c_datetime(std::int64_t seconds);

/// "D:20240501120000Z" (a PDF date string, ISO 32000-1 §7.9.4), clamped likewise. Before
/// 1930 the "Z" is left off ("D:18970526000000"): poppler (pdfinfo, Evince) reads any longer
/// date string of a year before 1930 as Distiller 3's Y2K bug ("19100…" for 2000) and shows
/// 1897 as 2774; without the offset it reads the date as written, as UTC.
std::string pdf_date(std::int64_t seconds);

}  // namespace folio::facts
