// What a reader (EPUB, DOCX) makes of a file: the model's metadata and sections, grouped into
// the Markdown files they will be written to, the images to copy, and the mapping report.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace folio::import {

/// One manuscript file to write: its name (`chapter-1.md`) and the sections it holds.
struct ImportedFile {
  std::string name;
  std::vector<model::Section> sections;
};

/// An image to copy into the new folder, under `name` (`images/map.png`).
struct ImportedImage {
  std::string name;
  std::string bytes;
};

/// Something of the source that has no place in folio's manuscript, and where it was.
struct UnmappedItem {
  std::string where;  ///< `OEBPS/text/chapter-1.xhtml:12:4 html/body/section/dl`
  std::string what;   ///< what was done with it (kept as text, dropped…)
};

/// What became what, for the report printed and written to import-report.md.
struct ImportReport {
  std::string source;                  ///< "EPUB 3.0 (OEBPS/content.opf)"
  std::map<std::string, int> mapped;   ///< "epub:type=chapter → section role chapter" → count
  std::vector<UnmappedItem> unmapped;  ///< in document order
  void count(const std::string& mapping, int n = 1) { mapped[mapping] += n; }
};

struct ImportedBook {
  model::Metadata metadata;  ///< title, authors, lang… (contents: the files' names)
  std::vector<ImportedFile> files;
  std::vector<ImportedImage> images;
  ImportReport report;
};

}  // namespace folio::import
