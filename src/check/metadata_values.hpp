// Validators for book.yaml values: BCP 47 language tags, ISBNs, ISO 8601 dates.
#pragma once

#include <string>
#include <string_view>

#include "model/isbn.hpp"

namespace folio::check {

/// True when `tag` is a well-formed BCP 47 language tag (RFC 5646 syntax, including the
/// grandfathered tags); the registry of subtags is not consulted.
bool is_bcp47(std::string_view tag);

// ISBNs are read once, in the model (the EPUB writer reads them the same way).
using model::check_isbn;
using model::IsbnVerdict;

/// True for the ISO 8601 forms EPUB and PDF metadata accept (W3C-DTF): YYYY, YYYY-MM,
/// YYYY-MM-DD, and YYYY-MM-DDThh:mm[:ss[.s…]] with Z or ±hh:mm, with valid ranges.
bool is_iso8601_date(std::string_view date);

}  // namespace folio::check
