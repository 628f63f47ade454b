// Sections: the body's top level, <section> elements and their roles, and headings.
#include "import/content_converter.hpp"

#include "import/inline_tidy.hpp"

namespace folio::import::xhtml {

model::Section& Converter::current() {
  if (sections_.empty()) {
    model::Section s;
    s.source = {entry_, 1, 1};
    sections_.push_back(std::move(s));
  }
  return sections_.back();
}

std::vector<model::Section> Converter::run(const pugi::xml_document& doc) {
  pugi::xml_node html = doc.document_element();
  pugi::xml_node body = html.child("body");
  if (!body) {
    unmapped(html, "no <body>: the document is left out");
    return {};
  }
  top_level(body);
  // A note's body converted later may have added notes: each section lists those it cites.
  return std::move(sections_);
}

void Converter::top_level(pugi::xml_node parent) {
  std::vector<Inline> loose;
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) {
      if (c.type() == pugi::node_pcdata && !collapse(c.value()).empty() &&
          collapse(c.value()) != " ")
        loose.push_back(text_inline(collapse(c.value())));
      continue;
    }
    std::string_view n = name_of(c);
    if (n == "section" || n == "article") {
      flush_loose(loose, current().blocks, c);
      section_element(c);
    } else if (is_heading_name(n) && (n == "h1" || n == "h2") &&
               (sections_.empty() || !sections_.back().blocks.empty() ||
                sections_.back().heading)) {
      // A book without <section>s: each top heading opens one.
      flush_loose(loose, current().blocks, c);
      model::Section s;
      s.source = pos_of(c);
      heading_base_ = n[1] - '0';
      Block h = heading_block(c, 1);
      s.heading = std::move(h);
      sections_.push_back(std::move(s));
      count("<" + std::string(n) + "> outside a <section> → a section");
    } else {
      block(c, current().blocks, loose);
    }
  }
  flush_loose(loose, current().blocks, parent);
}

void Converter::section_element(pugi::xml_node e) {
  std::string role = role_of(e);
  for (const auto& t : epub_types(e)) {
    if (is_generated_page(t) || (book_.standard_ebooks && t == "colophon")) {
      count("epub:type=" + t + " → left out (folio makes its own)");
      return;
    }
    if (t == "endnotes" || t == "rearnotes" || t == "footnotes") {
      count("epub:type=" + t + " → notes set beside their references");
      return;
    }
  }
  pugi::xml_node heading = own_heading(e);
  // A wrapper (SE's part around each chapter file's section) holds nothing of its own.
  if (!heading && only_sections(e)) {
    top_level(e);
    return;
  }
  start_section(e, heading);
  std::string outer_role = section_role_;
  section_role_ = sections_.back().role;
  std::vector<Block>& out = sections_.back().blocks;
  std::vector<Inline> loose;
  for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
    if (c == heading) {
      // A <header>'s epigraph (SE's chapters) opens the section's text.
      if (name_of(c) == "header")
        for (pugi::xml_node h = c.first_child(); h; h = h.next_sibling())
          if (h.type() == pugi::node_element && !heads(h)) block(h, out, loose);
      continue;
    }
    if (c.type() == pugi::node_pcdata) {
      if (!collapse(c.value()).empty() && collapse(c.value()) != " ")
        loose.push_back(text_inline(collapse(c.value())));
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    block(c, out, loose);
  }
  flush_loose(loose, out, e);
  section_role_ = outer_role;
}

void Converter::start_section(pugi::xml_node e, pugi::xml_node heading) {
  model::Section s;
  s.source = pos_of(heading ? heading : e);
  std::string role = role_of(e);
  if (!role.empty()) {
    s.role = role;
    count("epub:type=" + role + " → section role " + role);
  } else {
    count("<" + std::string(e.name()) + "> → a chapter");
  }
  s.matter = *model::matter_of_role(s.role);
  if (heading) {
    pugi::xml_node h = heading;
    if (!is_heading_name(name_of(h))) {
      for (pugi::xml_node c = heading.first_child(); c; c = c.next_sibling())
        if (is_heading_name(name_of(c))) {
          h = c;
          break;
        }
    }
    heading_base_ = is_heading_name(name_of(h)) ? h.name()[1] - '0' : 1;
    Block hb = heading_block(heading, 1);
    model::Attr sec = attr_of(e);
    if (!sec.id.empty() && hb.attr.id.empty()) hb.attr.id = sec.id;
    for (auto& c : sec.classes) hb.attr.classes.push_back(c);
    if (!sec.lang.empty() && hb.attr.lang.empty()) hb.attr.lang = sec.lang;
    s.heading = std::move(hb);
  } else {
    heading_base_ = 1;
  }
  sections_.push_back(std::move(s));
}

std::vector<Inline> Converter::heading_inlines(pugi::xml_node e) {
  std::string_view n = name_of(e);
  if (n == "hgroup" || n == "header") {
    // SE's <hgroup><h2>Chapter I</h2><p>The Title</p></hgroup>: one heading, its parts joined.
    std::vector<Inline> out;
    for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (c.attribute("hidden")) continue;
      if (n == "header" && !heads(c)) continue;
      std::vector<Inline> part = heading_inlines(c);
      if (part.empty()) continue;
      if (!out.empty()) out.push_back(text_inline(": "));
      for (auto& in : part) out.push_back(std::move(in));
    }
    tidy(out);
    return out;
  }
  return inlines_of(e);
}

Block Converter::heading_block(pugi::xml_node e, int level) {
  Block b;
  b.node = model::Heading{level};
  b.source = pos_of(e);
  pugi::xml_node h = e;
  if (!is_heading_name(name_of(e)))
    for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling())
      if (is_heading_name(name_of(c))) {
        h = c;
        break;
      }
  b.attr = attr_of(h);
  b.inlines = heading_inlines(e);
  if (b.inlines.empty())
    b.inlines.push_back(text_inline(section_role_.empty() ? "Untitled" : section_role_));
  return b;
}

}  // namespace folio::import::xhtml
