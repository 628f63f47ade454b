// Pipe tables: cmark-gfm's table extension switched on, its table nodes read into model::Table.
#include "manuscript/table_reader.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstring>

#include "model/text_pieces.hpp"

namespace folio::manuscript {
namespace {

using model::Block;
using model::Inline;

bool has_type(cmark_node* n, const char* name) {
  const char* type = cmark_node_get_type_string(n);
  return type && std::strcmp(type, name) == 0;
}

model::ColumnAlign align_of(std::uint8_t a) {
  switch (a) {
    case 'l':
      return model::ColumnAlign::left;
    case 'c':
      return model::ColumnAlign::center;
    case 'r':
      return model::ColumnAlign::right;
    default:
      return model::ColumnAlign::none;
  }
}

// The row's line from where the row starts (past a block quote's `>` or a list's indent).
std::string_view row_line(const std::vector<std::string_view>& lines, cmark_node* row) {
  int line = cmark_node_get_start_line(row);
  int column = cmark_node_get_start_column(row);
  if (line <= 0 || static_cast<std::size_t>(line) > lines.size()) return {};
  std::string_view l = lines[static_cast<std::size_t>(line - 1)];
  std::size_t from = column > 0 ? static_cast<std::size_t>(column - 1) : 0;
  return from <= l.size() ? l.substr(from) : std::string_view{};
}

}  // namespace

void attach_table_extension(cmark_parser* parser) {
  cmark_gfm_core_extensions_ensure_registered();
  if (cmark_syntax_extension* table = cmark_find_syntax_extension("table"))
    cmark_parser_attach_syntax_extension(parser, table);
}

bool is_table(cmark_node* n) {
  return has_type(n, "table");
}

std::size_t pipe_row_cells(std::string_view line) {
  auto trim = [](std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return std::string_view{};
    std::size_t e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
  };
  line = trim(line);
  if (line.empty()) return 0;
  if (line.front() == '|') line.remove_prefix(1);
  std::size_t cells = 1;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
      continue;
    }
    if (line[i] != '|') continue;
    if (trim(line.substr(i + 1)).empty()) break;  // the closing border
    ++cells;
  }
  return cells;
}

bool take_caption_marker(std::vector<Inline>& inlines) {
  if (inlines.empty() || !inlines.front().is<model::Text>()) return false;
  Inline& first = inlines.front();
  model::Text& run = first.as<model::Text>();
  const std::string& text = run.text;
  std::size_t cut = 0;
  for (std::string_view marker : {"Table: ", "table: ", ": "})
    if (text.starts_with(marker)) {
      cut = marker.size();
      break;
    }
  if (cut == 0) return false;
  run = model::slice(run, cut, text.size());
  first.source.column += static_cast<int>(cut);
  first.range.begin = std::min(first.range.begin + cut, first.range.end);
  if (text.empty()) inlines.erase(inlines.begin());
  return true;
}

Block read_table(cmark_node* table, const std::string& file,
                 const std::vector<std::string_view>& lines, const InlineReader& read_inlines,
                 support::Diagnostics& diags) {
  Block b;
  model::Table& t = b.node.emplace<model::Table>();
  std::size_t columns = cmark_gfm_extensions_get_table_columns(table);
  const std::uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(table);
  for (std::size_t i = 0; i < columns; ++i)
    t.alignments.push_back(align_of(aligns ? aligns[i] : 0));

  auto pos = [&](cmark_node* n, const model::SourcePos& fallback) {
    int line = cmark_node_get_start_line(n);
    if (line <= 0) return fallback;
    return model::SourcePos{file, line, cmark_node_get_start_column(n)};
  };
  for (cmark_node* r = cmark_node_first_child(table); r; r = cmark_node_next(r)) {
    if (!has_type(r, "table_row") && !has_type(r, "table_header")) continue;
    model::TableRow row;
    row.source = pos(r, {file, cmark_node_get_start_line(table), 1});
    for (cmark_node* c = cmark_node_first_child(r); c; c = cmark_node_next(c)) {
      if (!has_type(c, "table_cell")) continue;
      model::TableCell cell;
      cell.source = pos(c, row.source);
      cell.inlines = read_inlines(c);
      row.cells.push_back(std::move(cell));
    }
    row.cells.resize(columns);  // cmark-gfm already pads and cuts; the model promises it
    bool header = cmark_gfm_extensions_get_table_row_is_header(r);
    std::string_view line = row_line(lines, r);
    if (!header && !t.rows.empty() && !cmark_node_next(r) &&
        line.find('|') == std::string_view::npos && row.cells.size() >= 1 &&
        take_caption_marker(row.cells.front().inlines)) {
      // `Table: …` under the last row, with no blank line between: cmark-gfm made it a row.
      b.inlines = std::move(row.cells.front().inlines);
      break;
    }
    if (!header) {
      std::size_t written = pipe_row_cells(line);
      if (written != 0 && written != columns)
        diags.warning("table-ragged-row", row.source,
                      "this table row has " + std::to_string(written) +
                          " cells but the header has " + std::to_string(columns) +
                          (written < columns ? "; the missing cells are left empty"
                                             : "; the cells past the last column are left out"),
                      "give every row as many cells as the header row");
    }
    if (header)
      t.header = std::move(row);
    else
      t.rows.push_back(std::move(row));
  }
  return b;
}

}  // namespace folio::manuscript
