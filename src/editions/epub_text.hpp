// The EPUB side of the check: the words of the produced EPUB, read back from its bytes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "editions/edition_text.hpp"

namespace folio::editions {

/// Reads the content documents of the EPUB at `epub` in spine order. Furniture is set aside
/// by its semantics: the generated cover, title page and imprint (epub:type cover, titlepage,
/// imprint, …; role doc-cover) and the navigation (toc, landmarks, page-list). Footnote
/// asides go to the note words; each `<ol>` item's number is read as a word, as a reading
/// system shows it. The toc is the nav's top-level entries that lead to section text.
/// On an unreadable file, returns nullopt and says why in `error`.
std::optional<EditionText> read_epub_text(const std::filesystem::path& epub, std::string& error);

}  // namespace folio::editions
