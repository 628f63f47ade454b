// The primer: each character of the book once, set in the body face, for PDF font subsets.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"
#include "typeset/font_context.hpp"
#include "typeset/font_table.hpp"
#include "typeset/paged_document.hpp"
#include "typeset/paragraph.hpp"

namespace folio::typeset {

/// The characters of `doc` (text, headings, notes, metadata) that a PDF's simple fonts can
/// encode (WinAnsi: printable ASCII, Latin-1, the Windows-1252 punctuation), each once and
/// followed by a space, in code point order.
std::string primer_text(const model::Document& doc);

/// `text` set in `settings` (the body face, roman) as glyph runs indexing `table`: each
/// character with the glyph the book's prose gives it. Cairo gives a character of its simple
/// font subset the first glyph it is drawn with; a title page or running head in small caps
/// drawn first would take the lowercase letters' places, and every later letter of the body
/// would then be drawn from a second font, with a font switch on each side of it.
std::vector<GlyphRun> set_primer(const FontContext& fonts, FontTable& table,
                                 const std::string& text, ParagraphSettings settings);

}  // namespace folio::typeset
