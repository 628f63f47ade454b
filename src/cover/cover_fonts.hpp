// The faces a book's covers are set in, chosen from its style (EPUB cover and print wrap alike).
#pragma once

#include "cover/front_design.hpp"
#include "style/style.hpp"

namespace folio::cover {

/// The title in the chapter heading's face; subtitle (italic) and authors (small capitals)
/// in the body face.
CoverFonts fonts_of(const style::Style& style);

}  // namespace folio::cover
