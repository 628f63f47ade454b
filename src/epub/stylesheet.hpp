// The EPUB's CSS, generated from the book's style (one built-in design until styles land).
#pragma once

#include <string>

#include "style/style.hpp"

namespace folio::epub {

/// CSS for `style`: its indent, headings, block quotes, dateline and hyphenation, in em
/// relative to its body size. Relative units only, a generic font family and no colours,
/// so the reader's settings win.
/// `font_faces`: @font-face rules for embedded fonts, placed before the style's rules.
/// `tables`: the book has tables, so the style's table design is added (only then: a book
/// without tables keeps the stylesheet it had before tables were read).
std::string stylesheet(const style::Style& style, const std::string& font_faces = {},
                       bool tables = false);

}  // namespace folio::epub
