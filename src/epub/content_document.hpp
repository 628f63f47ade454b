// One book section → one XHTML content document (semantic, accessible, with its footnotes).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "epub/labels.hpp"
#include "model/document.hpp"
#include "model/page_map.hpp"
#include "support/diagnostic.hpp"

namespace folio::epub {

/// Where link targets live across the content documents (all of them sit in one folder).
struct ContentLinks {
  std::map<std::string, std::string> file_of_id;  ///< author-given id → content file name
  std::map<int, std::string> file_of_note;        ///< footnote number → content file name
  std::map<std::string, std::string> image_href;  ///< image path as written → href from text/
};

/// Indexes the author-given ids and the footnotes of `doc`, whose sections are written to
/// `files` (one name per section, in order). The first use of an id wins.
ContentLinks index_links(const model::Document& doc, const std::vector<std::string>& files);

/// A heading the navigation document lists.
struct TocHeading {
  int level = 1;
  std::string id;     ///< its id in the content document
  std::string label;  ///< its plain text
};

/// A rendered content document.
struct ContentDocument {
  std::string file;   ///< e.g. "001-preface.xhtml"
  std::string title;  ///< the section heading's text (the book title when there is none)
  std::string xhtml;
  std::vector<TocHeading> headings;  ///< levels 1 and 2, in order
  /// Print page breaks marked in this document: (page label, id of the marker), in order.
  std::vector<std::pair<std::string, std::string>> page_breaks;
};

/// What a section needs to know about the book it belongs to.
struct SectionContext {
  std::string_view book_title;
  std::string_view book_lang;
  std::string_view stylesheet_href;  ///< relative to the content document
  const GeneratedLabels& labels;
  const ContentLinks& links;
  /// The print edition's page starts that fall in this section (empty: no page breaks).
  std::vector<model::PageStart> page_starts{};
};

/// Renders `section` as the content document `file`. Links that lead nowhere are written as
/// their text, with a warning.
ContentDocument render_section(const model::Section& section, const std::string& file,
                               const SectionContext& ctx, support::Diagnostics& diags);

}  // namespace folio::epub
