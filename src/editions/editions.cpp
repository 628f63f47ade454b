// The stage's entry point: read both texts, compare.
#include "editions/editions.hpp"

#include "editions/epub_text.hpp"
#include "editions/pdf_text.hpp"

namespace folio::editions {

std::optional<Comparison> check_editions(const model::Document& doc,
                                         const std::filesystem::path& epub,
                                         const typeset::PagedDocument& paged,
                                         support::Diagnostics& diags) {
  std::string error;
  std::optional<EditionText> epub_text = read_epub_text(epub, error);
  if (!epub_text) {
    diags.error("editions-epub-unreadable", {},
                "the EPUB just written cannot be read back to compare it with the PDF: " + error);
    return std::nullopt;
  }
  return compare_editions(*epub_text, pdf_text(paged), doc, diags);
}

}  // namespace folio::editions
