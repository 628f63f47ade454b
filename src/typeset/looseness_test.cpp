// TeX's \looseness in the line breaker: a line more or fewer, of least demerits, or none.
#include <gtest/gtest.h>

#include <cmath>

#include "tests/support/node_lists.hpp"
#include "typeset/knuth_plass.hpp"

namespace folio::typeset {
namespace {

using test_support::break_sets;
using test_support::demerits_of;
using test_support::words;

TEST(Looseness, ALineMoreOrFewerOfLeastDemeritsOrNone) {
  auto nodes = words({10, 14, 6, 11, 9, 12, 7, 13, 10, 5, 12, 8, 9}, Node::Glue(3, 3, 1));
  std::vector<std::size_t> glues;
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].kind == Node::glue && nodes[i].stretch < kFil) glues.push_back(i);
  int looser = 0, tighter = 0, none = 0;
  for (double width = 30; width <= 90; width += 1) {
    BreakParams p;
    p.line_width = width;
    p.pretolerance = -1;
    p.tolerance = 1000;
    const BreakResult usual = break_lines(nodes, p);
    if (usual.pass != 2) continue;
    const std::size_t lines = usual.breaks.size();
    for (int looseness : {1, -1}) {
      // Every break set of that many lines, by brute force.
      double best = -1;
      for (const std::vector<std::size_t>& br : break_sets(glues, nodes.size() - 1)) {
        if (static_cast<int>(br.size()) != static_cast<int>(lines) + looseness) continue;
        double d = demerits_of(nodes, br, p);
        if (d >= 0 && (best < 0 || d < best)) best = d;
      }
      BreakResult r = break_lines_loose(nodes, p, looseness);
      // Told the usual line count (as the page make-up's recipe tells it), the same breaks.
      BreakResult told = break_lines_loose(nodes, p, looseness, {}, static_cast<int>(lines));
      ASSERT_EQ(told.breaks.size(), r.breaks.size()) << "width " << width;
      for (std::size_t k = 0; k < r.breaks.size(); ++k)
        EXPECT_EQ(told.breaks[k].node, r.breaks[k].node) << "width " << width;
      if (best < 0) {
        EXPECT_TRUE(r.breaks.empty()) << "width " << width << " looseness " << looseness;
        ++none;
        continue;
      }
      ASSERT_EQ(r.breaks.size(), lines + looseness) << "width " << width;
      std::vector<std::size_t> ours;
      for (const Break& b : r.breaks) ours.push_back(b.node);
      EXPECT_DOUBLE_EQ(demerits_of(nodes, ours, p), best) << "width " << width;
      EXPECT_DOUBLE_EQ(r.demerits, best) << "width " << width;
      (looseness > 0 ? looser : tighter)++;
    }
  }
  // The sweep meets all three cases.
  EXPECT_GE(looser, 5);
  EXPECT_GE(tighter, 3);
  EXPECT_GE(none, 3);
}

TEST(Looseness, NoneWithoutALineToGiveOrASpaceTooWide) {
  BreakParams p;
  p.line_width = 46;
  p.tolerance = 400;
  // One line cannot lose a line.
  EXPECT_TRUE(break_lines_loose(words({10, 10, 10}), p, -1).breaks.empty());
  // Ten words of 10 on a 46 measure: 4, 4 and 2 words, exactly. A line more can only be
  // 3 + 3 + 3 + 1 (a line of one or two words stretches past any tolerance under 10000), its
  // spaces stretched from 2 to 8 pt (ratio 2, badness 800): over a tolerance of 400, none.
  auto ten = words({10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, Node::Glue(2, 3, 0.5));
  EXPECT_EQ(break_lines(ten, p).breaks.size(), 3u);
  EXPECT_TRUE(break_lines_loose(ten, p, 0).breaks.empty());
  EXPECT_TRUE(break_lines_loose(ten, p, 1).breaks.empty());
  // At 1000 it is found, unless the spaces may not pass 7 pt.
  p.tolerance = 1000;
  EXPECT_EQ(break_lines_loose(ten, p, 1).breaks.size(), 4u);
  EXPECT_EQ(break_lines_loose(ten, p, 1, {8.5}).breaks.size(), 4u);
  EXPECT_TRUE(break_lines_loose(ten, p, 1, {7}).breaks.empty());
}

TEST(Looseness, AStrainedSettingRanksLastAndHasItsOwnWidestSpace) {
  // The ten words again at tolerance 400: the line more needs ratio 2 (badness 800).
  auto ten = words({10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, Node::Glue(2, 3, 0.5));
  BreakParams p;
  p.line_width = 46;
  p.tolerance = 400;
  // Strained past the tolerance, to 1000: found, its spaces 8 pt wide.
  BreakResult r = break_lines_loose(ten, p, 1, {10, 1000, 8.5});
  ASSERT_EQ(r.breaks.size(), 4u);
  EXPECT_EQ(r.pass, 2);
  EXPECT_GE(r.demerits, kStrainedLooseDemerits);
  EXPECT_TRUE(break_lines_loose(ten, p, 1, {10, 1000, 7}).breaks.empty());
  // With 6 pt of emergency stretch: ratio 1 (badness 100) at the tolerance, its spaces still
  // drawn 8 pt wide, and strained too.
  p.emergency_stretch = 6;
  r = break_lines_loose(ten, p, 1, {10, 0, 0, 8.5});
  ASSERT_EQ(r.breaks.size(), 4u);
  EXPECT_EQ(r.pass, 3);
  EXPECT_GE(r.demerits, kStrainedLooseDemerits);
  // Its own limit, not the tolerance's.
  EXPECT_TRUE(break_lines_loose(ten, p, 1, {10, 0, 0, 7}).breaks.empty());
}

TEST(Looseness, ARuntIsNeverTheLooserSetting) {
  // Five words of 20 on a 64 measure: three words and two. Three lines of them: any of 2 + 2
  // + 1, 1 + 2 + 2, 2 + 1 + 2 ... at this tolerance; where runts cost demerits, never a last
  // line of one word (the break before the fifth word, glue 7).
  auto nodes = words({20, 20, 20, 20, 20});
  BreakParams p;
  p.line_width = 64;
  p.tolerance = 10000;
  p.runt_demerits = 1000;
  ASSERT_EQ(break_lines(nodes, p).breaks.size(), 2u);
  BreakResult r = break_lines_loose(nodes, p, 1);
  ASSERT_EQ(r.breaks.size(), 3u);
  EXPECT_NE(r.breaks[1].node, 7u);
}

}  // namespace
}  // namespace folio::typeset
