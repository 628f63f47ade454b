// KDP's margin table against the style's margins; a warning, since other printers differ.
#include "pdf/printer_rules.hpp"

#include <fmt/format.h>

namespace folio::pdf {

double kdp_min_inside(std::size_t pages) {
  double inches = pages <= 150   ? 0.375
                  : pages <= 300 ? 0.5
                  : pages <= 500 ? 0.625
                  : pages <= 700 ? 0.75
                                 : 0.875;
  return inches * 72;
}

double kdp_min_outside(bool bleed) {
  return (bleed ? 0.375 : 0.25) * 72;
}

int check_printer_rules(const style::Page& page, std::size_t pages, bool bleed,
                        const support::SourcePos& where, support::Diagnostics& diags) {
  int warned = 0;
  // A hair of tolerance: 0.375 in written as 27pt or 9.525mm must not trip on rounding.
  constexpr double kSlack = 1e-6;
  double inside = kdp_min_inside(pages);
  if (page.inside + kSlack < inside) {
    diags.warning("printer-margin", where,
                  fmt::format("the inside margin is {:.3g} in, below KDP's {:.3g} in minimum for "
                              "a {}-page book",
                              page.inside / 72, inside / 72, pages));
    ++warned;
  }
  double outer = kdp_min_outside(bleed);
  const struct {
    const char* name;
    double value;
  } edges[] = {{"outside", page.outside}, {"top", page.top}, {"bottom", page.bottom}};
  for (const auto& e : edges) {
    if (e.value + kSlack >= outer) continue;
    diags.warning("printer-margin", where,
                  fmt::format("the {} margin is {:.3g} in, below KDP's {:.3g} in minimum{}", e.name,
                              e.value / 72, outer / 72, bleed ? " with bleed" : " without bleed"));
    ++warned;
  }
  return warned;
}

}  // namespace folio::pdf
