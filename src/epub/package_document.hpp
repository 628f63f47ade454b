// The package document (package.opf): metadata, manifest and spine.
#pragma once

#include <string>
#include <vector>

#include "epub/accessibility.hpp"
#include "epub/publication.hpp"
#include "support/diagnostic.hpp"

namespace folio::epub {

/// "North, David" from "David North": the last word first, for sorting.
std::string file_as(std::string_view name);

/// True for the date forms EPUB accepts in dc:date (W3CDTF: "1989", "1989-07",
/// "1989-07-28", "1989-07-28T10:00:00Z").
bool is_w3c_date(std::string_view date);

/// Writes package.opf. `items` are in manifest order; those with in_spine form the spine in
/// the same order. A book.yaml date EPUB cannot carry is left out with a warning.
std::string package_document(const BookInfo& book, const std::vector<ManifestItem>& items,
                             const AccessibilityFacts& facts, support::Diagnostics& diags);

}  // namespace folio::epub
