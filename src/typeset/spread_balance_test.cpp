// Balanced spreads on hand-built flows of ten-line pages, with paragraphs that can be set a
// line longer or shorter.
#include "typeset/spread_balance.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

#include "tests/support/page_flows.hpp"
#include "typeset/flow_setter.hpp"

namespace folio::typeset {
namespace {

using test_support::paragraph_lines;
using test_support::ten_line_frame;

// Paragraphs of the given line counts, each of which may be set again.
std::vector<FlowItem> paragraphs(const std::vector<int>& sizes) {
  std::vector<FlowItem> flow = test_support::paragraphs(sizes);
  std::size_t at = 0;
  for (std::size_t b = 0; b < sizes.size(); at += static_cast<std::size_t>(sizes[b]), ++b) {
    auto r = std::make_shared<ParagraphRecipe>();
    r->block = static_cast<int>(b) + 1;
    r->lines = sizes[b];
    r->demerits = 1000;
    if (sizes[b] > 0) flow[at].recipe = std::move(r);
  }
  return flow;
}

struct Balancer {
  PageFrame frame = ten_line_frame();
  PageCosts costs;
  std::set<int> loose_blocks;  // the paragraphs that can take a line more (all: empty)
  int resets = 0;
  PageFiller filler = test_support::frame_filler(frame, false);
  std::vector<PageEnd> plan_all(const std::vector<FlowItem>& flow) {
    return test_support::plan_memoised(flow, false, filler, costs);
  }
  // A line more or fewer, the later paragraphs' costing more; none where not allowed.
  ParagraphResetter resetter = [this](const ParagraphRecipe& r, int looseness, double& d) {
    ++resets;
    d = r.demerits + 100 * r.block;
    if (!loose_blocks.empty() && !loose_blocks.count(r.block)) return std::vector<FlowItem>{};
    return paragraph_lines(r.block, r.lines + looseness);
  };
};

TEST(SpreadBalance, ARuntLastPageIsAFault) {
  // 22 lines planned as 10, 10, 2 (no page may run long here: a costly long spread): the
  // last page is a runt under five lines, a fault of the bar's kind; under two it is not.
  auto flow = paragraphs({2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2});
  Balancer b;
  b.costs.long_page = 1e9;
  b.costs.runt = 0;
  std::vector<PageEnd> plan = b.plan_all(flow);
  ASSERT_EQ(plan.size(), 3u);
  ASSERT_EQ(plan.back().lines, 2);
  PlanFaults f = plan_faults(flow, 0, false, plan, 10, 5);
  EXPECT_EQ(f.runt_pages, 1);
  EXPECT_EQ(f.bar(), 1);
  EXPECT_EQ(f.bar_pages, (std::vector<std::size_t>{2}));
  EXPECT_EQ(plan_faults(flow, 0, false, plan, 10, 2).runt_pages, 0);
}

TEST(SpreadBalance, APageShortOfTheFootTakesAParagraphALineLonger) {
  // Three-line paragraphs cannot be broken (orphan, widow): a verso and recto of nine lines,
  // both short; the last page holds the rest.
  auto flow = paragraphs({3, 3, 3, 3, 3, 3, 3, 3});
  Balancer b;
  std::vector<PageEnd> before = b.plan_all(flow);
  PlanFaults f = plan_faults(flow, 0, false, before, 10);
  EXPECT_EQ(f.short_pages, 2);
  BalanceStats stats;
  std::vector<PageEnd> after =
      balance_spreads(flow, 0, false, b.filler, b.resetter, b.costs, 10, &stats);
  // A paragraph of four lines on each page: both end at the foot.
  ASSERT_GE(after.size(), 3u);
  EXPECT_EQ(after[0].short_lines, 0);
  EXPECT_EQ(after[1].short_lines, 0);
  EXPECT_FALSE(after[0].long_page);
  EXPECT_FALSE(after[1].long_page);
  EXPECT_EQ(plan_faults(flow, 0, false, after, 10).count(), 0);
  EXPECT_EQ(flow.size(), 26u);
  EXPECT_EQ(stats.faults_before, 2);
  EXPECT_EQ(stats.faults_after, 0);
  EXPECT_EQ(stats.kept, 1);  // the two paragraphs together
  // The flow is whole: every paragraph's lines together, each varied one without a recipe.
  int varied = 0;
  for (std::size_t k = 0; k < flow.size(); ++k)
    if (k == 0 || flow[k].block != flow[k - 1].block) varied += flow[k].recipe == nullptr;
  EXPECT_EQ(varied, 2);
  // Bounded work: each paragraph set at most twice, and the two kept set again with glyphs.
  EXPECT_LE(b.resets, 8 * 2 + 2);
}

TEST(SpreadBalance, NothingChangesWhereNoParagraphCanBeVaried) {
  auto flow = paragraphs({3, 3, 3, 3, 3, 3, 3, 3});
  Balancer b;
  b.loose_blocks = {99};  // none
  std::vector<PageEnd> before = b.plan_all(flow);
  BalanceStats stats;
  std::vector<PageEnd> after =
      balance_spreads(flow, 0, false, b.filler, b.resetter, b.costs, 10, &stats);
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t k = 0; k < after.size(); ++k) EXPECT_EQ(after[k].cut, before[k].cut);
  EXPECT_EQ(flow.size(), 24u);
  EXPECT_EQ(stats.kept, 0);
  EXPECT_EQ(stats.faults_after, 2);
}

TEST(SpreadBalance, AnUnevenSpreadIsLeveledByOneParagraph) {
  // Verso 3 + 3 + 3 (short: the fourth paragraph does not fit, nor break), recto 3 + 4 + 3
  // (full): a short page and an uneven spread. Only the first paragraph may take a line more,
  // which brings the verso to the foot.
  auto flow = paragraphs({3, 3, 3, 3, 4, 3, 3, 3});
  Balancer b;
  b.loose_blocks = {1};
  std::vector<PageEnd> before = b.plan_all(flow);
  PlanFaults f = plan_faults(flow, 0, false, before, 10);
  EXPECT_EQ(f.short_pages, 1);
  EXPECT_EQ(f.uneven_spreads, 1);
  std::vector<PageEnd> after = balance_spreads(flow, 0, false, b.filler, b.resetter, b.costs, 10);
  EXPECT_EQ(plan_faults(flow, 0, false, after, 10).count(), 0);
  ASSERT_GE(after.size(), 2u);
  EXPECT_EQ(after[0].cut, 10u);
  EXPECT_EQ(after[1].cut, 20u);
  EXPECT_EQ(flow[0].recipe, nullptr);  // paragraph 1 was set again, with four lines
  EXPECT_EQ(flow[3].block, 1);
}

TEST(SpreadBalance, TheParagraphsNearestTheFaultAreTriedFirst) {
  // The fault of AnUnevenSpreadIsLeveledByOneParagraph, followed by forty one-line paragraphs
  // (a play's short speeches): the window's pages hold more paragraphs than are tried, and
  // the one that mends the fault is on its spread, far from the window's end.
  std::vector<int> sizes{3, 3, 3, 3, 4, 3, 3, 3};
  sizes.insert(sizes.end(), 40, 1);
  auto flow = paragraphs(sizes);
  Balancer b;
  b.loose_blocks = {1};
  std::vector<PageEnd> before = b.plan_all(flow);
  ASSERT_GT(plan_faults(flow, 0, false, before, 10).bar(), 0);
  std::vector<PageEnd> after = balance_spreads(flow, 0, false, b.filler, b.resetter, b.costs, 10);
  EXPECT_EQ(plan_faults(flow, 0, false, after, 10).count(), 0);
  EXPECT_EQ(flow[0].recipe, nullptr);  // paragraph 1 was set again, with four lines
  EXPECT_EQ(flow[3].block, 1);
}

}  // namespace
}  // namespace folio::typeset
