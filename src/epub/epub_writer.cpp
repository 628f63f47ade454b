// Placeholder until the EPUB writer lands (issue 3): says so plainly.
#include "epub/epub_writer.hpp"

namespace folio::epub {

bool write_epub(const model::Document&, const EpubOptions& options, support::Diagnostics& diags) {
  diags.error("not-implemented", {options.output.filename().string(), 0, 0},
              "the EPUB writer is not implemented yet");
  return false;
}

}  // namespace folio::epub
