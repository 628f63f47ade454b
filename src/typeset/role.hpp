// What a set line or a page block is in the book: what the setter and the layout decide on.
#pragma once

namespace folio::typeset {

/// A line's or block's part in the book. The typesetter decides on it (hyphenation, the
/// baseline grid, the contents page's slots); the PDF writer derives its structure tags from
/// it (pdf/structure_type.hpp); the editions check reads notes by it.
enum class Role {
  body,                ///< a paragraph of the text, in whatever block (hyphenated, on the grid)
  note,                ///< a footnote's paragraph (hyphenated, off the grid)
  chapter_title,       ///< a section's title, and the contents page's
  section_heading,     ///< a heading of level 1 or 2 inside a section
  subsection_heading,  ///< a heading of level 3 or more inside a section
  display,             ///< a front-matter title, name or line (never hyphenated)
  contents_entry,      ///< a line of the contents page (while the book is set: its slot)
  furniture,           ///< a running head or folio (never a page block)
  table_caption,       ///< a table's caption (`Table: …`), set above it
  table_header_cell,   ///< a cell of a table's header row
  table_cell,          ///< a cell of a table's body row
  figure,              ///< a figure's picture (a page block with a PagePicture)
  caption,             ///< a figure's caption
};

}  // namespace folio::typeset
