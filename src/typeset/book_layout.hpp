// Sets a whole book: front matter from the metadata, sections, pagination, running heads.
#pragma once

#include "model/document.hpp"
#include "style/style.hpp"
#include "support/diagnostic.hpp"
#include "typeset/paged_document.hpp"

namespace folio::typeset {

struct LayoutOptions {
  bool front_matter = true;  ///< half-title, title page, copyright page (and contents)
  std::string creator = "folio";
};

/// Typesets `doc` in `style`. Problems (a font that cannot be found, glyphs the fonts lack,
/// an overfull line) are reported to `diags`; the result is still a complete document.
PagedDocument layout_book(const model::Document& doc, const style::Style& style,
                          const LayoutOptions& options, support::Diagnostics& diags);

}  // namespace folio::typeset
