// Sets a whole book: front matter from the metadata, sections, pagination, running heads.
#pragma once

#include "facts/edition_facts.hpp"
#include "model/document.hpp"
#include "style/style.hpp"
#include "support/diagnostic.hpp"
#include "typeset/paged_document.hpp"

namespace folio::typeset {

class PageSink;

/// How the work was shared out (for tests and measurements; the pages never depend on it).
struct LayoutStats {
  int sections_on_workers = 0;  ///< sections whose flow a worker thread set
  int sections_set_again = 0;   ///< of those, set again here: a font could not be matched
};

struct LayoutOptions {
  bool front_matter = true;  ///< half-title, title page, copyright page (and contents)
  std::string creator = "folio";
  /// What both editions share: the contents heading and the copyright page's lines come
  /// from here. Null: facts::metadata_facts of the book's metadata.
  const facts::EditionFacts* facts = nullptr;
  /// Threads setting sections' paragraphs, this one included: 0 = one per hardware thread,
  /// 1 = all on the calling thread. The result is the same for any number.
  int threads = 0;
  LayoutStats* stats = nullptr;  ///< filled in when given
  /// false (tests): while any worker runs, the calling thread waits for sections rather than
  /// setting them, so that the workers' path is surely taken. Output is the same either way.
  bool calling_thread_sets = true;
  /// false: pages, labels, outline, page_map and diagnostics only (what the EPUB's page list
  /// needs), identical to a full layout's, but no glyph runs (and an empty font table).
  bool glyphs = true;
  /// Given (and with glyphs), receives each page as it is finished, so that it can be drawn
  /// while the rest is set (page_sink.hpp). The pages are the same with or without one.
  PageSink* sink = nullptr;
};

/// Typesets `doc` in `style`. Problems (a font that cannot be found, glyphs the fonts lack,
/// an overfull line) are reported to `diags`; the result is still a complete document.
PagedDocument layout_book(const model::Document& doc, const style::Style& style,
                          const LayoutOptions& options, support::Diagnostics& diags);

}  // namespace folio::typeset
