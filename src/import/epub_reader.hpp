// EPUB 2 or 3 (zipped or unpacked) → ImportedBook: the OPF's metadata, the spine's content
// documents in reading order, their images.
#pragma once

#include <pugixml.hpp>

#include <optional>

#include "import/imported_book.hpp"
#include "import/package_files.hpp"
#include "support/diagnostic.hpp"

namespace folio::import {

/// True when `pkg` looks like an EPUB (a container.xml, or an OPF at its root).
bool is_epub(const PackageFiles& pkg);

/// Reads the book; nullopt after an error in `diags` (no OPF, an OPF that is not XML, no
/// content document). Unmapped parts are warnings and report lines, not errors.
std::optional<ImportedBook> read_epub(PackageFiles& pkg, support::Diagnostics& diags);

/// Parses XML without expanding anything from a DTD (pugixml never does: an entity it does
/// not know stays as written), so a billion-laughs document costs its own size. False with
/// a positioned import-xml error when `text` is not well-formed.
bool parse_xml(pugi::xml_document& doc, std::string_view text, const std::string& entry,
               support::Diagnostics& diags);

}  // namespace folio::import
