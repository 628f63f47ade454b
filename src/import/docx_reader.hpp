// DOCX (WordprocessingML) → ImportedBook: core properties, styles and direct formatting
// read back into folio's sections, blocks and inlines.
#pragma once

#include <optional>

#include "import/imported_book.hpp"
#include "import/package_files.hpp"
#include "support/diagnostic.hpp"

namespace folio::import {

/// True when `pkg` is a Word document (it has word/document.xml).
bool is_docx(const PackageFiles& pkg);

/// Reads the document; nullopt after an error in `diags`. Tracked changes are accepted and
/// comments dropped, each with a warning; what has no place in a manuscript is reported.
std::optional<ImportedBook> read_docx(PackageFiles& pkg, support::Diagnostics& diags);

}  // namespace folio::import
