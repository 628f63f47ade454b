// One EPUB content document (XHTML) → model sections: semantic HTML and epub:type back into
// folio's blocks and inlines (the inverse of src/epub/content_document.cpp, and Standard
// Ebooks' semantics).
#pragma once

#include <pugixml.hpp>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "import/imported_book.hpp"
#include "model/document.hpp"
#include "support/diagnostic.hpp"

namespace folio::import {

/// What converting one content document needs from the whole book.
struct BookContext {
  /// Notes anywhere in the book (footnotes, endnotes), by `entry#id`.
  std::map<std::string, pugi::xml_node> notes;
  /// The entry each note element came from (for positions), by `entry#id`.
  std::map<std::string, std::string> note_entry;
  /// The image entries referenced, and the name each gets in the new folder (`images/x.png`).
  std::function<std::string(const std::string& entry)> image_name;
  std::string book_lang;
  /// A Standard Ebooks production: its colophon is left out with the generated pages.
  bool standard_ebooks = false;
  ImportReport* report = nullptr;
  support::Diagnostics* diags = nullptr;
};

/// Converts the body of `doc` (entry `entry`, its text `text` for line numbers) into sections.
/// Sections whose role is a generated page (title page, imprint, table of contents, a list
/// of endnotes whose notes moved to their references) are left out and reported.
std::vector<model::Section> convert_content_document(const pugi::xml_document& doc,
                                                     const std::string& entry,
                                                     std::string_view text, BookContext& book);

/// The epub:type tokens of an element (`epub:type="z3998:letter chapter"`).
std::vector<std::string> epub_types(pugi::xml_node e);
bool has_epub_type(pugi::xml_node e, std::string_view type);

}  // namespace folio::import
