// Tables in print: column widths from the cells' content, cells set by the paragraph setter,
// the style's rules, the header set again on each page the table runs on to.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "model/page_map.hpp"
#include "typeset/flow_setter.hpp"
#include "typeset/inline_text.hpp"

namespace folio::typeset {
namespace {

// The face at another size, its leading in proportion.
style::Face at_size(const style::Face& face, double size, bool italic) {
  style::Face f = face;
  if (face.size > 0) f.leading = face.leading * size / face.size;
  f.size = size;
  if (italic) f.italic = !f.italic;
  return f;
}

// A cell's text with every space a forced break: set on a wide measure, its widest line is
// its widest word, the narrowest the cell can be (hyphenation aside).
StyledText word_per_line(StyledText t) {
  std::replace(t.text.begin(), t.text.end(), ' ', '\n');
  return t;
}

double sum(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

Align cell_align(model::ColumnAlign a, style::Align table) {
  switch (a) {
    case model::ColumnAlign::left:
      return Align::left;
    case model::ColumnAlign::center:
      return Align::center;
    case model::ColumnAlign::right:
      return Align::right;
    case model::ColumnAlign::none:
      break;
  }
  return table;
}

// Column widths (text only) in `room`: all on one line when they fit. Else the columns that
// would wrap least are kept on one line, narrowest need first, while the others can still have
// their narrowest; the room left goes to the rest in proportion to what more they would take,
// so that a column of names or figures stays whole and a column of remarks wraps.
std::vector<double> column_widths(const std::vector<double>& narrowest,
                                  const std::vector<double>& widest, double room) {
  std::vector<double> widths = narrowest;
  if (sum(widest) <= room) return widest;
  if (sum(narrowest) >= room) return narrowest;
  std::vector<std::size_t> order(widths.size());
  for (std::size_t c = 0; c < order.size(); ++c) order[c] = c;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return widest[a] - narrowest[a] < widest[b] - narrowest[b];
  });
  std::vector<bool> whole(widths.size(), false);
  double used = sum(narrowest);
  std::size_t kept = 0;
  for (std::size_t c : order) {
    double extra = widest[c] - narrowest[c];
    // Keep a share for the columns still to wrap: at least a quarter of what they would take.
    double rest = 0;
    for (std::size_t k = 0; k < widths.size(); ++k)
      if (!whole[k] && k != c) rest += (widest[k] - narrowest[k]) / 4;
    if (kept + 1 == widths.size() || used + extra + rest > room) break;
    whole[c] = true;
    widths[c] = widest[c];
    used += extra;
    ++kept;
  }
  double more = 0;
  for (std::size_t c = 0; c < widths.size(); ++c)
    if (!whole[c]) more += widest[c] - narrowest[c];
  if (more > 0)
    for (std::size_t c = 0; c < widths.size(); ++c)
      if (!whole[c]) widths[c] += (widest[c] - narrowest[c]) * (room - used) / more;
  return widths;
}

}  // namespace

template <>
void FlowSetter::set_block<model::Table>(std::vector<FlowItem>& flow, const model::Block& b,
                                         const model::Table& table, const Frame& f,
                                         bool& indent_next) {
  indent_next = false;
  const style::TableDesign& d = st_.table;
  const std::size_t columns = table.alignments.size();
  if (columns == 0) return;
  // Every row, the header first, with its cells' styled text.
  std::vector<const model::TableRow*> rows{&table.header};
  for (const model::TableRow& r : table.rows) rows.push_back(&r);
  std::vector<std::vector<StyledText>> texts(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < columns; ++c)
      texts[r].push_back(c < rows[r]->cells.size() ? styled_text(rows[r]->cells[c].inlines)
                                                   : StyledText{});

  // Each column's narrowest (its widest word) and widest (its longest cell on one line)
  // content at a size. Measured without glyphs or events: only the widths are wanted.
  std::vector<double> narrowest, widest;
  auto measure = [&](double size) {
    narrowest.assign(columns, 0);
    widest.assign(columns, 0);
    for (std::size_t r = 0; r < rows.size(); ++r)
      for (std::size_t c = 0; c < columns; ++c) {
        const StyledText& t = texts[r][c];
        if (t.empty()) continue;
        ParagraphSettings s =
            settings(at_size(d.face, size, r == 0), 1e6, 0, Align::left, false, f.lang);
        s.glyphs = false;
        double one_line = 0, word = 0;
        for (const SetLine& l : set_paragraph(tools_.fonts, table_, t, s).lines)
          one_line = std::max(one_line, l.natural);
        for (const SetLine& l : set_paragraph(tools_.fonts, table_, word_per_line(t), s).lines)
          word = std::max(word, l.natural);
        narrowest[c] = std::max(narrowest[c], word);
        widest[c] = std::max(widest[c], std::max(one_line, word));
      }
  };
  const double padding = 2 * d.cell_padding * static_cast<double>(columns);
  const double room = f.measure - padding;  // for the columns' text
  double size = d.face.size;
  measure(size);
  if (sum(narrowest) > room + 0.01) {
    // Too wide for the measure: a smaller size (widths shrink with it), down to min-size.
    double natural = sum(narrowest);
    double wanted = room > 0 ? size * room / natural : d.min_size;
    double smaller = std::max(d.min_size, std::floor(wanted * 4) / 4);
    for (int tries = 0; tries < 8; ++tries) {
      measure(smaller);
      if (sum(narrowest) <= room + 0.01 || smaller <= d.min_size) break;
      smaller = std::max(d.min_size, smaller - 0.25);
    }
    size = smaller;
    LayoutEvent e;
    e.kind = LayoutEvent::table_too_wide;
    e.where = b.source;
    double width = sum(narrowest) + padding;
    e.message = width <= f.measure + 0.01
                    ? fmt::format(
                          "this table is {:.0f} pt wide at its narrowest in {:g} pt, wider than "
                          "the {:.0f} pt measure; it is set at {:g} pt",
                          natural + padding, d.face.size, f.measure, size)
                    : fmt::format(
                          "this table is {:.0f} pt wide even at the style's smallest table size "
                          "({:g} pt), wider than the {:.0f} pt measure; it is set at that size "
                          "and runs past the measure",
                          width, size, f.measure);
    events_.push_back(std::move(e));
  }

  const std::vector<double> widths = column_widths(narrowest, widest, room);
  const double table_width = sum(widths) + padding;
  // A table narrower than the measure is centred on it; a wider one starts at its left.
  const double x0 = f.x + std::max(0.0, (f.measure - table_width) / 2);
  std::vector<double> column_x(columns, x0);
  for (std::size_t c = 1; c < columns; ++c)
    column_x[c] = column_x[c - 1] + widths[c - 1] + 2 * d.cell_padding;

  const style::Face body_face = at_size(d.face, size, false);
  const double leading = body_face.leading;
  // A line box's top to its baseline, and its baseline to its bottom (roughly half the
  // leading's gap above the ascenders, the rest below).
  const double ascent = (leading - size) / 2 + 0.78 * size;
  const double descent = leading - ascent;

  std::size_t from = flow.size();
  add_space(flow, d.space_before);
  bool captioned = !b.inlines.empty();
  if (captioned) {
    Frame cf = f;
    cf.face = at_size(d.face, size, false);
    cf.face.italic = d.caption_italic;
    cf.group = "Table";
    cf.measure = std::max(table_width, std::min(f.measure, 0.75 * f.measure));
    cf.x = f.x + std::max(0.0, (f.measure - cf.measure) / 2);
    std::size_t caption_from = flow.size();
    paragraph(flow, styled_text(b.inlines), cf, false, Align::center, Role::table_caption,
              b.source);
    // A page that begins here begins at the caption, above the rows (model::kTableCaption).
    for (std::size_t k = caption_from; k < flow.size(); ++k)
      flow[k].char_offset = model::kTableCaption;
    add_space(flow, d.row_padding * 2);
  }

  auto header = std::make_shared<RepeatedHeader>();
  header->foot = {x0, 0, table_width, d.rule_bottom};
  double previous_depth = 0;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const bool head = r == 0;
    const bool last = r + 1 == rows.size();
    const style::Face face = at_size(d.face, size, head);
    std::vector<SetParagraph> cells(columns);
    std::size_t lines = 1;
    for (std::size_t c = 0; c < columns; ++c) {
      if (texts[r][c].empty()) continue;
      const support::SourcePos& where =
          c < rows[r]->cells.size() ? rows[r]->cells[c].source : rows[r]->source;
      ParagraphSettings s = settings(face, std::max(1.0, widths[c]), 0,
                                     cell_align(table.alignments[c], d.align), true, f.lang);
      cells[c] = set(texts[r][c], s, where);
      lines = std::max(lines, cells[c].lines.size());
    }
    const double rule_above = head ? d.rule_top : 0;
    const double rule_below = head ? d.rule_head : last ? d.rule_bottom : 0;
    const double top = rule_above + d.row_padding + ascent;
    const double depth =
        static_cast<double>(lines - 1) * leading + descent + d.row_padding + rule_below;
    const int row = next_block();
    for (std::size_t c = 0; c < columns; ++c) {
      FlowItem it;
      it.kind = FlowItem::line;
      for (std::size_t k = 0; k < cells[c].lines.size(); ++k)
        for (GlyphRun& run : cells[c].lines[k].runs) {
          run.y += static_cast<double>(k) * leading;
          it.runs.push_back(std::move(run));
        }
      for (const SetLine& l : cells[c].lines)
        for (int n : l.notes)
          if (std::find(it.notes.begin(), it.notes.end(), n) == it.notes.end())
            it.notes.push_back(n);
      it.x = column_x[c] + d.cell_padding;
      // The row's cells share its baseline: the first advances from the row above.
      it.leading = c > 0 ? 0 : head ? top + descent : previous_depth + top;
      it.top = top;
      it.depth = depth;
      it.block = next_block();
      it.role = head ? Role::table_header_cell : Role::table_cell;
      it.group = "Table";
      it.row = row;
      it.section = section_index_;
      it.node = block_;
      it.char_offset = r;  // the row: the EPUB puts a page break that falls here in it
      // The header keeps with the caption (and what keeps with it), the first row with the
      // header, the last row with the one before: never a row alone under a repeated header.
      if (c > 0)
        it.break_before = false;
      else if (head)
        it.break_before = !captioned && !keep_next_;
      else
        it.break_before = r > 1 && !(last && rows.size() > 3);
      if (c == 0) {
        if (head && d.rule_top > 0)
          it.rules.push_back({x0, -top + d.rule_top / 2, table_width, d.rule_top});
        if (rule_below > 0)
          it.rules.push_back({x0, depth - rule_below / 2, table_width, rule_below});
        if (!head) it.header = header;
      }
      if (head) header->cells.push_back(it);  // a copy: the flow's runs move to the page
      flow.push_back(std::move(it));
    }
    if (head) {
      header->top = top;
      header->depth = depth;
    }
    previous_depth = depth;
  }
  keep_next_ = false;
  keep_lines_ = 0;
  add_space(flow, previous_depth);  // the last row reaches below its baseline
  add_space(flow, d.space_after);
  if (f.group.empty()) pad_to_grid(flow, from);
}

}  // namespace folio::typeset
