// The comparison of two editions' texts: first difference found, reported with positions.
#pragma once

#include <cstddef>

#include "editions/edition_text.hpp"
#include "model/document.hpp"
#include "support/diagnostic.hpp"

namespace folio::editions {

/// What was compared, for `folio build -v`.
struct Comparison {
  std::size_t words = 0;        ///< running-text and caption words compared (the EPUB's count)
  std::size_t note_words = 0;   ///< footnote words compared
  std::size_t toc_entries = 0;  ///< contents entries compared
  std::size_t page_starts = 0;  ///< page-break markers compared with page tops
  bool same = true;
};

/// Compares the EPUB's text with the PDF's: the running text word for word, the footnotes
/// word for word in note order (apart from it, since the EPUB sets notes at the section's end
/// and the PDF at the page's foot), the contents entry for entry, and — when the EPUB has
/// print page markers — each marker's word against its page's first word. Reports at most
/// one error per kind: editions-text-differs, editions-notes-differ, editions-toc-differs,
/// editions-page-differs, with the section, the word, its source position and the PDF page.
Comparison compare_editions(const EditionText& epub, const EditionText& pdf,
                            const model::Document& doc, support::Diagnostics& diags);

}  // namespace folio::editions
