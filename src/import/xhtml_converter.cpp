// XHTML content document → model sections. Block elements become blocks by their element
// name, class and epub:type; inline elements become inlines; whitespace is collapsed as a
// browser would; notes are looked up by their references and set beside them. The work is the
// Converter's (content_converter.hpp), spread over xhtml_sections.cpp, xhtml_blocks.cpp,
// xhtml_verse.cpp, xhtml_lists_tables.cpp, xhtml_inlines.cpp and xhtml_sources.cpp; what an
// element is, xhtml_terms.cpp says.
#include "import/xhtml_converter.hpp"

#include "import/content_converter.hpp"

namespace folio::import {

std::vector<model::Section> convert_content_document(const pugi::xml_document& doc,
                                                     const std::string& entry,
                                                     std::string_view text, BookContext& book) {
  return xhtml::Converter(entry, text, book).run(doc);
}

}  // namespace folio::import
