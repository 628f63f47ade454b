// The EPUB's CSS, generated from the book's style (one built-in design until styles land).
#pragma once

#include <string>

#include "style/style.hpp"

namespace folio::epub {

/// CSS for `style`: its indent, headings, block quotes, dateline and hyphenation, in em
/// relative to its body size. Relative units only, a generic font family and no colours,
/// so the reader's settings win.
/// `font_faces`: @font-face rules for embedded fonts, placed before the style's rules.
std::string stylesheet(const style::Style& style, const std::string& font_faces = {});

}  // namespace folio::epub
