// Known-answer tests for the page builder on hand-built flows of ten-line pages.
#include "typeset/page_builder.hpp"

#include <gtest/gtest.h>

#include <map>

namespace folio::typeset {
namespace {

// A text block of exactly ten body lines (leading 10, first baseline at 10).
PageFrame ten_line_frame(std::map<int, double> notes = {}) {
  PageFrame f;
  f.top = 0;
  f.grid_origin = 10;
  f.body_leading = 10;
  f.bottom = 100;
  f.notes_height = [notes](const std::vector<int>& ns) {
    double h = 0;
    for (int n : ns) h += notes.count(n) ? notes.at(n) : 0;
    return h;
  };
  return f;
}

// Paragraphs of the given line counts, with the flow setter's rules: no break before a
// paragraph's second line (orphan) or its last (widow), free between paragraphs.
std::vector<FlowItem> paragraphs(const std::vector<int>& sizes) {
  std::vector<FlowItem> flow;
  int block = 0;
  for (int n : sizes) {
    ++block;
    for (int k = 0; k < n; ++k) {
      FlowItem it;
      it.leading = 10;
      it.top = 10;
      it.on_grid = true;
      it.block = block;
      it.break_before = k == 0 || (k >= 2 && n - k >= 2);
      it.break_cost = 0;
      flow.push_back(it);
    }
  }
  return flow;
}

std::vector<PageEnd> plan(std::vector<FlowItem>& flow, bool recto, const PageFrame& frame,
                          const PageCosts& costs = {}) {
  std::map<std::size_t, std::vector<PageEnd>> memo;
  return plan_pages(
      0, flow.size(), recto,
      [&](std::size_t s) -> const std::vector<PageEnd>& {
        auto it = memo.find(s);
        if (it == memo.end()) it = memo.emplace(s, fill_page(flow, s, frame, false).ends).first;
        return it->second;
      },
      costs);
}

std::vector<std::size_t> cuts(const std::vector<PageEnd>& pages) {
  std::vector<std::size_t> out;
  for (const PageEnd& e : pages) out.push_back(e.cut);
  return out;
}

TEST(PageBuilder, FillListsEveryLegalEndWithItsShortness) {
  auto flow = paragraphs({4, 4, 4});
  PageFill fill = fill_page(flow, 0, ten_line_frame(), false);
  // Ends before items 2, 4, 6, 8 and 10 (between paragraphs and inside them but for the
  // orphan and widow), one past the foot at 11 (a long page's) and none beyond.
  std::vector<std::size_t> got;
  for (const PageEnd& e : fill.ends) got.push_back(e.cut);
  EXPECT_EQ(got, (std::vector<std::size_t>{2, 4, 6, 8, 10}));
  EXPECT_DOUBLE_EQ(fill.ends.back().short_lines, 0);
  EXPECT_DOUBLE_EQ(fill.ends[3].short_lines, 2);
  EXPECT_FALSE(fill.ends.back().long_page);
}

TEST(PageBuilder, FullPagesWhereTheBreaksAllow) {
  auto flow = paragraphs({10, 10, 6});
  auto pages = plan(flow, true, ten_line_frame());
  EXPECT_EQ(cuts(pages), (std::vector<std::size_t>{10, 20, 26}));
  for (const PageEnd& e : pages) EXPECT_FALSE(e.long_page);
}

TEST(PageBuilder, AvoidsTheGreedyShortPage) {
  // Greedy fills page 1 with the 3-line paragraph and 7 lines of the 9-line one, then page 2
  // takes the 2 left and 8 of the next 10 ... A plan breaks inside the 9-line paragraph, but
  // never leaves a widow: every page but the last is full.
  auto flow = paragraphs({3, 9, 8, 10});
  auto pages = plan(flow, true, ten_line_frame());
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(cuts(pages), (std::vector<std::size_t>{10, 20, 30}));
}

TEST(PageBuilder, AForbiddenWidowMakesALongSpreadNotAShortPage) {
  // An 11-line paragraph opens a verso: at 10 lines the 11th would be a widow, at 9 the page
  // would be short. Both pages of the spread run one line long instead.
  auto flow = paragraphs({11, 11, 10});
  auto pages = plan(flow, false, ten_line_frame());
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(cuts(pages), (std::vector<std::size_t>{11, 22, 32}));
  EXPECT_TRUE(pages[0].long_page);
  EXPECT_TRUE(pages[1].long_page);  // only as a pair
  EXPECT_FALSE(pages[2].long_page);
}

TEST(PageBuilder, AWidowCostBelowNeverIsWeighed) {
  // An 11-line and a 9-line paragraph from a verso. With widows allowed at a cost below an
  // uneven spread's, the verso is full and the 11th line a widow; forbidden, the verso runs
  // a line long rather than short (the recto, the section's last page, may end anywhere).
  auto flow = paragraphs({11, 9});
  flow[10].break_before = true;
  flow[10].break_cost = 100;
  EXPECT_EQ(cuts(plan(flow, false, ten_line_frame())), (std::vector<std::size_t>{10, 20}));
  flow[10].break_cost = 50000;
  auto pages = plan(flow, false, ten_line_frame());
  EXPECT_EQ(cuts(pages), (std::vector<std::size_t>{11, 20}));
  EXPECT_TRUE(pages.front().long_page);
}

TEST(PageBuilder, ChapterEndingNeverARunt) {
  // 32 lines from a recto: full pages would leave 2 lines on a last page. Running the
  // spread after the opening page one line long takes them in.
  auto flow = paragraphs({5, 5, 5, 6, 5, 6});
  auto pages = plan(flow, true, ten_line_frame());
  EXPECT_EQ(cuts(pages), (std::vector<std::size_t>{10, 21, 32}));
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_FALSE(pages[0].long_page);
  EXPECT_TRUE(pages[1].long_page);
  EXPECT_TRUE(pages[2].long_page);
}

TEST(PageBuilder, ANotesLineTakesItsNoteAlong) {
  // Line 6 cites a note three lines tall: the page holds 7 lines and the note.
  auto flow = paragraphs({4, 4, 4});
  flow[5].notes = {1};
  PageFill fill = fill_page(flow, 0, ten_line_frame({{1, 30}}), false);
  const PageEnd& best = local_best_end(fill, PageCosts{});
  EXPECT_EQ(best.cut, 6u);
  EXPECT_TRUE(best.notes);
}

TEST(PageBuilder, SpacesBetweenBlocksStretchSoThePageEndsAtTheFoot) {
  // 4 lines, a line's space, 4 lines, then a 3-line paragraph whose first line alone would be
  // an orphan: the page stops a line short, unless the space doubles.
  auto flow = paragraphs({4, 4, 3});
  FlowItem space;
  space.kind = FlowItem::space;
  space.amount = 10;
  flow.insert(flow.begin() + 4, space);
  PageFrame frame = ten_line_frame();
  PageFill rigid = fill_page(flow, 0, frame, false);
  const PageEnd& before_c = local_best_end(rigid, PageCosts{});
  EXPECT_EQ(before_c.cut, 9u);
  EXPECT_DOUBLE_EQ(before_c.short_lines, 1);
  frame.space_stretch = 1;
  PageFill fill = fill_page(flow, 0, frame, false);
  const PageEnd& end = local_best_end(fill, PageCosts{});
  ASSERT_EQ(end.cut, 9u);
  EXPECT_DOUBLE_EQ(end.short_lines, 0);
  EXPECT_DOUBLE_EQ(end.stretch, 10);
  std::vector<double> ys = stretched_baselines(fill, end);
  ASSERT_EQ(ys.size(), 8u);
  EXPECT_DOUBLE_EQ(ys[3], 40);   // above the space: where it was
  EXPECT_DOUBLE_EQ(ys[4], 70);   // below it: a line lower
  EXPECT_DOUBLE_EQ(ys[7], 100);  // the last line at the foot
}

TEST(PageBuilder, ALongPageAloneIsUnevenSoItIsShortenedInstead) {
  // From a recto (a chapter opening, its verso another section's): 11 lines would need it
  // to run long alone. It stops at 9 (the 10th would leave a widow) and the rest goes on.
  auto flow = paragraphs({11, 10});
  auto pages = plan(flow, true, ten_line_frame());
  ASSERT_FALSE(pages.empty());
  EXPECT_FALSE(pages.front().long_page);
  EXPECT_EQ(pages.front().cut, 9u);
}

}  // namespace
}  // namespace folio::typeset
