// Where everything goes on a full-wrap paperback cover: back, spine and front on one sheet.
#pragma once

#include <cstddef>

#include "style/print_profile.hpp"

namespace folio::pdf {

/// A rectangle in points, from the sheet's top-left corner, y downwards.
struct CoverRect {
  double x = 0, y = 0, width = 0, height = 0;
};

/// The wrap of a book of `pages` pages: panel and sheet sizes in points, from the printer's
/// spine formula and bleed. The sheet is back | spine | front, with the bleed all round.
struct CoverGeometry {
  std::size_t pages = 0;
  double trim_width = 0, trim_height = 0;  ///< one panel (the book's trim size)
  double bleed = 0;
  double spine = 0;                             ///< the spine's width
  double sheet_width = 0, sheet_height = 0;     ///< the whole sheet, bleed included
  CoverRect back, spine_panel, front;           ///< the panels as trimmed and folded
  CoverRect back_safe, spine_safe, front_safe;  ///< where text may go
  CoverRect barcode;                            ///< kept free on the back, lower right
  bool spine_text = false;                      ///< the book is thick enough for spine text
};

/// The geometry for `profile` and `paper`, a book of `pages` pages trimmed to
/// `trim_width` × `trim_height` points.
CoverGeometry cover_geometry(const style::PrintProfile& profile, style::Paper paper,
                             std::size_t pages, double trim_width, double trim_height);

}  // namespace folio::pdf
