// Validators for book.yaml values: BCP 47 language tags, ISBNs, ISO 8601 dates.
#pragma once

#include <string>
#include <string_view>

namespace folio::check {

/// True when `tag` is a well-formed BCP 47 language tag (RFC 5646 syntax, including the
/// grandfathered tags); the registry of subtags is not consulted.
bool is_bcp47(std::string_view tag);

/// What an `identifier` value says about being an ISBN.
struct IsbnVerdict {
  enum Kind { not_isbn, valid, bad_format, bad_check_digit } kind = not_isbn;
  char expected_check_digit = 0;  ///< set for bad_check_digit
};

/// Looks at an identifier: "urn:isbn:…", "isbn:…", or bare digits with hyphens/spaces that
/// count 10 or 13 are taken as ISBNs and checked; anything else is not an ISBN.
IsbnVerdict check_isbn(std::string_view identifier);

/// True for the ISO 8601 forms EPUB and PDF metadata accept (W3C-DTF): YYYY, YYYY-MM,
/// YYYY-MM-DD, and YYYY-MM-DDThh:mm[:ss[.s…]] with Z or ±hh:mm, with valid ranges.
bool is_iso8601_date(std::string_view date);

}  // namespace folio::check
