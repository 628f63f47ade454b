// KDP's paperback margin rules, checked against a style's page for the book's final page count.
#pragma once

#include <cstddef>
#include <optional>

#include "style/style.hpp"
#include "support/diagnostic.hpp"

namespace folio::pdf {

/// KDP's minimum inside (gutter) margin in points for a book of `pages` pages: 0.375 in up to
/// 150 pages, 0.5 in to 300, 0.625 in to 500, 0.75 in to 700, 0.875 in beyond (KDP's table
/// continues to 828). Below 24 pages KDP prints no paperback; the 24-page figure applies.
double kdp_min_inside(std::size_t pages);

/// KDP's minimum outside (and top and bottom) margin: 0.25 in, 0.375 in with bleed.
double kdp_min_outside(bool bleed);

/// Warns (code `printer-margin`, at `where`, usually the style file) for each margin of `page`
/// below KDP's minimum for `pages` pages, with the numbers; returns how many warnings it gave.
int check_printer_rules(const style::Page& page, std::size_t pages, bool bleed,
                        const support::SourcePos& where, support::Diagnostics& diags);

}  // namespace folio::pdf
