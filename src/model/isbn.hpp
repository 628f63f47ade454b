// What a book.yaml `identifier` says about being an ISBN: one reading for the checker and the
// writers.
#pragma once

#include <string>
#include <string_view>

namespace folio::model {

/// The verdict on an identifier as an ISBN, with its digits (and a final X) when it is one.
struct IsbnVerdict {
  enum Kind { not_isbn, valid, bad_format, bad_check_digit } kind = not_isbn;
  char expected_check_digit = 0;  ///< set for bad_check_digit
  std::string digits;             ///< the ISBN's digits, upper-case X; set unless not_isbn
};

/// Looks at an identifier: "urn:isbn:…", "isbn:…", "isbn …", or bare digits with hyphens or
/// spaces that count 10 or 13 are taken as ISBNs and checked; anything else is not an ISBN.
IsbnVerdict check_isbn(std::string_view identifier);

}  // namespace folio::model
