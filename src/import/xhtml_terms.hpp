// What an XHTML element is to the import: its name, classes and epub:type, heading and
// section shapes, and whitespace collapsed as a browser would.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "import/xhtml_converter.hpp"
#include "model/document.hpp"

namespace folio::import::xhtml {

using model::Block;
using model::Inline;

/// The element's classes, in order.
std::vector<std::string> classes_of(pugi::xml_node e);
/// True when `c` is one of the element's classes.
bool has_class(pugi::xml_node e, std::string_view c);
/// The element's local name (without a namespace prefix).
std::string_view name_of(pugi::xml_node e);
/// h1 to h6.
bool is_heading_name(std::string_view n);
/// Classes folio's EPUB writer adds for its own structures: not the author's, so not kept.
bool is_writer_class(std::string_view c);
/// The div classes a Z39.98 or EPUB structural term stands for.
std::string div_class_of_type(std::string_view t);
/// A poem, verse, song or hymn by its Z39.98 epub:type.
bool is_verse(pugi::xml_node e);
/// Section roles folio writes no file for: the generated pages of the source.
bool is_generated_page(std::string_view t);
/// A text inline of `s`.
Inline text_inline(std::string s);
/// XML whitespace.
bool is_space(char c);
/// `s` with each run of whitespace made one space, as a browser shows it.
std::string collapse(std::string_view s);
/// What in a <header> is part of the heading (the rest, an epigraph, is the section's text).
bool heads(pugi::xml_node c);
/// Finds the element that heads a section: its first h1–h6, or an hgroup/header holding one.
pugi::xml_node own_heading(pugi::xml_node section);
/// True for a wrapper that holds sections (or articles) and nothing else of its own.
bool only_sections(pugi::xml_node e);
/// The matter role (`chapter`, `foreword`…) of an epub:type or ARIA doc- role; empty if none.
std::string role_of(pugi::xml_node e);
/// An HTML element that is set inline.
bool is_inline_element(std::string_view n);

}  // namespace folio::import::xhtml
