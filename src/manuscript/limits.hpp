// Documented input limits: beyond them the reader reports a diagnostic instead of collapsing.
#pragma once

#include <cstddef>

namespace folio::manuscript {

/// Largest source file read (a 1,000-page novel is about 3 MiB of Markdown).
inline constexpr std::size_t kMaxFileBytes = 64u << 20;
/// Most bytes of source read for one book, book.yaml and every Markdown file together: ten
/// 1,000-page novels (a 29 MB book builds in about 1.1 GB). Each file listed counts, so a chapter
/// listed 60 times under different spellings cannot make the reader hold 60 copies.
inline constexpr std::size_t kMaxManuscriptBytes = 32u << 20;
/// Longest paragraph accepted (the longest paragraphs in print run to ~150 KB; beyond this
/// a single paragraph is almost surely a conversion accident, and line breaking it is slow).
inline constexpr std::size_t kMaxParagraphBytes = 1u << 20;
/// Deepest nesting of block containers (block quotes, lists, divs) accepted.
inline constexpr int kMaxNesting = 64;

/// Most footnotes in a book (Gibbon's Decline and Fall has about 8,000; each costs the
/// model a few kilobytes and the typesetter a float to place).
inline constexpr int kMaxFootnotes = 50000;

/// Most blocks in a book, counted as block starts on the raw lines before parsing: a line after
/// a blank one, or one opening with a block marker (`#`, `>`, `-`, `*`, `+`, `|`, `:`, a fence,
/// a digit). Each block costs the pipeline about 4.5 KB from reading to the PDF (300,000
/// one-word paragraphs: 1.3 GB), and cmark-gfm's tree costs more before the model exists.
/// Gibbon's Decline and Fall has about 2,800 block starts, a 4-million-word test book 54,000.
inline constexpr int kMaxBlockStarts = 250000;

/// Most combining marks accepted in a row: Unicode's Stream-Safe Text Format (UAX #15)
/// allows 30 non-starters; real scripts stay far below, "Zalgo" floods far above.
inline constexpr int kMaxCombiningMarks = 30;

}  // namespace folio::manuscript

namespace folio::manuscript {

/// Deepest nesting of YAML collections in book.yaml and style files (both are a few levels
/// deep; an alias inside the node it names is infinitely deep).
inline constexpr int kMaxYamlDepth = 64;
/// Most YAML nodes visited in one file, aliases expanded (book.yaml and styles have a few
/// hundred; "billion laughs" aliases expand to billions).
inline constexpr std::size_t kMaxYamlNodes = 100000;

}  // namespace folio::manuscript
