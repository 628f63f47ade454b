// Vulgar fractions the face lacks, built from its own figures with the OpenType frac feature.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "typeset/font_context.hpp"
#include "typeset/paragraph.hpp"
#include "typeset/styled_text.hpp"

namespace folio::typeset {

/// A precomposed fraction (⅓) written out as numerator, U+2044 FRACTION SLASH, denominator.
struct BuiltFraction {
  std::size_t start = 0;  ///< its bytes [start, end) in the rewritten text
  std::size_t end = 0;
  std::string original;  ///< the character as written ("⅓"), for the text layer
};

/// A paragraph's text with its fractions rewritten for shaping.
struct FractionPlan {
  StyledText text;
  std::vector<BuiltFraction> fractions;  ///< in text order
  /// Offset in `text` → offset in the paragraph as written (line starts are given back in it).
  std::size_t original_offset(std::size_t at) const;
};

/// "1⁄3" for ⅓: the compatibility decomposition of a vulgar fraction (¼ … ⅞, ⅐ ⅑ ⅒, ↉), or
/// empty for any other character (⅟, which has no denominator, included).
std::string fraction_spelled_out(char32_t c);

/// The plan for `text` set with `s`: every vulgar fraction whose font (the face, or the code
/// face, in the variant its spans ask for) has no glyph of its own but has the figures, the
/// fraction slash and either `frac` (or `numr` and `dnom`) or `sups` and `sinf` becomes
/// numerator ⁄ denominator, with a span asking for those features. A fraction the face has
/// (½ in EB Garamond) stays as written. nullopt when nothing is rewritten.
std::optional<FractionPlan> plan_fractions(const FontContext& fonts, const StyledText& text,
                                           const ParagraphSettings& s);

/// Gives `p`, set from `plan.text`, back the paragraph's own text: each built fraction's
/// glyphs become one cluster whose text is the character as written (Cairo then writes it as
/// /ActualText, so the PDF's text is "⅓", as the EPUB's), and line starts are offsets in the
/// text as written.
void restore_fraction_text(SetParagraph& p, const FractionPlan& plan);

}  // namespace folio::typeset
