// Back from a word's index in a section to the model node it came from, for diagnostics.
#pragma once

#include <cstddef>
#include <string>

#include "model/document.hpp"

namespace folio::editions {

/// The source position of the block holding word `index` of section `section`'s running text
/// (heading first), or of its footnotes when `notes`; the section's own position when the
/// count runs out. Counts the model's words as the check splits them, so it is exact while
/// the writers set every word, and the nearest block otherwise.
support::SourcePos word_position(const model::Document& doc, int section, std::size_t index,
                                 bool notes);

/// The section's title for messages: its heading's text, else its role.
/// The figure whose caption holds caption word `index` of section `section` (captions in
/// figure order, as the editions check counts them); the section's place when none.
support::SourcePos caption_word_position(const model::Document& doc, int section,
                                         std::size_t index);

std::string section_name(const model::Document& doc, int section);

}  // namespace folio::editions
