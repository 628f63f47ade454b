// The print edition of a build, typeset once: its pages for the PDF, its page starts for the EPUB.
#pragma once

#include <future>
#include <optional>

#include "model/document.hpp"
#include "model/page_map.hpp"
#include "pdf/pdf_writer.hpp"
#include "support/diagnostic.hpp"

namespace folio::publish {

/// Typesets the print edition now or on a thread of its own (while the EPUB is put
/// together), with the pages drawn for the PDF as they are finished.
class PrintRun {
 public:
  /// `options`: the PDF's; with `page_map_only` the pages are set for their starts alone.
  PrintRun(const model::Document& doc, pdf::PdfOptions options);
  PrintRun(const PrintRun&) = delete;
  PrintRun& operator=(const PrintRun&) = delete;

  /// Typesets on the calling thread.
  void typeset();
  /// Typesets on a thread of its own (or, when none can start, when first awaited).
  void typeset_beside();
  /// Waits for typeset_beside's work, once; nothing when there is none.
  void await();

  /// The typeset pages; null when the print edition could not be typeset (or not yet).
  const typeset::PagedDocument* paged() const { return done_ ? &done_->paged : nullptr; }
  /// The page starts for the EPUB's page list; empty without pages.
  model::PageMap page_map() const { return done_ ? done_->paged.page_map : model::PageMap{}; }
  /// The drawing typeset() started, for pdf::write_typeset_pdf to finish.
  pdf::PdfPageDrawer* drawing() const { return done_ ? done_->drawing.get() : nullptr; }
  /// What the typesetter reported (the PDF's problems; with only the EPUB, not reported).
  support::Diagnostics& diagnostics() { return diags_; }
  double seconds() const { return seconds_; }

 private:
  const model::Document& doc_;
  pdf::PdfOptions options_;
  std::optional<pdf::TypesetPdf> done_;
  support::Diagnostics diags_;
  double seconds_ = 0;
  std::future<void> beside_;
};

}  // namespace folio::publish
