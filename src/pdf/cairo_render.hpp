// Paints typeset pages with Cairo: glyph runs, furniture, structure tags, destinations, links.
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include <string>
#include <utility>
#include <vector>

#include "typeset/paged_document.hpp"

namespace folio::pdf {

struct RenderMetadata {
  std::string title, author, subject, keywords, creator;
  std::string date;  ///< ISO 8601, "1989-07-28T00:00:00Z"
};

/// Print geometry around the trim: bleed on the outside, top and bottom; a slug for marks.
struct PrintGeometry {
  double bleed = 0;
  bool crop_marks = false;
  bool navigation = true;  ///< the outline and the links (a KDP interior has neither)
};

/// One page's boxes in PDF user space (origin bottom-left), for the post-pass.
struct PageBoxes {
  double trim[4];  ///< llx lly urx ury
  double bleed[4];
};

/// In Rendered::order: a page drawn only to prime Cairo's font subsets with the book's prose
/// glyphs (PagedDocument::primer); no page of the book.
inline constexpr std::size_t kPrimerPage = static_cast<std::size_t>(-1);

struct Rendered {
  std::string pdf;
  std::vector<PageBoxes> boxes;  ///< by page index
  /// The page index of each page in `pdf`, in its order; kPrimerPage for the page the fonts
  /// were primed on, which the post-pass drops.
  std::vector<std::size_t> order;
  /// The language of each /Span structure element, in the order they were begun (see
  /// paint_content); the post-pass gives each its /Lang.
  std::vector<std::string> span_langs;
  /// The alt text of each /Figure structure element, in the order they were begun; the
  /// post-pass gives each its /Alt (Cairo 1.16 writes no attributes).
  std::vector<std::string> figure_alts;
  /// Pictures that could not be drawn: where the figure is, and why.
  std::vector<std::pair<support::SourcePos, std::string>> picture_errors;
  std::string error;  ///< non-empty when Cairo failed
};

/// Draws the whole of `doc` as PdfPageDrawer would while it was set (in drawing order).
Rendered render_pdf(const typeset::PagedDocument& doc, const RenderMetadata& meta,
                    const PrintGeometry& geometry);

/// Cairo's scaled font for each of a FontTable's fonts (null where there is none), by index.
using ScaledFonts = std::vector<cairo_scaled_font_t*>;

/// The scaled font of `font`, referenced (release with cairo_scaled_font_destroy), or null.
cairo_scaled_font_t* scaled_font_of(PangoFont* font);

/// Draws glyph runs untagged, at their own positions offset by (dx, dy).
void paint_runs(cairo_t* cr, const std::vector<typeset::GlyphRun>& runs, const ScaledFonts& fonts,
                double dx, double dy);

/// Adds `doc`'s outline (bookmarks) to a PDF surface.
void add_outline(cairo_surface_t* surface, const typeset::PagedDocument& doc);

/// Paints `page`'s running heads, folios and rules (untagged: the post-pass marks them as
/// artifacts; their clusters' text is cluster_text's, as in paint_content), its trim corner
/// at (dx, dy).
void paint_furniture(cairo_t* cr, const typeset::Page& page, const ScaledFonts& fonts, double dx,
                     double dy);

/// Paints `page`'s blocks, each inside its structure tags (`tagged`) with its destination, and
/// its link areas, its trim corner at (dx, dy). Tagged, the runs of a language other than the
/// book's (GlyphRun::lang) go into a /Span each (consecutive runs of one language together),
/// whose languages are appended to `span_langs`: Cairo 1.16 writes no attributes on
/// structure elements, so the post-pass adds the /Lang. The rest of such a block's runs go
/// into /Spans too, with an empty language (Cairo marks only elements without children). Tagged,
/// each cluster's text is cluster_text's (no /ActualText spans: a word joiner without a glyph is
/// left out, a ligature the font encodes reads as its presentation form). A figure's picture is
/// drawn inside its /Figure element, whose alt text is appended to `out->figure_alts` (and a
/// picture that cannot be drawn to `out->picture_errors`) when `out` is given. The page's links
/// only when `links`.
void paint_content(cairo_t* cr, const typeset::Page& page, const ScaledFonts& fonts, double dx,
                   double dy, bool tagged, std::vector<std::string>* span_langs = nullptr,
                   Rendered* out = nullptr, bool links = true);

/// Paints page `index` as the PDF shows it, without tags or links: the trim box's top-left
/// corner at the user-space origin, one unit per point (for previews on any Cairo surface).
void draw_page(cairo_t* cr, const typeset::PagedDocument& doc, std::size_t index);

}  // namespace folio::pdf
