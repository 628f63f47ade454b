// Validators for book.yaml values: BCP 47 language tags, ISBNs, ISO 8601 dates.
#pragma once

#include <string>
#include <string_view>

#include "manuscript/language_tag.hpp"
#include "model/isbn.hpp"

namespace folio::check {

// Language tags are checked by the reader too (a span's `lang=`), with the same grammar.
using manuscript::is_bcp47;

// ISBNs are read once, in the model (the EPUB writer reads them the same way).
using model::check_isbn;
using model::IsbnVerdict;

/// True for the ISO 8601 forms EPUB and PDF metadata accept (W3C-DTF): YYYY, YYYY-MM,
/// YYYY-MM-DD, and YYYY-MM-DDThh:mm[:ss[.s…]] with Z or ±hh:mm, with valid ranges.
bool is_iso8601_date(std::string_view date);

}  // namespace folio::check
