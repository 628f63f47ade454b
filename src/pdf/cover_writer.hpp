// The print edition's cover file: OUTDIR/<slug>-cover.pdf for a printer, from the typeset book.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "facts/edition_facts.hpp"
#include "model/document.hpp"
#include "pdf/pdf_writer.hpp"
#include "style/print_profile.hpp"
#include "support/diagnostic.hpp"
#include "typeset/paged_document.hpp"

namespace folio::pdf {

struct CoverOptions {
  std::filesystem::path output;  ///< the .pdf (or, with `proof`, the .png) to write
  style::Printer printer = style::Printer::screen;
  style::Paper paper = style::Paper::white;
  bool crop_marks = false;
  /// A proof PNG with the guides drawn (`folio preview --cover`) instead of the PDF.
  bool proof = false;
  double proof_dpi = 72;
  const facts::EditionFacts* facts = nullptr;  ///< required: the date, language and style
  /// As PdfOptions::staged: written under a temporary name stored here, not renamed.
  std::filesystem::path* staged = nullptr;
  /// The output intent of an IngramSpark (PDF/X-1a) cover, as PdfOptions's.
  std::filesystem::path output_intent_profile = kOutputIntentProfile;
};

/// Writes the full-wrap cover for `paged` (its trim size and final page count) of `doc`:
/// the front is book.yaml's `cover-image:` (a PNG or JPEG) full-bleed, or the generated design; the
/// back holds `description:`; the spine its title and authors when thick enough.
/// False after reporting an error (code `cover-*`).
bool write_cover(const model::Document& doc, const typeset::PagedDocument& paged,
                 const CoverOptions& options, support::Diagnostics& diags);

}  // namespace folio::pdf
