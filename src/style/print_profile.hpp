// The printers folio writes for (screen, KDP, IngramSpark): each one's rules as data, with sources.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace folio::style {

/// Who the print PDF is for (`folio build --for`, `print: for:`).
enum class Printer { screen, kdp, ingramspark };

/// The interior paper (`print: paper:`); it decides how thick the book is.
enum class Paper { white, cream };

/// One printer's rules. Every figure is in inches (printers publish them so) and comes from
/// the table in print_profile.cpp, where each names its source.
struct PrintProfile {
  Printer printer;
  std::string_view name;  ///< as written after --for
  // The interior PDF.
  bool outline;      ///< bookmarks (KDP: "no bookmarks")
  bool annotations;  ///< links (KDP: "no annotations")
  bool pdf_x1a;      ///< PDF/X-1a:2001: grey/CMYK only, an output intent, no transparency
  double bleed;      ///< on the outside, top and bottom of the interior and around the cover
  std::size_t min_pages;
  double interior_art_clearance;  ///< rules and art at least this far inside the trim
  // The cover wrap.
  double spine_per_page_white;
  double spine_per_page_cream;
  std::size_t spine_text_min_pages;      ///< thinner books carry no spine text
  double spine_clearance;                ///< spine text kept this far from each fold
  double cover_safe;                     ///< cover text kept this far inside the trim
  double barcode_width, barcode_height;  ///< the area kept free on the back (lower right)
  double barcode_margin;                 ///< from the back's trim edges to that area
};

/// The profile for `printer`.
const PrintProfile& print_profile(Printer printer);

/// The profile named `name` ("screen", "kdp", "ingramspark"), or nullopt.
std::optional<Printer> printer_named(std::string_view name);
std::optional<Paper> paper_named(std::string_view name);

/// "screen, kdp, ingramspark": for messages and docs.
std::string printer_names();

/// The spine's width in inches for a book of `pages` pages on `paper`.
double spine_width(const PrintProfile& profile, Paper paper, std::size_t pages);

}  // namespace folio::style
