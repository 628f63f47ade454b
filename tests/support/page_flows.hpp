// For the page builder's tests: a ten-line text block, paragraphs laid out as the flow setter
// lays them, and a section planned with its page fills memoised.
#pragma once

#include <map>
#include <memory>
#include <tuple>
#include <vector>

#include "typeset/page_builder.hpp"
#include "typeset/spread_balance.hpp"

namespace folio::test_support {

using typeset::FlowItem;
using typeset::NoteCarry;
using typeset::NoteShape;
using typeset::PageEnd;
using typeset::PageFrame;

/// A text block of exactly ten body lines (leading 10, first baseline at 10), with notes.
inline PageFrame ten_line_frame(std::map<int, NoteShape> notes = {}) {
  PageFrame f;
  f.top = 0;
  f.grid_origin = 10;
  f.body_leading = 10;
  f.bottom = 100;
  auto shared = std::make_shared<std::map<int, NoteShape>>(std::move(notes));
  f.note_shapes = [shared](int n) -> const NoteShape* {
    auto it = shared->find(n);
    return it == shared->end() ? nullptr : &it->second;
  };
  return f;
}

/// Paragraph `block`'s `n` lines with the flow setter's rules: no break before its second
/// line (orphan) or its last (widow).
inline std::vector<FlowItem> paragraph_lines(int block, int n) {
  std::vector<FlowItem> out;
  for (int k = 0; k < n; ++k) {
    FlowItem it;
    it.leading = 10;
    it.top = 10;
    it.on_grid = true;
    it.block = block;
    it.break_before = k == 0 || (k >= 2 && n - k >= 2);
    out.push_back(it);
  }
  return out;
}

/// Paragraphs of the given line counts, blocks numbered from 1.
inline std::vector<FlowItem> paragraphs(const std::vector<int>& sizes) {
  std::vector<FlowItem> flow;
  for (std::size_t b = 0; b < sizes.size(); ++b) {
    auto ls = paragraph_lines(static_cast<int>(b) + 1, sizes[b]);
    flow.insert(flow.end(), ls.begin(), ls.end());
  }
  return flow;
}

/// fill_page's ends in `frame`, figures floating or not.
inline typeset::PageFiller frame_filler(PageFrame frame, bool floating) {
  return [frame = std::move(frame), floating](const std::vector<FlowItem>& flow, std::size_t s,
                                              NoteCarry c, std::size_t f) {
    return typeset::fill_page(flow, s, frame, floating, c, f).ends;
  };
}

/// The whole flow planned as one section, each page's fill computed once per state.
inline std::vector<PageEnd> plan_memoised(const std::vector<FlowItem>& flow, bool recto,
                                          const typeset::PageFiller& fill,
                                          const typeset::PageCosts& costs = {}) {
  std::map<std::tuple<std::size_t, NoteCarry, std::size_t>, std::vector<PageEnd>> memo;
  return typeset::plan_pages(
      0, flow.size(), recto, {}, typeset::kNoFloat,
      [&](std::size_t s, NoteCarry c, std::size_t f) -> const std::vector<PageEnd>& {
        auto key = std::make_tuple(s, c, f);
        auto it = memo.find(key);
        if (it == memo.end()) it = memo.emplace(key, fill(flow, s, c, f)).first;
        return it->second;
      },
      costs);
}

}  // namespace folio::test_support
