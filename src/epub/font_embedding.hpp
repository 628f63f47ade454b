// The style's font files as EPUB resources, with @font-face rules, when the licences allow.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "epub/publication.hpp"
#include "model/document.hpp"
#include "style/style.hpp"
#include "support/diagnostic.hpp"

namespace folio::epub {

struct EmbeddedFonts {
  std::vector<ManifestItem> items;  ///< hrefs under fonts/, media types font/otf, font/ttf, …
  std::string css;                  ///< @font-face rules, urls relative to css/
};

/// The media type EPUB 3.3 gives a font file by its extension, or "" for one it has none for.
std::string font_media_type(const std::string& extension);

/// Whether an OS/2 fsType allows embedding in a document: not "restricted licence" (0x0002)
/// nor "bitmap embedding only" (0x0200). Preview & print and editable embedding are allowed.
bool fs_type_allows_embedding(unsigned fs_type);

/// For `epub.embed-fonts: true`: the files of the faces the book uses — each text family of
/// the style in regular and italic, and bold (and bold italic) when strong text is set in
/// bold and the book has some — found through the same fontconfig configuration as the PDF
/// (the manuscript's fonts/ first). A family that cannot be found, or a font whose licence
/// forbids embedding, is an error (nullopt).
std::optional<EmbeddedFonts> embed_fonts(const model::Document& doc, const style::Style& style,
                                         support::Diagnostics& diags);

}  // namespace folio::epub
