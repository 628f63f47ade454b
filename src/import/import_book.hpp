// `folio import`: a DOCX or EPUB in, a new manuscript folder out, written whole or not at all.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "import/imported_book.hpp"
#include "support/diagnostic.hpp"

namespace folio::import {

struct ImportOutcome {
  bool ok = false;
  std::filesystem::path dir;  ///< the folder written
  std::size_t files = 0;      ///< Markdown files written
  std::size_t images = 0;
  std::string report;    ///< import-report.md's text
  bool stopped = false;  ///< `stop_requested` said stop; nothing is left behind
};

/// Reads `input` (an .epub, an unpacked EPUB folder) and writes the manuscript into `out_dir`,
/// which must not exist or be empty. The folder is written beside it under a temporary name
/// and renamed into place when complete, so an error leaves nothing behind. `stop_requested`
/// (when given) is asked after reading and between the files written; when it says stop, the
/// temporary folder is removed and the outcome says `stopped`.
ImportOutcome import_book(const std::filesystem::path& input, const std::filesystem::path& out_dir,
                          support::Diagnostics& diags,
                          const std::function<bool()>& stop_requested = {});

/// The report as Markdown: the source, what became what, and every unmapped item.
std::string report_markdown(const ImportReport& report, const std::string& input,
                            const ImportOutcome& outcome);

}  // namespace folio::import
