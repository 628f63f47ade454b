// The families of checks that check_manuscript runs, one source file each.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "check/line_index.hpp"
#include "check/prose.hpp"
#include "manuscript/reader.hpp"
#include "support/diagnostic.hpp"

namespace folio::check {

/// A Markdown source with its prose mapped and its lines indexed, built once per check run.
struct ProseSource {
  const manuscript::SourceFile* file;
  LineIndex lines;
  ProseMap prose;
};

/// Maps the prose of every Markdown source of `m` (code blocks taken from the model).
std::vector<ProseSource> map_sources(const manuscript::Manuscript& m);

/// book.yaml: required keys, lang, identifier, date, unknown keys.
void check_metadata(const manuscript::Manuscript& m, support::Diagnostics& diags);

/// The folder and the bytes of each file: files left out of contents, BOMs, line endings.
void check_files(const manuscript::Manuscript& m, support::Diagnostics& diags);

/// Sections, headings, roles, fenced divs, datelines, epigraphs, block quotes.
/// `designed_classes` (null: the built-in designs') are the div classes the style designs.
void check_structure(const manuscript::Manuscript& m, support::Diagnostics& diags,
                     const std::set<std::string>* designed_classes = nullptr);

/// Footnotes (from the sources), ids and the links that point at them.
void check_references(const manuscript::Manuscript& m, const std::vector<ProseSource>& sources,
                      support::Diagnostics& diags);

/// Images and the cover: present, inside the folder, a supported format, with alt text.
void check_images(const manuscript::Manuscript& m, support::Diagnostics& diags);

/// Typography in prose; `lang` (book.yaml's) relaxes the French spacing rules.
void check_typography(const ProseSource& source, const std::string& lang,
                      support::Diagnostics& diags);

}  // namespace folio::check
