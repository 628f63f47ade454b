// A contact sheet: pages drawn as spreads (verso left, recto right) on one PNG.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "publish/print_pages.hpp"

namespace folio::publish {

/// Where each page of a contact sheet goes, in pixels.
struct SheetSlot {
  std::size_t page = 0;  ///< index into PrintPages
  double x = 0, y = 0;   ///< the page's top-left corner
};

struct SheetLayout {
  int width = 0, height = 0;               ///< the whole image, in pixels
  double scale = 1;                        ///< pixels per point
  double page_width = 0, page_height = 0;  ///< one page, in pixels
  std::vector<SheetSlot> slots;
  int label_height = 0;  ///< room under each page for its label
};

/// Lays out pages [first, last] (0-based, inclusive) as spreads, two spreads to a row. A
/// recto without a verso before it (page 1) sits on the right of its spread, as it would
/// in the bound book; so does a verso without a recto after it on the left.
SheetLayout layout_sheet(const PrintPages& pages, std::size_t first, std::size_t last, double dpi);

/// Draws the sheet and writes it as a PNG, atomically. Returns an error message or "".
std::string write_contact_sheet(const PrintPages& pages, const SheetLayout& layout,
                                const std::filesystem::path& png);

/// The largest sheet written, in pixels: ~100 million (400 MB of memory while drawing).
inline constexpr double kMaxSheetPixels = 100e6;

}  // namespace folio::publish
