// The EPUB 3 writer's entry point: document model → OUTDIR/<slug>.epub.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "facts/edition_facts.hpp"
#include "model/document.hpp"
#include "model/page_map.hpp"
#include "support/diagnostic.hpp"

namespace folio::epub {

struct EpubOptions {
  std::filesystem::path output;  ///< the .epub file to write (atomically)
  /// The SOURCE_DATE_EPOCH to honour; when unset, write_epub reads the environment variable.
  /// Without one, times come from the newest manuscript file, never the clock.
  std::optional<std::string> source_date_epoch;
  /// A style name or a path to a .yaml file; empty: book.yaml's `style:`, else "classic".
  std::string style;
  /// Where style names are looked up, after the manuscript's own styles/ folder.
  std::vector<std::filesystem::path> style_dirs;
  /// Where the print edition's pages begin (from the PDF typesetter): marked in the text and
  /// listed in a page-list nav. Empty: the EPUB has no print page numbers.
  model::PageMap page_map;
  /// When set, asked once for the page starts in place of `page_map`, after the cover is
  /// started and before the content documents are built: lets a caller typeset the print
  /// edition while the rest of the EPUB is put together. Not asked when the writer stops first.
  std::function<model::PageMap()> page_map_source;
  /// 1: no thread besides the caller's (the generated cover is drawn in turn); else the
  /// cover is drawn on a thread of its own. The EPUB is the same either way.
  unsigned threads = 0;
  /// Asked once, just before the file is written: false leaves any earlier file as it was,
  /// and write_epub returns false without a diagnostic (the caller knows why). Lets a caller
  /// put the EPUB together while it still decides whether it may be written.
  std::function<bool()> may_write;
  /// When set: the EPUB is written and flushed under a temporary name beside `output`, which
  /// is stored here, and not renamed; the caller commits it (support::commit_temporaries)
  /// once every output of the build is ready, or discards it.
  std::filesystem::path* staged = nullptr;
  /// What both editions share (build time, identifier, style, labels, copyright lines), as
  /// `folio build` decided it once for both; when null, the writer decides them from the
  /// `source_date_epoch`, `style` and `style_dirs` by the same rules (facts::edition_facts).
  const facts::EditionFacts* facts = nullptr;
};

/// Writes `doc` as an EPUB 3 publication. Returns false after reporting an error; then any
/// earlier file at `options.output` is left as it was.
bool write_epub(const model::Document& doc, const EpubOptions& options,
                support::Diagnostics& diags);

}  // namespace folio::epub
