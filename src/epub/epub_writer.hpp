// The EPUB 3 writer's entry point: document model → OUTDIR/<slug>.epub.
#pragma once

#include <filesystem>

#include "model/document.hpp"
#include "support/diagnostic.hpp"

namespace folio::epub {

struct EpubOptions {
  std::filesystem::path output;  ///< the .epub file to write (atomically)
};

/// Writes `doc` as an EPUB 3 publication. Returns false after reporting an error.
bool write_epub(const model::Document& doc, const EpubOptions& options,
                support::Diagnostics& diags);

}  // namespace folio::epub
