// Reading a manuscript folder into the model, and the checks `folio check` runs on it.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "manuscript/reader.hpp"
#include "style/print_profile.hpp"
#include "support/diagnostic.hpp"

namespace folio::publish {

/// Opens and reads `dir`; nullopt (diagnostics in `diags`) when no model could be built.
std::optional<manuscript::Manuscript> load_manuscript(const std::filesystem::path& dir,
                                                      support::Diagnostics& diags);

/// What `folio check` runs: reads `dir`, runs every check on the model when reading
/// succeeded (one root cause, one diagnostic), and, when they pass, typesets the print
/// edition without drawing it (`print_check`), so that what only setting the book can find —
/// the style and its fonts, a character no face has, the printer's margin rules — is
/// reported exactly as `folio build` would. `checked` says whether the checks ran.
std::optional<manuscript::Manuscript> load_and_check(const std::filesystem::path& dir,
                                                     support::Diagnostics& diags, bool& checked,
                                                     bool print_check = true);

/// The div classes the book's style designs (`style`: a --style name or path; empty:
/// book.yaml's, else classic), for the unknown-div-class check. A style that cannot be read
/// gives the built-in designs' classes (its errors are the typesetter's to report).
/// `style_dirs`: folio's own style folders (empty: the data search path's, as for the facts).
std::set<std::string> designed_classes(const model::Document& doc, const std::string& style,
                                       const std::vector<std::filesystem::path>& style_dirs = {});

/// The print half of load_and_check on a checked model: the style resolved and loaded as
/// the PDF writer does (`style`: a --style name or path; empty: book.yaml's, else classic),
/// then the book typeset with LayoutOptions::glyphs off. Its errors go to `diags` (its
/// warnings are build's to print), and so do the printer's preflight findings (print-*) when
/// `printer` is not the screen.
void check_print_edition(const model::Document& doc, const std::string& style,
                         support::Diagnostics& diags,
                         const std::vector<std::filesystem::path>& style_dirs = {},
                         style::Printer printer = style::Printer::screen);

}  // namespace folio::publish
