// What a book's covers show and the faces they are set in (EPUB cover and print wrap alike).
#pragma once

#include <string>

#include "cover/front_design.hpp"
#include "model/document.hpp"
#include "style/style.hpp"

namespace folio::cover {

/// The title in the chapter heading's face; subtitle (italic) and authors (small capitals)
/// in the body face.
CoverFonts fonts_of(const style::Style& style);

/// The authors as one line, joined with commas ("and" is language-specific).
std::string authors_line(const model::Metadata& meta);

/// What a cover shows of `meta`, shaped in `lang`.
CoverText text_of(const model::Metadata& meta, const std::string& lang);

}  // namespace folio::cover
