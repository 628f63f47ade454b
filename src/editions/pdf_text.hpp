// The PDF side of the check: the words of the typeset pages, the text Cairo writes.
#pragma once

#include "editions/edition_text.hpp"
#include "typeset/paged_document.hpp"

namespace folio::editions {

/// The text layer of the print edition, read from the typesetter's output: every glyph run is
/// drawn with cairo_show_text_glyphs and its `text` (source characters, ligatures as their
/// letters, the line-end hyphen as U+00AD), so these are the characters a PDF reader
/// extracts. Furniture is set aside: running heads and folios (artifacts), and the pages
/// before the first one with section text (half-title, title, copyright, contents). Note
/// blocks go to the note words, each note once (where it is first set: the PDF sets a note
/// again on each page that refers to it, the EPUB once); the toc is the outline without its
/// "Contents" entry.
EditionText pdf_text(const typeset::PagedDocument& paged);

}  // namespace folio::editions
