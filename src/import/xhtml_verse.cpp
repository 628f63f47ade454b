// Verse and line blocks: SE's stanzas of <span> lines, and folio's own line blocks.
#include "import/content_converter.hpp"

#include "import/inline_tidy.hpp"

namespace folio::import::xhtml {

void Converter::verse(pugi::xml_node e, std::vector<Block>& out) {
  // SE: each <p> a stanza of <span> lines (class i1, i2…: indents); anything else as blocks.
  for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view n = name_of(c);
    if (n == "p") {
      Block lb = line_block_of_spans(c);
      if (!lb.inlines.empty()) {
        if (!lb.attr.lang.empty()) {
          Block d;
          d.node = model::Div{};
          d.source = lb.source;
          d.attr.lang = lb.attr.lang;
          lb.attr.lang.clear();
          d.blocks.push_back(std::move(lb));
          out.push_back(std::move(d));
        } else {
          out.push_back(std::move(lb));
        }
      }
    } else if (n == "div" && has_class(c, "line-block")) {
      out.push_back(folio_line_block(c));
    } else if ((n == "div" || n == "blockquote") && is_verse(c)) {
      verse(c, out);
    } else {
      std::vector<Inline> loose;
      block(c, out, loose);
      flush_loose(loose, out, c);
    }
  }
}

Block Converter::line_block_of_spans(pugi::xml_node p) {
  Block b;
  b.node = model::LineBlock{};
  b.source = pos_of(p);
  b.attr.lang = lang_of(p);
  std::vector<std::vector<Inline>> lines;
  bool spans = false;
  for (pugi::xml_node c = p.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && name_of(c) == "span" && !has_epub_type(c, "pagebreak"))
      spans = true;
  if (spans) {
    for (pugi::xml_node c = p.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element || name_of(c) != "span" || has_epub_type(c, "pagebreak"))
        continue;
      int indent = 0;
      for (const auto& cls : classes_of(c))
        if (cls.size() == 2 && cls[0] == 'i' && cls[1] >= '1' && cls[1] <= '9')
          indent = cls[1] - '0';
      std::vector<Inline> line;
      std::string lang = lang_of(c);
      if (lang.empty()) {
        inlines(c, line);
      } else {
        Inline span;
        span.node = model::Span{};
        span.attr.lang = lang;
        inlines(c, span.children);
        line.push_back(std::move(span));
      }
      tidy(line);
      trim_lines(line);
      if (line.empty()) continue;
      if (indent) line.insert(line.begin(), text_inline(std::string(2 * indent, ' ')));
      lines.push_back(std::move(line));
    }
  } else {
    std::vector<Inline> all = inlines_of(p);
    std::vector<Inline> line;
    for (auto& in : all) {
      if (in.is<model::LineBreak>()) {
        lines.push_back(std::move(line));
        line.clear();
      } else {
        line.push_back(std::move(in));
      }
    }
    if (!line.empty()) lines.push_back(std::move(line));
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i) {
      Inline br;
      br.node = model::LineBreak{};
      b.inlines.push_back(std::move(br));
    }
    for (auto& in : lines[i]) b.inlines.push_back(std::move(in));
  }
  return b;
}

Block Converter::folio_line_block(pugi::xml_node e) {
  Block b;
  b.node = model::LineBlock{};
  b.source = pos_of(e);
  b.attr = attr_of(e);
  bool first = true;
  for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (!first) {
      Inline br;
      br.node = model::LineBreak{};
      b.inlines.push_back(std::move(br));
    }
    first = false;
    if (has_class(c, "stanza-break")) continue;
    std::vector<Inline> line;
    inlines(c, line);
    tidy(line);
    // The writer keeps a line's indent as no-break spaces; the manuscript wrote spaces.
    if (!line.empty() && line.front().is<model::Text>()) {
      std::string& t = line.front().as<model::Text>().text;
      std::string spaces;
      std::size_t i = 0;
      while (t.compare(i, 2, "\u00A0") == 0) {
        spaces += ' ';
        i += 2;
      }
      t = spaces + t.substr(i);
    }
    trim_edge(line, false);
    for (auto& in : line) b.inlines.push_back(std::move(in));
  }
  count("<div class=line-block> → line block");
  return b;
}

}  // namespace folio::import::xhtml
