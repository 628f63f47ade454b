// The book's style (styles/<name>.yaml) as the EPUB uses it: cover faces and CSS parameters.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "epub/cover.hpp"
#include "facts/edition_facts.hpp"
#include "model/document.hpp"
#include "style/style.hpp"
#include "support/diagnostic.hpp"

namespace folio::epub {

/// Loads the style named by `name` (else book.yaml's `style:`, else "classic") from the
/// manuscript's styles/ folder, then `dirs`, then folio's own styles. A style that cannot be
/// found or read gives a warning, and the EPUB uses the classic design.
style::Style book_style(const model::Document& doc, const std::string& name,
                        const std::vector<std::filesystem::path>& dirs,
                        support::Diagnostics& diags);

/// The same for a style already chosen (EditionFacts::style).
style::Style book_style(const facts::StyleChoice& choice, support::Diagnostics& diags);

/// The cover's faces: the chapter-title family for the title, the text family in italic for
/// the subtitle and in small capitals for the authors.
CoverFonts cover_fonts_of(const style::Style& style);

}  // namespace folio::epub
