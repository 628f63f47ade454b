// The editions stage: after both writers, do the EPUB and the PDF say the same thing?
#pragma once

#include <filesystem>
#include <optional>

#include "editions/compare.hpp"
#include "model/document.hpp"
#include "support/diagnostic.hpp"
#include "typeset/paged_document.hpp"

namespace folio::editions {

/// Reads the EPUB written at `epub` back and compares it with `paged`, the pages the PDF was
/// drawn from (see pdf_text.hpp for why they stand for the PDF's text layer). Differences
/// are errors in `diags`, positioned at the model node; an EPUB that cannot be read back is
/// the error editions-epub-unreadable and gives nullopt.
std::optional<Comparison> check_editions(const model::Document& doc,
                                         const std::filesystem::path& epub,
                                         const typeset::PagedDocument& paged,
                                         support::Diagnostics& diags);

}  // namespace folio::editions
