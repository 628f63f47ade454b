// The printers' preflight on the typeset pages: colour pictures, art near the trim, page count.
#include "pdf/print_preflight.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <string>

namespace folio::pdf {
namespace {

// Whether a raster's pixels carry colour: a PNG's IHDR colour type (2 RGB, 3 palette,
// 6 RGB with alpha) or a JPEG's frame header with three components (YCbCr) or four (CMYK is
// colour too, but the grey interior converts only RGB: it is reported the same).
bool colour_raster(const image::Picture& pic) {
  const std::string& b = pic.bytes;
  if (pic.format == image::Format::png)
    return b.size() > 25 && (b[25] == 2 || b[25] == 3 || b[25] == 6);
  if (pic.format != image::Format::jpeg) return false;
  for (std::size_t i = 2; i + 9 < b.size();) {
    if (static_cast<unsigned char>(b[i]) != 0xFF) return false;
    unsigned char marker = static_cast<unsigned char>(b[i + 1]);
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
      return static_cast<unsigned char>(b[i + 9]) >= 3;
    std::size_t len =
        (static_cast<unsigned char>(b[i + 2]) << 8) | static_cast<unsigned char>(b[i + 3]);
    i += 2 + len;
  }
  return false;
}

}  // namespace

int check_print_preflight(const model::Document& doc, const typeset::PagedDocument& paged,
                          style::Printer printer, support::Diagnostics& diags) {
  if (printer == style::Printer::screen) return 0;
  const style::PrintProfile& profile = style::print_profile(printer);
  int reported = 0;
  double clearance = profile.interior_art_clearance * 72;
  for (std::size_t n = 0; n < paged.pages.size(); ++n) {
    for (const typeset::PageBlock& block : paged.pages[n].blocks) {
      if (!block.picture || !block.picture->picture) continue;
      const typeset::PagePicture& p = *block.picture;
      if (profile.pdf_x1a && !p.picture->vector() && colour_raster(*p.picture)) {
        diags.report({support::Severity::note,
                      "print-rgb-image",
                      fmt::format("this picture is in colour; the {} interior is PDF/X-1a in "
                                  "grey, so it is printed in grey",
                                  profile.name),
                      p.source,
                      {},
                      "convert it to greyscale yourself to judge its contrast before printing"});
        ++reported;
      }
      double nearest =
          std::min({p.x, p.y, paged.width - (p.x + p.width), paged.height - (p.y + p.height)});
      if (clearance > 0 && nearest + 1e-6 < clearance) {
        diags.warning("print-art-margin", p.source,
                      fmt::format("on page {} this picture comes {:.2f} in from the trim; {} "
                                  "keeps rules and art at least {:.2g} in inside it",
                                  paged.pages[n].label, std::max(0.0, nearest) / 72, profile.name,
                                  profile.interior_art_clearance),
                      "make it smaller, or widen the page margins in the style");
        ++reported;
      }
    }
  }
  if (paged.pages.size() < profile.min_pages) {
    diags.warning("print-few-pages", doc.metadata.title.source,
                  fmt::format("the book has {} pages; {} binds a paperback of at least {}",
                              paged.pages.size(), profile.name, profile.min_pages));
    ++reported;
  }
  return reported;
}

}  // namespace folio::pdf
