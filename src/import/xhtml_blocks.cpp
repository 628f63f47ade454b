// Blocks: each block element to its block by name, class and epub:type (paragraphs, quotes,
// epigraphs, rules, code); verse, lists, figures and tables have files of their own.
#include "import/content_converter.hpp"

#include "import/inline_tidy.hpp"

namespace folio::import::xhtml {

void Converter::flush_loose(std::vector<Inline>& loose, std::vector<Block>& out,
                            pugi::xml_node at) {
  tidy(loose);
  trim_lines(loose);
  if (!loose.empty()) {
    Block p;
    p.node = model::Paragraph{};
    p.source = pos_of(at);
    p.inlines = std::move(loose);
    out.push_back(std::move(p));
  }
  loose.clear();
}

void Converter::blocks(pugi::xml_node parent, std::vector<Block>& out) {
  std::vector<Inline> loose;
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      loose.push_back(text_inline(collapse(c.value())));
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    block(c, out, loose);
  }
  flush_loose(loose, out, parent);
}

void Converter::block(pugi::xml_node e, std::vector<Block>& out, std::vector<Inline>& loose) {
  std::string_view n = name_of(e);
  // Notes are set where they are cited; page-break markers are the print edition's.
  if ((n == "aside" || n == "li") && (has_epub_type(e, "footnote") || has_epub_type(e, "endnote") ||
                                      has_epub_type(e, "rearnote") || has_epub_type(e, "note")))
    return;
  if (n == "span" && has_epub_type(e, "pagebreak")) return;
  // SE's epigraph and poem attributions: a <cite> standing as a block in its quote.
  bool block_cite = n == "cite" && e.parent() &&
                    (name_of(e.parent()) == "blockquote" || has_epub_type(e.parent(), "epigraph") ||
                     is_verse(e.parent()));
  if (is_inline_element(n) && !block_cite &&
      !(n == "img" && e.parent() && name_of(e.parent()) != "p")) {
    inline_node(e, loose);
    return;
  }
  flush_loose(loose, out, e);
  auto make = [&](model::BlockNode node) {
    Block b;
    b.node = std::move(node);
    b.source = pos_of(e);
    b.attr = attr_of(e);
    return b;
  };
  std::vector<std::string> types = epub_types(e);
  auto type_class = [&]() -> std::string {
    for (const auto& t : types)
      if (auto c = div_class_of_type(t); !c.empty()) return c;
    return {};
  };

  if (n == "p") {
    if (has_class(e, "dateline") || has_epub_type(e, "se:letter.dateline") ||
        has_epub_type(e, "z3998:dateline")) {
      Block b = make(model::Dateline{});
      b.inlines = inlines_of(e);
      count("<p class=dateline> → dateline");
      out.push_back(std::move(b));
      return;
    }
    std::string cls = type_class();
    if (cls == "signature" || cls == "bridgehead" || cls == "postscript") {
      // SE writes each line of a signature as a <p>: consecutive ones are one signature.
      pugi::xml_node prev = e.previous_sibling();
      while (prev && prev.type() != pugi::node_element) prev = prev.previous_sibling();
      bool follows_signature = false;
      if (prev && name_of(prev) == "p")
        for (const auto& t : epub_types(prev))
          if (div_class_of_type(t) == "signature") follows_signature = true;
      if (cls == "signature" && follows_signature && !out.empty() && out.back().is<model::Div>() &&
          out.back().attr.has_class("signature") && !out.back().blocks.empty()) {
        Block& para = out.back().blocks.back();
        Inline br;
        br.node = model::LineBreak{};
        para.inlines.push_back(std::move(br));
        for (auto& in : inlines_of(e)) para.inlines.push_back(std::move(in));
        return;
      }
      Block d = make(model::Div{});
      d.attr.classes.insert(d.attr.classes.begin(), cls);
      Block p;
      p.node = model::Paragraph{};
      p.source = pos_of(e);
      p.inlines = inlines_of(e);
      d.blocks.push_back(std::move(p));
      count("<p epub:type=" + types.front() + "> → ::: " + cls);
      out.push_back(std::move(d));
      return;
    }
    Block b = make(model::Paragraph{});
    b.inlines = inlines_of(e);
    if (!b.inlines.empty()) out.push_back(std::move(b));
    return;
  }
  if (is_heading_name(n)) {
    int level = std::clamp(n[1] - '0' - heading_base_ + 1, 2, 6);
    out.push_back(heading_block(e, level));
    return;
  }
  if (n == "hgroup" || n == "header") {
    if (own_heading(e.parent()) != e && n == "hgroup") {
      out.push_back(heading_block(e, 2));
      return;
    }
    blocks(e, out);
    return;
  }
  if (n == "hr") {
    out.push_back(make(model::SceneBreak{}));
    out.back().attr = {};
    count("<hr> → scene break");
    return;
  }
  if (n == "section" || n == "article" || n == "nav") {
    // A section inside the section: its heading becomes a sub-heading.
    if (std::string cls = type_class(); !cls.empty()) {
      Block d = make(model::Div{});
      d.attr.classes.insert(d.attr.classes.begin(), cls);
      if (cls == "poem") {
        verse(e, d.blocks);
      } else {
        blocks(e, d.blocks);
      }
      out.push_back(std::move(d));
      return;
    }
    int base = heading_base_;
    blocks(e, out);
    heading_base_ = base;
    return;
  }
  if (has_class(e, "epigraph") || has_epub_type(e, "epigraph")) {
    // SE's verse epigraph (`epigraph z3998:verse`): an epigraph of stanzas.
    Block b = make(model::Epigraph{});
    if (is_verse(e))
      verse(e, b.blocks);
    else
      blocks(e, b.blocks);
    count("epigraph → ::: epigraph");
    out.push_back(std::move(b));
    return;
  }
  if (is_verse(e)) {
    Block d = make(model::Div{});
    d.attr.classes.insert(d.attr.classes.begin(), "poem");
    verse(e, d.blocks);
    count("epub:type=z3998:poem/verse → ::: poem of line blocks");
    out.push_back(std::move(d));
    return;
  }
  if (n == "cite" || has_class(e, "attribution")) {
    Block d = make(model::Div{});
    if (!d.attr.has_class("attribution"))
      d.attr.classes.insert(d.attr.classes.begin(), "attribution");
    blocks(e, d.blocks);
    out.push_back(std::move(d));
    return;
  }
  if (n == "blockquote" && type_class().empty()) {
    Block b = make(model::BlockQuote{});
    blocks(e, b.blocks);
    count("<blockquote> → block quote");
    out.push_back(std::move(b));
    return;
  }
  if (n == "div" && has_class(e, "line-block")) {
    out.push_back(folio_line_block(e));
    return;
  }
  if (n == "ol" || n == "ul") {
    out.push_back(list(e, n == "ol"));
    return;
  }
  if (n == "figure" || n == "img") {
    out.push_back(figure(e));
    return;
  }
  if (n == "pre") {
    model::CodeBlock code;
    pugi::xml_node c = e.child("code");
    for (const auto& cls : classes_of(c))
      if (cls.starts_with("language-")) code.info = cls.substr(9);
    code.text = (c ? c : e).text().get();
    if (!code.text.empty() && code.text.back() != '\n') code.text += '\n';
    Block b = make(std::move(code));
    out.push_back(std::move(b));
    return;
  }
  if (n == "table") {
    out.push_back(table(e));
    return;
  }
  if (n == "div" || n == "blockquote" || n == "aside" || n == "header" || n == "footer" ||
      n == "main" || n == "address" || n == "details" || n == "dl" || n == "dd" || n == "dt" ||
      n == "li" || n == "center" || n == "fieldset" || n == "figcaption") {
    Block d = make(model::Div{});
    if (std::string cls = type_class(); !cls.empty() && !d.attr.has_class(cls))
      d.attr.classes.insert(d.attr.classes.begin(), cls);
    if (n != "div" && n != "blockquote") {
      if (n != "aside" && n != "header" && n != "footer")
        unmapped(e, "its content is kept, the element is not");
    }
    blocks(e, d.blocks);
    if (d.attr.classes.empty() && d.attr.id.empty() && d.attr.lang.empty()) {
      // A div that says nothing (layout only): its blocks stand on their own.
      for (auto& b : d.blocks) out.push_back(std::move(b));
      return;
    }
    if (!d.attr.classes.empty())
      count("class=" + d.attr.classes.front() + " → ::: " + d.attr.classes.front());
    out.push_back(std::move(d));
    return;
  }
  unmapped(e, "unknown element: its text is kept as a paragraph");
  blocks(e, out);
}

}  // namespace folio::import::xhtml
