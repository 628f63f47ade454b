// Print page-break markers in a content document, placed by counting the text's letters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace folio::epub {

/// Non-space characters (code points; U+00A0 counts as space) in text[0, byte_end): a
/// position that survives the writers' different spacing (line breaks, verse indents).
std::size_t letters_before(std::string_view text, std::size_t byte_end);

/// Places `<span epub:type="pagebreak" role="doc-pagebreak" id aria-label/>` in `element`
/// just before its letter number `letters` (0-based, note references not counted), which
/// starts a word; at letter 0, or past the end, just before the element itself.
void insert_page_break(pugi::xml_node element, std::size_t letters, const std::string& label,
                       const std::string& id);

/// Places the marker at the very start of a table's row `row` (0: the header), inside its
/// first cell: nothing but cells may stand in a row. Before the table when it has no such row;
/// at the start of its caption for model::kTableCaption.
void insert_row_page_break(pugi::xml_node table, std::size_t row, const std::string& label,
                           const std::string& id);

}  // namespace folio::epub
