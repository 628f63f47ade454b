// A table block as XHTML: <table> with <caption>, <thead>/<tbody>, header cells scoped to
// their column, alignment as classes (the style sheet sets them; `align` is obsolete).
#include "epub/table_writer.hpp"

#include "epub/xhtml_page.hpp"
#include "model/walk.hpp"

namespace folio::epub {
namespace {

const char* align_class(model::ColumnAlign a) {
  switch (a) {
    case model::ColumnAlign::left:
      return "align-left";
    case model::ColumnAlign::center:
      return "align-center";
    case model::ColumnAlign::right:
      return "align-right";
    case model::ColumnAlign::none:
      break;
  }
  return nullptr;
}

void write_row(pugi::xml_node parent, const model::TableRow& row, const model::Table& table,
               bool header, const InlineWriter& write_inlines) {
  pugi::xml_node tr = append_block(parent, "tr");
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    // An empty header cell (over a column of row labels, or a header-less table's) heads
    // nothing: a screen reader would announce a blank header for every cell under it.
    bool heads = header && !model::plain_text(row.cells[i].inlines).empty();
    pugi::xml_node cell = append_block(tr, heads ? "th" : "td");
    if (heads) cell.append_attribute("scope") = "col";
    if (i < table.alignments.size())
      if (const char* cls = align_class(table.alignments[i])) add_class(cell, cls);
    write_inlines(cell, row.cells[i].inlines);
  }
  tr.append_child(pugi::node_pcdata).set_value("\n");
}

}  // namespace

pugi::xml_node write_table(pugi::xml_node parent, const model::Block& b, const model::Table& table,
                           const InlineWriter& write_inlines) {
  pugi::xml_node t = append_block(parent, "table");
  if (!b.inlines.empty()) write_inlines(append_block(t, "caption"), b.inlines);
  pugi::xml_node head = append_block(t, "thead");
  write_row(head, table.header, table, true, write_inlines);
  head.append_child(pugi::node_pcdata).set_value("\n");
  if (!table.rows.empty()) {
    pugi::xml_node body = append_block(t, "tbody");
    for (const model::TableRow& row : table.rows) write_row(body, row, table, false, write_inlines);
    body.append_child(pugi::node_pcdata).set_value("\n");
  }
  t.append_child(pugi::node_pcdata).set_value("\n");
  return t;
}

bool has_tables(const model::Document& doc) {
  bool found = false;
  model::walk_blocks(doc, [&](const model::Block& b) { found = found || b.is<model::Table>(); });
  return found;
}

}  // namespace folio::epub
