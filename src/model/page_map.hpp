// Where each page of the print edition begins, as positions in the document model.
//
// Pure data shared by the typesetter (which computes it) and the EPUB writer (which marks
// the page breaks), so the EPUB stage needs no typesetter. A position is a block's NodeId (kept
// from the reader through every stage) and an offset into the block's text.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace folio::model {

/// The start of one printed page: its first line's position.
struct PageStart {
  std::string label;  ///< the page's folio: "iii", "42"
  int section = 0;    ///< index in Document::sections (which content document holds it)
  NodeId block;       ///< the block the page's first line belongs to (a heading, a paragraph…)
  /// Byte offset into model::plain_text of the block's inlines (0 for blocks without
  /// inlines, such as a scene break, or a code block's `text`); always at a word's start.
  /// In a table: the row (0 the header), or kTableCaption for its caption.
  std::size_t char_offset = 0;
};

/// PageStart::char_offset of a page that begins in a table's caption (set above the rows).
inline constexpr std::size_t kTableCaption = static_cast<std::size_t>(-1);

/// Every page that carries text from the book's sections, in page order. Pages the
/// typesetter makes from the metadata (half-title, title, copyright, contents) are absent.
using PageMap = std::vector<PageStart>;

}  // namespace folio::model
