// The typesetter's output: pages of positioned glyph runs, pure data for the PDF writer.
//
// Coordinates are PostScript points from the trim box's top-left corner, y downwards;
// a run's glyph positions are relative to the run's origin (its first baseline point).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "image/picture.hpp"
#include "model/page_map.hpp"
#include "support/source_pos.hpp"
#include "typeset/font_table.hpp"
#include "typeset/role.hpp"

namespace folio::typeset {

struct Glyph {
  std::uint32_t id = 0;
  double x = 0;
  double y = 0;
};

/// Glyphs in one font with the text they stand for: `clusters` pairs (bytes of text, glyphs),
/// in order, so copied text is the source text (ligatures and the line-end hyphen included).
struct GlyphRun {
  int font = 0;  ///< index in PagedDocument::fonts
  double x = 0;
  double y = 0;
  std::string text;
  std::vector<Glyph> glyphs;
  std::vector<std::pair<int, int>> clusters;
  double width = 0;  ///< advance of the whole run
  /// BCP 47 tag of the run's text when it is not the book's (a `[…]{lang=de}` span or a div
  /// with `lang=`); the PDF tags such a run as a /Span with /Lang. Empty: the book's.
  std::string lang;
};

/// A rule (the footnote separator, crop marks).
struct Rule {
  double x = 0, y = 0, width = 0, thickness = 0.4;
};

/// A figure's picture on a page: the box it fills, from the trim's top-left corner.
struct PagePicture {
  std::shared_ptr<const image::Picture> picture;
  double x = 0, y = 0, width = 0, height = 0;
  std::string alt;            ///< the PDF's /Alt for the Figure element
  support::SourcePos source;  ///< the figure in the Markdown
};

/// A structure element's content on one page: a paragraph, heading or note.
struct PageBlock {
  Role role = Role::body;  ///< what it is (the PDF derives its structure type from it)
  /// A note's number (every block of note 12 says 12, each time the note is set); 0: not a
  /// note. Read from here, never from the mark the setter draws, which a design may change.
  int note = 0;
  /// A block of a note continued from the page before (which split it).
  bool continued = false;
  std::string group;  ///< enclosing PDF structure element (BlockQuote, Table) or empty
  int row = 0;        ///< a table cell's row: cells of one row are tagged inside one TR
  std::string dest;   ///< named destination to define at the first run (headings)
  std::vector<GlyphRun> runs;
  std::optional<PagePicture> picture;  ///< Role::figure: the picture drawn (no runs)
};

/// A link area (table of contents entries).
struct Link {
  double x = 0, y = 0, width = 0, height = 0;
  std::string dest;
};

/// A line as placed on a page, for the layout dump (`folio dump --layout`): the PDF writer
/// never reads it, so it cannot change the drawing.
struct PageLine {
  double x = 0;  ///< the line's left edge, from the trim's left
  double y = 0;  ///< its baseline, from the trim's top
  Role role = Role::body;
  int note = 0;        ///< the note it belongs to; 0: not a note
  double ratio = 0;    ///< its spaces' adjustment ratio
  double badness = 0;  ///< the line breaker's badness
  bool hyphenated = false;
  std::string words;  ///< its first words (filled in late for the contents)
};

struct Page {
  std::string label;  ///< the folio as printed or implied: "iii", "12"
  bool recto = true;
  bool blank = false;
  bool opening = false;         ///< a section's first page (no running head)
  bool display = false;         ///< a page of its own (half-title, dedication): no head, no folio
  std::vector<PageLine> lines;  ///< for the layout dump, in the order they were placed
  std::vector<PageBlock> blocks;
  std::vector<GlyphRun> furniture;  ///< running heads and folios: artifacts, not content
  std::vector<Rule> rules;          ///< drawn as artifacts
  std::vector<Link> links;
};

struct OutlineEntry {
  std::string title;
  std::string dest;
  int level = 1;
};

struct PagedDocument {
  double width = 432;
  double height = 648;
  std::deque<Page> pages;  ///< a deque: pages keep their address as more are added
  std::vector<OutlineEntry> outline;
  FontTable fonts;
  /// Each character of the book once, in the body face's roman (typeset/primer.hpp), when the
  /// layout has glyphs; set before any page is handed to a PageSink. Not a page: a PDF writer
  /// draws it first, on a page it then drops, so its font subsets follow the prose.
  std::vector<GlyphRun> primer;
  int overfull_lines = 0;  ///< lines wider than their measure (should stay 0)
  /// Where each page with section text begins in the model (for the EPUB's page list).
  model::PageMap page_map;
  /// Pages filled in last, [late_begin, late_end): the contents, whose page numbers are known
  /// only once the book is set. Empty when late_begin == late_end.
  std::size_t late_begin = 0;
  std::size_t late_end = 0;
};

/// The order pages are finished and drawn in: all in order, the late pages last. A PDF drawn
/// in this order while the book is set is the same as one drawn from the finished pages.
std::vector<std::size_t> drawing_order(const PagedDocument& doc);

}  // namespace folio::typeset
