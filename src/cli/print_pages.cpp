// The bridge from preview to the PDF stage. Waiting on the PDF stage to expose page drawing.
//
// src/pdf draws pages only inside render_pdf (onto a PDF surface), and resolves the style
// inside write_pdf. Preview must paint the very same pages onto an image surface, so it
// needs, from src/pdf (names as proposed to the PDF engineer):
//
//   /// write_pdf's first half: resolve the style, typeset. nullopt after an error.
//   std::optional<typeset::PagedDocument> typeset_for_print(const model::Document&,
//       const PdfOptions&, support::Diagnostics&);
//   /// render_pdf's page body, without tags: trim top-left at the origin, in points.
//   void draw_page(cairo_t*, const typeset::PagedDocument&, std::size_t index);
//
// With those, this file becomes a PrintPages holding the PagedDocument (count = pages.size(),
// width/height, pages[i].recto and .label, draw = draw_page). Until then preview says so
// rather than drawing pages with a second, drifting copy of the PDF painter.
#include "cli/print_pages.hpp"

namespace folio::cli {

std::unique_ptr<PrintPages> typeset_print_pages(const model::Document&,
                                                const pdf::PdfOptions& options,
                                                support::Diagnostics& diags) {
  diags.error("preview-unavailable", {options.output.filename().string(), 0, 0},
              "preview needs the typesetter: the PDF stage does not yet expose a function "
              "that draws a typeset page onto a Cairo surface");
  return nullptr;
}

}  // namespace folio::cli
