// Facts every generated document of one EPUB shares, and the files that make up the package.
#pragma once

#include <string>
#include <vector>

#include "cover/cover_fonts.hpp"
#include "epub/identifier.hpp"
#include "epub/labels.hpp"
#include "facts/edition_facts.hpp"
#include "model/document.hpp"

namespace folio::epub {

/// The book as the package, navigation and generated pages see it.
struct BookInfo {
  const model::Metadata& meta;
  BookIdentifier identifier;
  std::string lang;      ///< BCP 47; "und" when book.yaml gives none
  std::string modified;  ///< dcterms:modified, e.g. "2024-05-01T12:00:00Z"
  const GeneratedLabels& labels;
  /// The copyright page's lines (EditionFacts::copyright), the same as the PDF's.
  std::vector<facts::CopyrightLine> copyright;
};

/// One file of the publication, under the package folder (EPUB/).
struct ManifestItem {
  std::string id;          ///< manifest id (an XML name)
  std::string href;        ///< relative to the package document, e.g. "text/001-preface.xhtml"
  std::string media_type;  ///< e.g. "application/xhtml+xml"
  std::string properties;  ///< manifest properties: "nav", "cover-image", …
  bool in_spine = false;   ///< a content document in reading order
  std::string bytes;
};

/// An entry of the table of contents; hrefs are relative to the package document.
struct NavPoint {
  std::string label;
  std::string href;
  std::vector<NavPoint> children;
};

/// A landmark: an epub:type ("cover", "titlepage", "toc", "bodymatter"), its label and href.
struct Landmark {
  std::string type;
  std::string label;
  std::string href;
};

/// The authors as one line (the covers' join: commas; "and" is language-specific).
using cover::authors_line;

}  // namespace folio::epub
