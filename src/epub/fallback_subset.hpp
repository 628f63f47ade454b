// The style's fallback faces for the EPUB: cut down to the characters the body face lacks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace folio::epub {

/// Every character of the book's text (prose, code, code blocks, alt text), each once, in
/// code point order.
std::vector<std::uint32_t> book_characters(const model::Document& doc);

/// The characters of `chars` that face `index` of the font in `bytes` maps to a glyph.
std::vector<std::uint32_t> characters_in(const std::string& bytes, int index,
                                         const std::vector<std::uint32_t>& chars);

/// The font in `bytes` (face `index`) with only the glyphs of `chars` (and what they need:
/// .notdef, composites), by HarfBuzz's subsetter, in the same format; nullopt when HarfBuzz
/// cannot subset it.
std::optional<std::string> subset_font(const std::string& bytes, int index,
                                       const std::vector<std::uint32_t>& chars);

}  // namespace folio::epub
