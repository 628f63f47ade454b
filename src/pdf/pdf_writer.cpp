// Placeholder until the typesetter and PDF writer land (issue 4): says so plainly.
#include "pdf/pdf_writer.hpp"

namespace folio::pdf {

bool write_pdf(const model::Document&, const PdfOptions& options, support::Diagnostics& diags) {
  diags.error("not-implemented", {options.output.filename().string(), 0, 0},
              "the PDF writer is not implemented yet");
  return false;
}

}  // namespace folio::pdf
