// The text Cairo is given for each glyph cluster, chosen so that it writes no /ActualText.
#pragma once

#include <cairo.h>

#include <string>
#include <string_view>

namespace folio::pdf {

/// Cairo 1.16 writes a cluster's text in the font's ToUnicode map when it is one character
/// for one glyph. Any other cluster goes inside "/Span <</ActualText …>> BDC … EMC": one
/// without a glyph (a word joiner before a dash) as an empty span, and a ligature's glyph
/// (the text "fl") whenever the font's cmap gives that glyph a character of its own (U+FB02),
/// since Cairo maps the glyph to that character first. Such a span nested in a structure
/// element's MCID sequence ends that sequence for poppler (pdfinfo -struct-text, and what is
/// built on it): the element's text after it was lost from the structure tree. A fraction
/// built from several glyphs (⅓ as numerator, slash, denominator) is still written that way,
/// so that its text reads ⅓ (docs/styles.md): its element's text after it is still lost to
/// poppler's structure reading.
///
/// Returns the text to give Cairo for cluster `text` drawn with `glyphs` glyphs, the first
/// `glyph`, in `font`: empty for a cluster without a glyph whose characters have no ink
/// (format characters: they read as nothing anyway), the presentation form for a ligature
/// the font encodes as one (U+FB00–U+FB06; it reads as `text` in NFKC, as search and copy
/// take it), else `text` itself.
std::string cluster_text(std::string_view text, int glyphs, unsigned long glyph,
                         cairo_scaled_font_t* font);

}  // namespace folio::pdf
