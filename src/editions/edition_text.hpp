// One edition's text as the consistency check compares it: pure data from either reader.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "editions/words.hpp"

namespace folio::editions {

/// A stretch of an edition's words: a content document of the EPUB, a page of the PDF.
struct TextPart {
  std::size_t first_word = 0;  ///< index of the part's first word in its word list
  std::string name;            ///< "text/003-chapter.xhtml", or a page label "42"
  int section = -1;            ///< index in model::Document::sections, where known
};

/// Where a printed page begins: in the EPUB at its pagebreak marker, in the PDF at its top.
struct PageStartWord {
  std::string label;
  std::size_t word = 0;  ///< index in EditionText::words
};

struct EditionText {
  WordList words;               ///< the running text, furniture aside, folded
  std::vector<TextPart> parts;  ///< in order, each starting at or after the last
  WordList note_words;          ///< the footnotes, in note order
  std::vector<TextPart> note_parts;
  /// Figures' captions, in figure order: apart from the text, where print may float them.
  WordList caption_words;
  std::vector<TextPart> caption_parts;
  std::vector<PageStartWord> page_starts;
  std::vector<std::string> toc;  ///< top-level entries of the contents / outline, as written
};

/// The part holding word `index` (the last part starting at or before it); null if none.
const TextPart* part_at(const std::vector<TextPart>& parts, std::size_t index);

}  // namespace folio::editions
