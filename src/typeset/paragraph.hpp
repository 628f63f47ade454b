// Sets one paragraph: Pango shaping, hyphenation, Knuth–Plass, lines as glyph-run slices.
#pragma once

#include <string>
#include <vector>

#include "style/style.hpp"
#include "typeset/font_context.hpp"
#include "typeset/hyphenator.hpp"
#include "typeset/paged_document.hpp"
#include "typeset/shaping_cache.hpp"
#include "typeset/styled_text.hpp"

namespace folio::typeset {

/// Where a paragraph's lines sit in the measure (the style's enum: style_values.hpp).
using Align = style::Align;

struct ParagraphSettings {
  style::Face face;
  double measure = 0;
  double indent = 0;  ///< first-line indent
  Align align = Align::justify;
  /// The paragraph's language's hyphenator; null: its words are not hyphenated (headings, or
  /// no patterns for the language).
  const Hyphenator* hyphenator = nullptr;
  /// With it, words in a span of another language (Span::lang) take that language's
  /// hyphenator (null there: not hyphenated); without, they take `hyphenator`. Null for
  /// headings.
  const Hyphenators* languages = nullptr;
  /// The paragraph's language when it is not the book's (a div with `lang=`): its runs carry
  /// it (GlyphRun::lang) and its words take its hyphenator. Empty: the book's.
  std::string lang;
  /// Capitalised words (names) may be hyphenated; they never are when false, except in a
  /// language that capitalises its nouns (capitalises_nouns).
  bool capitalized = false;
  int min_word = 5;
  style::LineBreaking breaking;
  std::string mono_family = "DejaVu Sans Mono";
  /// ",DejaVu Serif,…": the style's fallback families, appended to every family Pango is
  /// given, so that a character the face lacks comes from them, in order (empty: none).
  std::string fallback;
  style::Strong strong = style::Strong::italic;
  /// Optical margin alignment (justified lines only): the style's table of how far
  /// punctuation at a line's edges hangs into the margins. Null or empty: none.
  const style::Protrusion* protrusion = nullptr;
  /// Widths and hyphenations kept across the book's paragraphs; null: none kept. The output
  /// is the same either way (only exact results are reused).
  ShapingCache* cache = nullptr;
  /// false: only where the lines break is wanted (the EPUB's page list): lines come without
  /// runs and `right`, and hyphenated fragments are measured from the cache, not reshaped.
  /// The breaks (and overfull flags) are the same as with glyphs.
  bool glyphs = true;
  /// TeX's \looseness: set the paragraph this many lines longer (> 0) or shorter (< 0) than
  /// its best breaking, within the tolerance and with no word space over 0.5 em
  /// (break_lines_loose); no lines at all when it cannot be. 0: the best breaking.
  int looseness = 0;
  /// With looseness: how many lines the best breaking has, when the caller knows (the page
  /// make-up's recipe does), so that it is not broken again to learn it. 0: not known.
  int usual_lines = 0;
};

/// One set line: runs positioned from the line's left edge at x = 0, baseline y = 0.
struct SetLine {
  std::vector<GlyphRun> runs;
  double natural = 0;  ///< natural width of the content
  double right = 0;    ///< where the content ends, as set (the break space excluded)
  double ratio = 0;    ///< adjustment ratio applied to the spaces
  double badness = 0;  ///< the breaker's badness for the line (TeX's, 0–10000)
  /// How far the line's first glyph hangs left of the measure and its last glyph right of it
  /// (optical margin alignment; 0 without).
  double hang_left = 0;
  double hang_right = 0;
  bool hyphenated = false;
  bool overfull = false;
  std::vector<int> notes;  ///< note numbers referenced on this line
  std::size_t start = 0;   ///< byte offset in the paragraph's text where the line begins
};

struct SetParagraph {
  std::vector<SetLine> lines;
  int pass = 0;            ///< Knuth–Plass pass that succeeded (1–4)
  double demerits = 0;     ///< the breaking's total demerits
  int missing_glyphs = 0;  ///< characters the fonts could not show
};

/// Sets `text` into lines of `settings.measure`. Never returns an overfull line unless a
/// single character is wider than the measure.
SetParagraph set_paragraph(const FontContext& fonts, FontTable& table, const StyledText& text,
                           const ParagraphSettings& settings);

}  // namespace folio::typeset
