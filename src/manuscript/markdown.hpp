// One Markdown file → sections of the document model (cmark-gfm tree walked into model nodes).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/document.hpp"
#include "support/diagnostic.hpp"

namespace folio::manuscript {

/// Footnote numbers across the whole book, in order of first reference.
struct NoteNumbering {
  int next = 1;
  /// Block starts read so far in the book (see kMaxBlockStarts).
  int block_starts = 0;
};

/// Parses one Markdown file (already valid UTF-8) into sections. Blocks before the first
/// level-1 heading form a section without a heading. Problems go to `diags`.
std::vector<model::Section> read_markdown(const std::string& file, const std::string& text,
                                          NoteNumbering& notes, support::Diagnostics& diags);

}  // namespace folio::manuscript
