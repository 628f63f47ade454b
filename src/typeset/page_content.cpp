// Puts a filled page's items on the page: blocks, rules, figures, a table's repeated header.
#include "typeset/page_content.hpp"

#include <algorithm>

#include "typeset/figure_box.hpp"
#include "typeset/layout_dump.hpp"

namespace folio::typeset {
namespace {

// A table's header again at the top of a page the table goes on to: artifacts (running
// furniture), so the structure tree and the text hold the header once.
void place_repeated_header(Page& page, const RepeatedHeader& h, double left, double baseline) {
  for (const FlowItem& cell : h.cells) {
    for (GlyphRun r : cell.runs) {
      r.x += left + cell.x;
      r.y += baseline;
      page.furniture.push_back(std::move(r));
    }
    for (Rule r : cell.rules) {
      r.x += left;
      r.y += baseline;
      page.rules.push_back(r);
    }
  }
}

}  // namespace

PageContent put_on_page(Page& page, std::vector<FlowItem>& flow, const PageFill& fill,
                        std::size_t cut, const std::vector<double>& baselines, double left,
                        double top) {
  PageContent out;
  int last_block = -1;
  if (fill.repeat && !fill.placed.empty() && fill.placed.front().item < cut)
    place_repeated_header(page, *fill.repeat, left, top + fill.repeat->top);
  for (std::size_t k = 0; k < fill.placed.size(); ++k) {
    const std::size_t item = fill.placed[k].item;
    if (item >= cut) break;
    const double baseline = baselines[k];
    FlowItem& it = flow[item];  // placed once: its runs move to the page
    if (it.kind == FlowItem::figure) {
      place_figure(page, *it.figure_box, it.group, left, baseline);
      if (it.display) out.display = true;
      last_block = -1;
      continue;
    }
    if (last_block != it.block) {
      PageBlock b;
      b.role = it.role;
      b.group = it.group;
      b.row = it.row;
      page.blocks.push_back(std::move(b));
      last_block = it.block;
    }
    PageBlock& b = page.blocks.back();
    for (Rule r : it.rules) {
      r.x += left;
      r.y += baseline;
      page.rules.push_back(r);
    }
    // The last row on a page the table goes on from: closed by the foot rule.
    if (std::size_t next = item + 1; next == cut && next < flow.size() && flow[next].header &&
                                     flow[next].header->foot.thickness > 0) {
      Rule r = flow[next].header->foot;
      r.x += left;
      r.y += baseline + it.depth;
      page.rules.push_back(r);
    }
    if (it.display) out.display = true;  // a page of its own: no head, no folio
    if (it.role == Role::contents_entry && it.runs.empty())
      out.contents_slots.push_back({page.blocks.size() - 1, baseline});
    if (!it.dest.empty() && b.dest.empty()) b.dest = it.dest;
    const double x = left + it.x;
    if (!it.runs.empty()) record_line(page, it, x, baseline);
    for (GlyphRun& r : it.runs) {
      r.x += x;
      r.y += baseline;
      b.runs.push_back(std::move(r));
    }
    it.runs.clear();
  }
  return out;
}

std::vector<int> notes_of(const std::vector<FlowItem>& flow, const PageFill& fill,
                          std::size_t cut) {
  std::vector<int> notes;
  for (const PageFill::Placed& pl : fill.placed) {
    if (pl.item >= cut) break;
    for (int n : flow[pl.item].notes)
      if (std::find(notes.begin(), notes.end(), n) == notes.end()) notes.push_back(n);
  }
  return notes;
}

}  // namespace folio::typeset
