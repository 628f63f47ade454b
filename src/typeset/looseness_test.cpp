// TeX's \looseness in the line breaker: a line more or fewer, of least demerits, or none.
#include <gtest/gtest.h>

#include <cmath>

#include "typeset/knuth_plass.hpp"

namespace folio::typeset {
namespace {

// Words of the given widths separated by glue (w 2, stretch 1, shrink 0.5 unless said),
// TeX-terminated.
std::vector<Node> words(const std::vector<double>& widths, Node glue = Node::Glue(2, 1, 0.5)) {
  std::vector<Node> n;
  for (std::size_t i = 0; i < widths.size(); ++i) {
    if (i) n.push_back(glue);
    n.push_back(Node::Box(widths[i]));
  }
  n.push_back(Node::Penalty(0, kInfPenalty));
  n.push_back(Node::Glue(0, kFil, 0));
  n.push_back(Node::Penalty(0, -kInfPenalty));
  return n;
}

// TeX's demerits of a set of breaks (glue indices and the final penalty), or -1 when a line
// is over the tolerance or overfull.
double demerits_of(const std::vector<Node>& n, const std::vector<std::size_t>& breaks,
                   const BreakParams& p) {
  double total = 0;
  std::size_t from = 0;
  int prev_fit = 1;
  for (std::size_t b : breaks) {
    double w = 0, st = 0, sh = 0;
    for (std::size_t i = from; i < b; ++i) {
      w += n[i].kind == Node::penalty ? 0 : n[i].width;
      st += n[i].kind == Node::glue ? n[i].stretch : 0;
      sh += n[i].kind == Node::glue ? n[i].shrink : 0;
    }
    double r = w < p.line_width ? (p.line_width - w) / st
                                : (w > p.line_width ? (p.line_width - w) / sh : 0);
    if (r < -1) return -1;
    double bad = badness(r);
    if (bad > p.tolerance) return -1;
    double d = (p.line_penalty + bad) * (p.line_penalty + bad);
    int fit = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
    if (std::abs(fit - prev_fit) > 1) d += p.adj_demerits;
    prev_fit = fit;
    total += d;
    from = b + 1;
  }
  return total;
}

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
      for (unsigned mask = 0; mask < (1u << glues.size()); ++mask) {
        std::vector<std::size_t> br;
        for (std::size_t g = 0; g < glues.size(); ++g)
          if (mask & (1u << g)) br.push_back(glues[g]);
        br.push_back(nodes.size() - 1);
        if (static_cast<int>(br.size()) != static_cast<int>(lines) + looseness) continue;
        double d = demerits_of(nodes, br, p);
        if (d >= 0 && (best < 0 || d < best)) best = d;
      }
      BreakResult r = break_lines_loose(nodes, p, looseness);
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
