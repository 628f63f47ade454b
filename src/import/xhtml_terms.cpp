// The import's reading of XHTML elements: names, classes, epub:types, shapes, whitespace.
#include "import/xhtml_terms.hpp"

#include <algorithm>
#include <iterator>

namespace folio::import {

namespace {

// The tokens of a whitespace-separated attribute (XML whitespace: class, epub:type).
std::vector<std::string> tokens_of(pugi::xml_node e, const char* attribute) {
  std::vector<std::string> out;
  std::string_view v = e.attribute(attribute).value();
  std::size_t from = 0;
  while (from < v.size()) {
    std::size_t to = v.find_first_of(" \t\n\r", from);
    if (to == std::string_view::npos) to = v.size();
    if (to > from) out.emplace_back(v.substr(from, to - from));
    from = to + 1;
  }
  return out;
}

}  // namespace

std::vector<std::string> epub_types(pugi::xml_node e) {
  return tokens_of(e, "epub:type");
}

bool has_epub_type(pugi::xml_node e, std::string_view type) {
  return std::ranges::count(tokens_of(e, "epub:type"), type) > 0;
}

namespace xhtml {

std::vector<std::string> classes_of(pugi::xml_node e) {
  return tokens_of(e, "class");
}

bool has_class(pugi::xml_node e, std::string_view c) {
  return std::ranges::count(tokens_of(e, "class"), c) > 0;
}

std::string_view name_of(pugi::xml_node e) {
  std::string_view n = e.name();
  std::size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

bool is_heading_name(std::string_view n) {
  return n.size() == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '6';
}

// Classes folio's EPUB writer adds for its own structures: not the author's, so not kept.
bool is_writer_class(std::string_view c) {
  static constexpr std::string_view kOwn[] = {
      "line-block", "line",     "stanza-break", "footnote",   "scene-break",  "dateline",
      "opening",    "epigraph", "note-number",  "align-left", "align-center", "align-right",
      "smallcaps",  "letter",   "signature",    "salutation", "postscript"};
  return std::find(std::begin(kOwn), std::end(kOwn), c) != std::end(kOwn);
}

// The div classes a Z39.98 or EPUB structural term stands for.
std::string div_class_of_type(std::string_view t) {
  if (t == "z3998:letter") return "letter";
  if (t == "z3998:postscript") return "postscript";
  if (t == "z3998:signature" || t == "z3998:valediction" || t == "z3998:sender") return "signature";
  if (t == "z3998:salutation") return "salutation";
  if (t == "bridgehead") return "bridgehead";
  if (t == "dedication") return "dedication";
  if (t == "z3998:poem" || t == "z3998:verse" || t == "z3998:song" || t == "z3998:hymn")
    return "poem";
  return {};
}

bool is_verse(pugi::xml_node e) {
  for (const auto& t : epub_types(e))
    if (t == "z3998:poem" || t == "z3998:verse" || t == "z3998:song" || t == "z3998:hymn")
      return true;
  return false;
}

// Section roles folio writes no file for: the generated pages of the source.
bool is_generated_page(std::string_view t) {
  return t == "cover" || t == "titlepage" || t == "halftitlepage" || t == "imprint" ||
         t == "copyright-page" || t == "toc" || t == "landmarks" || t == "loi" || t == "lot";
}

Inline text_inline(std::string s) {
  Inline in;
  in.node = model::Text{std::move(s)};
  return in;
}

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

std::string collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (space) out += ' ';
  return out;
}

// What in a <header> is part of the heading (the rest, an epigraph, is the section's text).
bool heads(pugi::xml_node c) {
  std::string_view n = name_of(c);
  return is_heading_name(n) || n == "hgroup" ||
         (n == "p" && (has_epub_type(c, "title") || has_epub_type(c, "subtitle")));
}

// Finds the element that heads a section: its first h1–h6, or an hgroup/header holding one.
pugi::xml_node own_heading(pugi::xml_node section) {
  for (pugi::xml_node c = section.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view n = name_of(c);
    if (n == "span" && has_epub_type(c, "pagebreak")) continue;
    if (is_heading_name(n) || n == "hgroup") return c;
    if (n == "header") {
      for (pugi::xml_node h = c.first_child(); h; h = h.next_sibling())
        if (is_heading_name(name_of(h)) || name_of(h) == "hgroup") return c;
    }
    return {};
  }
  return {};
}

bool only_sections(pugi::xml_node e) {
  bool any = false;
  for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata) {
      if (collapse(c.value()) != " " && !collapse(c.value()).empty()) return false;
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    std::string_view n = name_of(c);
    if (n == "span" && has_epub_type(c, "pagebreak")) continue;
    if (n != "section" && n != "article") return false;
    any = true;
  }
  return any;
}

std::string role_of(pugi::xml_node e) {
  for (const auto& t : epub_types(e))
    if (model::matter_of_role(t)) return t;
  std::string_view aria = e.attribute("role").value();
  if (aria.starts_with("doc-") && model::matter_of_role(aria.substr(4)))
    return std::string(aria.substr(4));
  return {};
}

bool is_inline_element(std::string_view n) {
  static constexpr std::string_view kInline[] = {
      "a",   "abbr", "b",   "bdi",  "bdo", "br",  "cite", "code",  "data", "dfn",    "em",
      "i",   "img",  "kbd", "mark", "q",   "s",   "samp", "small", "span", "strong", "sub",
      "sup", "time", "u",   "var",  "wbr", "del", "ins",  "ruby",  "rt",   "rp",     "math"};
  return std::find(std::begin(kInline), std::end(kInline), n) != std::end(kInline);
}

}  // namespace xhtml
}  // namespace folio::import
