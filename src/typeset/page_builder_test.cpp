// Known-answer tests for the page builder on hand-built flows of ten-line pages.
#include "typeset/page_builder.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <tuple>

#include "tests/support/page_flows.hpp"
#include "typeset/figure_box.hpp"

namespace folio::typeset {
namespace {

// A note of `lines` lines `leading` apart.
NoteShape note_of(int lines, double leading) {
  NoteShape n;
  n.advance.assign(static_cast<std::size_t>(lines), leading);
  n.line.assign(static_cast<std::size_t>(lines), true);
  n.split_before.assign(static_cast<std::size_t>(lines), true);
  return n;
}

using test_support::paragraphs;
using test_support::ten_line_frame;

std::vector<PageEnd> plan(const std::vector<FlowItem>& flow, bool recto, const PageFrame& frame,
                          const PageCosts& costs = {}) {
  return test_support::plan_memoised(flow, recto, test_support::frame_filler(frame, false), costs);
}

// The plan of a section whose figures float (fill_page's floating).
std::vector<PageEnd> plan_floating(const std::vector<FlowItem>& flow, const PageFrame& frame,
                                   const PageCosts& costs = {}) {
  return test_support::plan_memoised(flow, false, test_support::frame_filler(frame, true), costs);
}

// A figure `height` tall (its baseline at its foot), no caption.
FlowItem figure_of(double height, int block) {
  FlowItem it;
  it.kind = FlowItem::figure;
  it.leading = height;
  it.top = height;
  it.block = block;
  auto box = std::make_shared<FigureBox>();
  box->height = box->depth = height;
  it.figure_box = box;
  return it;
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
  PageFill fill = fill_page(flow, 0, ten_line_frame({{1, note_of(3, 10)}}), false);
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
  PageCosts costs;
  costs.runt = 0;  // the last page's two lines aside
  auto pages = plan(flow, true, ten_line_frame(), costs);
  ASSERT_FALSE(pages.empty());
  EXPECT_FALSE(pages.front().long_page);
  EXPECT_EQ(pages.front().cut, 9u);
}

TEST(PageBuilder, ALongNoteSplitsAndTheTextFillsThePage) {
  // Line 5 cites a note of 12 lines 5 apart (60): whole, it would leave room for 4 lines of
  // text, so the citing line would go over and the page stop 5 lines short. Split, the page
  // is full: the citing line stays with the note's first lines, the rest goes on.
  auto flow = paragraphs({10, 10, 10});
  flow[5].notes = {1};
  PageFrame frame = ten_line_frame({{1, note_of(12, 5)}});
  auto pages = plan(flow, false, frame);
  ASSERT_GE(pages.size(), 2u);
  const PageEnd& first = pages.front();
  EXPECT_GT(first.cut, 5u);  // the note's first line is on the page that cites it
  EXPECT_EQ(first.carry.note, 1);
  EXPECT_DOUBLE_EQ(first.short_lines, 0);
  // Text and note lines fill the page exactly: 10 per text line, 5 per note line.
  EXPECT_DOUBLE_EQ(static_cast<double>(first.cut) * 10 + static_cast<double>(first.carry.from) * 5,
                   100);
  EXPECT_GE(first.carry.from, 2u);   // no lone note line on the first page ...
  EXPECT_LE(first.carry.from, 10u);  // ... nor on the next
  // The next page holds the rest of the note first, and the text above it.
  PageFill next = fill_page(flow, first.cut, frame, false, first.carry);
  const PageEnd& end = local_best_end(next, PageCosts{});
  EXPECT_TRUE(end.notes);
  EXPECT_FALSE(end.carry);
  EXPECT_EQ(end.cut - first.cut, 10 - (12 - first.carry.from) / 2);
}

TEST(PageBuilder, ANotePageAloneOnlyWhenNothingElseHoldsTheNote) {
  // The last line cites a note that does not fit what is left: two of the paragraph's lines
  // go over with it rather than leave the note's end on a page of its own.
  auto flow = paragraphs({8});
  flow[7].notes = {1};
  auto pages = plan(flow, false, ten_line_frame({{1, note_of(16, 5)}}));
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].cut, 6u);
  EXPECT_FALSE(pages[0].carry);
  EXPECT_EQ(pages[1].cut, 8u);
  EXPECT_FALSE(pages[1].carry);
  // A note taller than a page: its end has a page of its own after the section's text.
  pages = plan(flow, false, ten_line_frame({{1, note_of(25, 5)}}));
  ASSERT_GE(pages.size(), 2u);
  EXPECT_EQ(pages.back().cut, 8u);
  EXPECT_EQ(pages.back().lines, 0);
  EXPECT_TRUE(pages.back().notes);
  EXPECT_FALSE(pages.back().carry);
  EXPECT_TRUE(pages[pages.size() - 2].carry);
}

TEST(PageBuilder, PlanCostPairsAVersoWithTheNotePageAfterIt) {
  // A verso that ends the text but carries a note on is a spread with the note's page, as
  // plan_pages weighs it: run long, it costs a long page, not a long page alone (uneven).
  PageCosts costs;
  PageEnd verso;
  verso.cut = 8;
  verso.lines = 8;
  verso.notes = true;
  verso.carry = NoteCarry{1, 5};
  PageEnd notes_page;
  notes_page.cut = 8;
  notes_page.notes = true;
  notes_page.final = true;
  const double even = plan_cost({verso, notes_page}, 8, false, costs);
  verso.long_page = true;
  EXPECT_DOUBLE_EQ(plan_cost({verso, notes_page}, 8, false, costs) - even, costs.long_page);
}

TEST(PageBuilder, AFigureThatDoesNotFitOpensTheNextPageAndTheTextFillsBoth) {
  // Eight lines, then a figure four lines tall that does not fit the two left: it floats to
  // the next page's top, and the two-line paragraph after it fills this page.
  auto flow = paragraphs({4, 4, 2, 4, 4});
  flow.insert(flow.begin() + 8, figure_of(40, 99));
  const PageFrame frame = ten_line_frame();
  PageCosts costs;
  costs.runt = 0;  // the last page's lines aside
  auto pages = plan_floating(flow, frame, costs);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].cut, 11u);
  EXPECT_EQ(pages[0].floats_from, 8u);
  EXPECT_DOUBLE_EQ(pages[0].short_lines, 0);
  // The next page: the figure at its top, then six lines to the foot.
  PageFill second = fill_page(flow, 11, frame, true, {}, 8);
  ASSERT_FALSE(second.placed.empty());
  EXPECT_EQ(second.placed.front().item, 8u);
  EXPECT_EQ(pages[1].cut, 17u);
  EXPECT_EQ(pages[1].floats_from, kNoFloat);
  EXPECT_DOUBLE_EQ(pages[1].short_lines, 0);
  // The plan never reads a figure twice nor loses one: the flow is as it was.
  EXPECT_EQ(flow[8].kind, FlowItem::figure);
}

TEST(PageBuilder, FloatedFiguresKeepTheirOrderAndTheSectionWaitsForThem) {
  // Two figures after a full page of text: both float, the first opens the next page, the
  // second (too tall to join it) the page after, though the text has ended.
  auto flow = paragraphs({10});
  flow.push_back(figure_of(60, 98));
  flow.push_back(figure_of(60, 99));
  auto pages = plan_floating(flow, ten_line_frame());
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].floats_from, 10u);
  EXPECT_EQ(pages[1].floats_from, 11u);
  EXPECT_EQ(pages[2].floats_from, kNoFloat);
  PageFill second = fill_page(flow, pages[0].cut, ten_line_frame(), true, {}, 10);
  ASSERT_EQ(second.placed.size(), 1u);
  EXPECT_EQ(second.placed.front().item, 10u);
}

TEST(NoteArea, TheLastNoteSplitsBetweenLinesWithTwoOnEachSide) {
  std::map<int, NoteShape> notes{{1, note_of(3, 5)}, {2, note_of(6, 5)}};
  NoteArea area([&](int n) { return &notes.at(n); }, 4, {});
  EXPECT_DOUBLE_EQ(area.least_height({1, 2}), 4 + 15 + 10);
  auto fit = area.fit({1, 2}, 4 + 15 + 22);
  ASSERT_TRUE(fit);
  EXPECT_EQ(fit->carry, (NoteCarry{2, 4}));
  EXPECT_DOUBLE_EQ(fit->height, 4 + 15 + 20);
  EXPECT_FALSE(area.fit({1, 2}, 4 + 15 + 9));  // not even two lines of note 2
  // Note 1 (3 lines) never splits: two lines on one side would leave one on the other.
  EXPECT_FALSE(area.fit({2, 1}, 4 + 30 + 12));
  auto whole = area.fit({1, 2}, 100);
  ASSERT_TRUE(whole);
  EXPECT_FALSE(whole->carry);
  EXPECT_DOUBLE_EQ(whole->height, 4 + 45);
}

TEST(NoteArea, NeverAfterAHyphen) {
  std::map<int, NoteShape> notes{{1, note_of(6, 5)}};
  notes[1].split_before[4] = false;  // line 3 ends in a hyphen
  NoteArea area([&](int n) { return &notes.at(n); }, 0, {});
  auto fit = area.fit({1}, 22);
  ASSERT_TRUE(fit);
  EXPECT_EQ(fit->carry, (NoteCarry{1, 3}));
}

TEST(NoteArea, ACarriedNoteComesFirstAndOnce) {
  std::map<int, NoteShape> notes{{1, note_of(8, 5)}, {2, note_of(2, 5)}};
  NoteArea area([&](int n) { return &notes.at(n); }, 0, {1, 5});
  std::vector<NotePart> parts = area.parts({2, 1});
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].note, 1);
  EXPECT_EQ(parts[0].from, 5u);
  EXPECT_TRUE(parts[0].continued());
  EXPECT_EQ(parts[1].note, 2);
  EXPECT_FALSE(parts[1].continued());
  EXPECT_DOUBLE_EQ(area.lines_height(parts), 25);
}

}  // namespace
}  // namespace folio::typeset
