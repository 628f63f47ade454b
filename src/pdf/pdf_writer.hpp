// The print PDF's entry point: document model → typeset pages → OUTDIR/<slug>.pdf.
#pragma once

#include <filesystem>

#include "model/document.hpp"
#include "support/diagnostic.hpp"

namespace folio::pdf {

struct PdfOptions {
  std::filesystem::path output;  ///< the .pdf file to write (atomically)
};

/// Typesets `doc` and writes the PDF. Returns false after reporting an error.
bool write_pdf(const model::Document& doc, const PdfOptions& options, support::Diagnostics& diags);

}  // namespace folio::pdf
