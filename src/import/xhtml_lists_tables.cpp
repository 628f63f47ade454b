// Lists, figures and tables.
#include "import/content_converter.hpp"

#include <algorithm>

#include "import/inline_tidy.hpp"

namespace folio::import::xhtml {

Block Converter::list(pugi::xml_node e, bool ordered) {
  Block b;
  model::List l;
  l.ordered = ordered;
  if (ordered && e.attribute("start")) l.start = e.attribute("start").as_int(1);
  b.node = l;
  b.source = pos_of(e);
  b.attr = attr_of(e);
  for (pugi::xml_node li = e.child("li"); li; li = li.next_sibling("li")) {
    Block item;
    item.node = model::ListItem{};
    item.source = pos_of(li);
    item.attr = attr_of(li);
    blocks(li, item.blocks);
    b.blocks.push_back(std::move(item));
  }
  return b;
}

Block Converter::figure(pugi::xml_node e) {
  Block b;
  b.source = pos_of(e);
  b.attr = attr_of(e);
  pugi::xml_node img =
      name_of(e) == "img" ? e : e.find_child([](pugi::xml_node c) { return name_of(c) == "img"; });
  if (!img) img = e.select_node(".//*[local-name()='img']").node();
  model::Figure f;
  if (img) {
    f.src = image_src(img);
    f.alt = img.attribute("alt").value();
  }
  pugi::xml_node cap = e.child("figcaption");
  if (cap) b.inlines = inlines_of(cap);
  // Markdown's figure caption is its alt text: without a caption, the alt text says it.
  if (b.inlines.empty() && !f.alt.empty()) b.inlines.push_back(text_inline(f.alt));
  if (f.src.empty()) {
    unmapped(e, "a figure without an image folio can use: its caption is kept as a paragraph");
    b.node = model::Paragraph{};
    return b;
  }
  b.node = std::move(f);
  count("<figure>/<img> → figure");
  return b;
}

Block Converter::table(pugi::xml_node e) {
  Block b;
  b.source = pos_of(e);
  b.attr = attr_of(e);
  model::Table t;
  if (pugi::xml_node cap = e.child("caption")) b.inlines = inlines_of(cap);
  std::vector<pugi::xml_node> rows;
  for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
    std::string_view n = name_of(c);
    if (n == "tr") rows.push_back(c);
    if (n == "thead" || n == "tbody" || n == "tfoot")
      for (pugi::xml_node r = c.child("tr"); r; r = r.next_sibling("tr")) rows.push_back(r);
  }
  std::size_t columns = 0;
  for (auto r : rows) {
    std::size_t n = 0;
    for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling())
      if (name_of(c) == "td" || name_of(c) == "th") ++n;
    columns = std::max(columns, n);
  }
  t.alignments.assign(columns, model::ColumnAlign::none);
  bool has_head = !rows.empty() && name_of(rows.front().parent()) == "thead";
  auto row_of = [&](pugi::xml_node r) {
    model::TableRow row;
    row.source = pos_of(r);
    std::size_t i = 0;
    for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
      if (name_of(c) != "td" && name_of(c) != "th") continue;
      if (c.attribute("colspan") || c.attribute("rowspan"))
        unmapped(c, "a cell spanning columns or rows: it fills one cell");
      model::TableCell cell;
      cell.source = pos_of(c);
      std::vector<Inline> ins;
      // A cell holding paragraphs or a nested table: its text, lines kept apart.
      for (pugi::xml_node k = c.first_child(); k; k = k.next_sibling()) {
        if (k.type() == pugi::node_element && !is_inline_element(name_of(k))) {
          if (name_of(k) == "table") unmapped(k, "a table inside a cell: its text is kept");
          std::vector<Inline> part = inlines_of(k);
          if (!ins.empty() && !part.empty()) ins.push_back(text_inline(" "));
          for (auto& in : part) ins.push_back(std::move(in));
        } else {
          inline_node(k, ins);
        }
      }
      tidy(ins);
      trim_lines(ins);
      // A line break has no place in a pipe table's cell.
      for (auto& in : ins)
        if (in.is<model::LineBreak>()) in = text_inline(" ");
      tidy(ins);
      cell.inlines = std::move(ins);
      if (i < columns) {
        for (const auto& cls : classes_of(c)) {
          if (cls == "align-left") t.alignments[i] = model::ColumnAlign::left;
          if (cls == "align-center") t.alignments[i] = model::ColumnAlign::center;
          if (cls == "align-right") t.alignments[i] = model::ColumnAlign::right;
        }
      }
      row.cells.push_back(std::move(cell));
      ++i;
    }
    row.cells.resize(columns);
    return row;
  };
  std::size_t first = 0;
  if (has_head) {
    t.header = row_of(rows.front());
    first = 1;
  } else {
    t.header.cells.resize(columns);
  }
  for (std::size_t i = first; i < rows.size(); ++i) t.rows.push_back(row_of(rows[i]));
  b.node = std::move(t);
  count("<table> → pipe table");
  return b;
}

}  // namespace folio::import::xhtml
