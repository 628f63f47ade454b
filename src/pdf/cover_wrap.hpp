// The paperback's full-wrap cover: back copy, spine and front on one sheet, as a PDF or a proof.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "cover/front_design.hpp"
#include "pdf/cover_geometry.hpp"
#include "pdf/pdfx_identity.hpp"
#include "pdf/print_flatten.hpp"

namespace folio::pdf {

/// What the wrap shows.
struct CoverContent {
  cover::CoverText text;    ///< title, subtitle, authors, language
  cover::CoverFonts fonts;  ///< the style's faces (cover::fonts_of)
  std::string description;  ///< the back's copy (book.yaml `description:`); empty: none
  std::string body_family;  ///< the face the back's copy is set in
  /// The author's front (book.yaml `cover-image:`, a PNG), placed full-bleed; empty: the
  /// generated front design.
  std::filesystem::path front_image;
};

struct CoverPdfOptions {
  bool crop_marks = false;  ///< trim and fold marks in a slug around the sheet
  std::string date;         ///< the Info dates, "D:…Z" (facts::pdf_date)
  std::string producer = "folio";
  std::string title;
  PrintColour colour = PrintColour::as_drawn;  ///< KDP flat; IngramSpark CMYK
  std::optional<OutputIntent> pdfx;            ///< set: a PDF/X-1a:2001 cover
};

/// The wrap as PDF bytes (TrimBox, BleedBox; deterministic), or "" with `error` set.
std::string cover_pdf(const CoverGeometry& geometry, const CoverContent& content,
                      const CoverPdfOptions& options, std::string& error);

/// A proof of the wrap at `dpi` as PNG bytes, with the guides a designer checks drawn over it:
/// the trim (blue), the spine folds (magenta), the safe areas (green, dashed) and the barcode
/// area (red). "" with `error` set.
std::string cover_proof_png(const CoverGeometry& geometry, const CoverContent& content, double dpi,
                            std::string& error);

}  // namespace folio::pdf
