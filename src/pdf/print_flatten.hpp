// The printers' pass over Cairo's PDF: no transparency (KDP, PDF/X-1a) and grey content (X-1a).
#pragma once

#include <qpdf/QPDF.hh>

namespace folio::pdf {

/// What a printer needs done to the colours of a finished PDF.
enum class PrintColour {
  as_drawn,  ///< the screen PDF: Cairo's RGB and its transparency groups, untouched
  flat,      ///< KDP: RGB kept; no page transparency groups, soft masks laid over white paper
  grey,      ///< PDF/X-1a interior: `flat`, and every colour and image in DeviceGray (pure K)
  cmyk,      ///< PDF/X-1a cover: `flat`, and every colour and image in DeviceCMYK (black: K)
};

/// Rewrites every page's content, form, pattern, Type 3 glyph, image and shading reachable
/// from `pdf`'s pages for `colour`. An image's soft mask is composited over white (the paper
/// it is printed on) and dropped. Throws std::runtime_error naming what cannot be made so
/// (constant alpha below 1, an RGB colour space it does not know): nothing half-converted
/// is written, since the caller writes nothing when this throws.
void apply_print_colour(QPDF& pdf, PrintColour colour);

}  // namespace folio::pdf
