// Draws a figure's picture into Cairo: rasters as image surfaces (JPEG bytes kept), SVG as vectors.
#pragma once

#include <cairo.h>

#include <string>

#include "typeset/paged_document.hpp"

namespace folio::pdf {

/// Paints `p`'s picture into its box offset by (dx, dy). On failure (data `folio check`
/// would have refused) nothing is drawn and `why` says what went wrong.
bool draw_picture(cairo_t* cr, const typeset::PagePicture& p, double dx, double dy,
                  std::string& why);

}  // namespace folio::pdf
