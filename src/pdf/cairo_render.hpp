// Draws a PagedDocument onto a Cairo PDF surface: glyph runs, tags, links, outline, labels.
#pragma once

#include <cairo.h>

#include <string>
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
};

/// One page's boxes in PDF user space (origin bottom-left), for the post-pass.
struct PageBoxes {
  double trim[4];  ///< llx lly urx ury
  double bleed[4];
};

struct Rendered {
  std::string pdf;
  std::vector<PageBoxes> boxes;
  std::string error;  ///< non-empty when Cairo failed
};

Rendered render_pdf(const typeset::PagedDocument& doc, const RenderMetadata& meta,
                    const PrintGeometry& geometry);

/// Paints page `index` as the PDF shows it, without tags or links: the trim box's top-left
/// corner at the user-space origin, one unit per point (for previews on any Cairo surface).
void draw_page(cairo_t* cr, const typeset::PagedDocument& doc, std::size_t index);

}  // namespace folio::pdf
