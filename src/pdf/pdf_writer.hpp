// The print PDF's entry point: document model → typeset pages → OUTDIR/<slug>.pdf.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "facts/edition_facts.hpp"
#include "model/document.hpp"
#include "pdf/page_drawer.hpp"
#include "style/print_profile.hpp"
#include "support/diagnostic.hpp"
#include "typeset/paged_document.hpp"

namespace folio::pdf {

/// The bleed `--bleed` asks for: 0.125 in, the printers' usual, in points.
inline constexpr double kStandardBleed = 9.0;

/// The output intent of a PDF/X-1a interior: Ghostscript's CMYK output profile ("Artifex
/// CMYK SWOP Profile", Debian's libgs-common; scripts/deps.sh). IngramSpark names no
/// profile; SWOP is the US web-offset condition its presses print to.
inline constexpr const char* kOutputIntentProfile =
    "/usr/share/color/icc/ghostscript/default_cmyk.icc";

struct PdfOptions {
  std::filesystem::path output;  ///< the .pdf file to write (atomically)
  /// A style name or a path to a .yaml file; empty: book.yaml's `style:`, else "classic".
  std::string style;
  /// Where style names are looked up, after the manuscript's own styles/ folder.
  std::vector<std::filesystem::path> style_dirs;
  double bleed = 0;         ///< points added on the outside, top and bottom (0.125 in = 9)
  bool crop_marks = false;  ///< trim marks in a slug around the page
  bool navigation = true;   ///< outline and links (false for a KDP interior: "no bookmarks")
  /// Who the PDF is for: its profile decides the colours (KDP: flat; IngramSpark: grey,
  /// PDF/X-1a:2001 with `output_intent_profile`).
  style::Printer printer = style::Printer::screen;
  std::filesystem::path output_intent_profile = kOutputIntentProfile;
  bool front_matter = true;  ///< half-title, title and copyright pages from the metadata
  /// The SOURCE_DATE_EPOCH to honour (without `facts`); unset: the environment variable's.
  /// Without one the PDF's dates are the newest manuscript file's time, as the EPUB's: never
  /// the clock, never book.yaml's `date:` (the publication date is not the file's).
  std::optional<std::string> source_date_epoch;
  std::string creator = "folio";
  /// Threads for typesetting and the post-pass: 0 one per core, 1 the calling thread only.
  unsigned threads = 0;
  /// typeset_for_print only: lines and pages without glyph runs, for the EPUB's page list
  /// (the same pages and page map, a third less work). Such pages cannot be drawn.
  bool page_map_only = false;
  /// When set: the PDF is written and flushed under a temporary name beside `output`, which
  /// is stored here, and not renamed; the caller commits it (support::commit_temporaries)
  /// once every output of the build is ready, or discards it.
  std::filesystem::path* staged = nullptr;
  /// typeset_and_draw: free each page's glyphs once it is drawn (PdfPageDrawer::
  /// release_glyphs_when_drawn); the returned pages then cannot be drawn again.
  bool release_drawn_glyphs = false;
  /// What both editions share (build time, identifier, style, labels, copyright lines), as
  /// `folio build` decided it once for both; when null, the writer decides them from
  /// `style`, `style_dirs` and `source_date_epoch` by the same rules (facts::edition_facts).
  const facts::EditionFacts* facts = nullptr;
};

/// write_pdf's first half: resolves the style and typesets the book into pages (for
/// `folio preview`, which paints them with draw_page from pdf/cairo_render.hpp). nullopt
/// after reporting an error.
std::optional<typeset::PagedDocument> typeset_for_print(const model::Document& doc,
                                                        const PdfOptions& options,
                                                        support::Diagnostics& diags);

/// Pages typeset with the PDF drawn alongside, as each page was finished.
struct TypesetPdf {
  typeset::PagedDocument paged;
  std::unique_ptr<PdfPageDrawer> drawing;  ///< after `paged`: stops before the pages go
};

/// typeset_for_print, with the pages drawn on another thread (unless options.threads is 1)
/// while the rest is set, for write_typeset_pdf to finish. No drawing with page_map_only.
std::optional<TypesetPdf> typeset_and_draw(const model::Document& doc, const PdfOptions& options,
                                           support::Diagnostics& diags);

/// write_pdf's second half: renders pages typeset_for_print made from `doc` (or finishes
/// `drawn`, typeset_and_draw's drawing of them: the same bytes) and writes the PDF, so that
/// `folio build` can hand the same pages' page map to the EPUB writer.
bool write_typeset_pdf(const model::Document& doc, const typeset::PagedDocument& paged,
                       const PdfOptions& options, support::Diagnostics& diags,
                       PdfPageDrawer* drawn = nullptr);

/// Typesets `doc` and writes the PDF. Returns false after reporting an error.
bool write_pdf(const model::Document& doc, const PdfOptions& options, support::Diagnostics& diags);

}  // namespace folio::pdf
