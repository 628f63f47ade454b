// The publication's dc:identifier: a checked ISBN as urn:isbn:…, else a UUID derived from the book.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/document.hpp"
#include "support/diagnostic.hpp"

namespace folio::facts {

/// The identifier written to the package document.
struct BookIdentifier {
  std::string value;  ///< e.g. "urn:isbn:9780929087405" or "urn:uuid:…"
  std::string isbn;   ///< the ISBN's digits (and X) when the identifier is one, else empty
};

/// The digits of `raw` when it is written as an ISBN ("978-0-929087-40-5", "isbn:…",
/// "urn:isbn:…"); nullopt when it does not look like one. A look-alike whose check digit is
/// wrong yields the digits with `valid` false.
struct IsbnParse {
  std::string digits;
  bool valid = false;
};
std::optional<IsbnParse> parse_isbn(std::string_view raw);

/// A name-based (version 5, SHA-1) UUID in the RFC 4122 URL namespace, lower-case hex.
std::string uuid_v5_url_namespace(std::string_view name);

/// The name a book's UUID is derived from: its title and authors, one a line, so that a
/// rebuild keeps the identifier and a new title gets a new one.
std::string uuid_name(const model::Metadata& meta);

/// The identifier for `meta`: `identifier` from book.yaml (an ISBN must pass its check digit,
/// else an error at its position), or urn:uuid: derived from title and authors.
std::optional<BookIdentifier> book_identifier(const model::Metadata& meta,
                                              support::Diagnostics& diags);

}  // namespace folio::facts
