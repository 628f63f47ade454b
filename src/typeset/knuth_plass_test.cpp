// Known-answer tests for the Knuth–Plass line breaker on hand-built node lists.
#include "typeset/knuth_plass.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/support/node_lists.hpp"

namespace folio::typeset {
namespace {

using test_support::break_sets;
using test_support::demerits_of;
using test_support::fitness_class;
using test_support::line_ratio;
using test_support::words;

TEST(KnuthPlass, ExactFitLinesHaveZeroRatio) {
  // 4 words of 10 + 3 gaps of 2 = 46: three lines of 4, 4 and 2 words.
  auto nodes = words({10, 10, 10, 10, 10, 10, 10, 10, 10, 10});
  BreakParams p;
  p.line_width = 46;
  BreakResult r = break_lines(nodes, p);
  ASSERT_EQ(r.breaks.size(), 3u);
  EXPECT_EQ(r.breaks[0].node, 7u);   // the glue after the 4th box
  EXPECT_EQ(r.breaks[1].node, 15u);  // after the 8th
  EXPECT_EQ(r.breaks[2].node, nodes.size() - 1);
  EXPECT_DOUBLE_EQ(r.breaks[0].ratio, 0);
  EXPECT_DOUBLE_EQ(r.breaks[1].ratio, 0);
  EXPECT_EQ(r.pass, 1);
}

TEST(KnuthPlass, FindsTheMinimumDemeritsOfAllBreakSets) {
  auto nodes = words({10, 14, 6, 11, 9, 12, 7, 13, 10, 5, 12, 8, 9});
  std::vector<std::size_t> glues;
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].kind == Node::glue && nodes[i].stretch < kFil) glues.push_back(i);
  int feasible_widths = 0;
  for (double width = 30; width <= 70; width += 1) {
    BreakParams p;
    p.line_width = width;
    p.pretolerance = -1;
    p.tolerance = 400;
    double best = -1;
    for (const std::vector<std::size_t>& br : break_sets(glues, nodes.size() - 1)) {
      double d = demerits_of(nodes, br, p);
      if (d >= 0 && (best < 0 || d < best)) best = d;
    }
    if (best < 0) continue;
    ++feasible_widths;
    BreakResult r = break_lines(nodes, p);
    EXPECT_EQ(r.pass, 2) << "width " << width;
    std::vector<std::size_t> ours;
    for (const auto& b : r.breaks) ours.push_back(b.node);
    EXPECT_DOUBLE_EQ(demerits_of(nodes, ours, p), best) << "width " << width;
  }
  EXPECT_GE(feasible_widths, 5);
}

TEST(KnuthPlass, ShrinksRatherThanOverflows) {
  // 3 words of 10 + 2 gaps = 34 on a 33 measure: shrink by 1 of 1 available (ratio -1).
  auto nodes = words({10, 10, 10});
  BreakParams p;
  p.line_width = 33;
  BreakResult r = break_lines(nodes, p);
  ASSERT_EQ(r.breaks.size(), 1u);
  // The last line is broken at the final penalty: parfillskip cannot shrink, so the line
  // must shrink its two gaps by 0.5 each.
  EXPECT_DOUBLE_EQ(r.breaks[0].ratio, -1);
}

TEST(KnuthPlass, UsesHyphenationOnlyAfterTheFirstPass) {
  // "aaaa-bbbb" can break at a discretionary; at a tight tolerance the first pass fails.
  std::vector<Node> n;
  n.push_back(Node::Box(20));
  n.push_back(Node::Glue(2, 1, 0.5));
  n.push_back(Node::Box(10));
  Node hy = Node::Penalty(3, 50, true);
  hy.level = Node::hyphenation;
  n.push_back(hy);
  n.push_back(Node::Box(10));
  n.push_back(Node::Penalty(0, kInfPenalty));
  n.push_back(Node::Glue(0, kFil, 0));
  n.push_back(Node::Penalty(0, -kInfPenalty));
  BreakParams p;
  p.line_width = 35;  // 20 + 2 + 10 + 3 = 35 exactly with the hyphen
  p.tolerance = 100;
  BreakResult r = break_lines(n, p);
  ASSERT_EQ(r.breaks.size(), 2u);
  EXPECT_EQ(r.breaks[0].node, 3u);
  EXPECT_TRUE(r.breaks[0].flagged);
  EXPECT_EQ(r.pass, 2);
}

TEST(KnuthPlass, FinalPassAcceptsUnderfullLinesNeverOverfull) {
  // A word barely fits alone: the line before it must be underfull, not overfull.
  auto nodes = words({30, 45});
  BreakParams p;
  p.line_width = 50;
  BreakResult r = break_lines(nodes, p);
  ASSERT_EQ(r.breaks.size(), 2u);
  EXPECT_EQ(r.pass, 4);
  EXPECT_GE(r.breaks[0].ratio, 0);  // a lone word: underfull, set at its natural width
}

// Nine words of 4 and one of 20 (gaps 2, stretch 1, shrink 0.5): nine on a line are 52 wide
// (stretch 8, shrink 4), eight are 46 (stretch 7). Breaking after the ninth leaves the long
// tenth word alone on the last line.
std::vector<Node> runt_prone() {
  std::vector<double> widths(9, 4);
  widths.push_back(20);
  return words(widths);
}
constexpr std::size_t kAfterNinth = 17, kAfterEighth = 15;  // the glue after box 8 and box 7

TEST(KnuthPlass, RuntDemeritsTakeAWordInWhenItCostsLittle) {
  auto nodes = runt_prone();
  BreakParams p;
  p.line_width = 50.5;  // nine words shrink by 1.5 (badness 5), eight stretch by 4.5 (27)
  p.runt_demerits = 0;
  BreakResult plain = break_lines(nodes, p);
  ASSERT_EQ(plain.breaks.size(), 2u);
  EXPECT_EQ(plain.breaks[0].node, kAfterNinth);  // the long word alone
  p.runt_demerits = 150000;
  BreakResult r = break_lines(nodes, p);
  ASSERT_EQ(r.breaks.size(), 2u);
  EXPECT_EQ(r.breaks[0].node, kAfterEighth);  // two words end the paragraph
  EXPECT_EQ(r.pass, 1);
  EXPECT_LT(badness(r.breaks[0].ratio), 30);
  // Within the tolerance a dearer line still pays: on 54, eight words stretch 1.14
  // (badness 149, past the first pass) rather than leave the runt of nine (0.25).
  p.line_width = 54;
  p.tolerance = 200;
  r = break_lines(nodes, p);
  ASSERT_EQ(r.breaks.size(), 2u);
  EXPECT_EQ(r.breaks[0].node, kAfterEighth);
  EXPECT_EQ(r.pass, 2);
}

TEST(KnuthPlass, ALargeEmergencyStretchBuysARuntOffWithAFarLooserLine) {
  // On 62, nine words stretch 1.25 (badness 195) and eight 2.29 (1194): nothing within a
  // tolerance of 100, so the emergency pass sets the paragraph. Measured against a large
  // emergency stretch both lines look decent, and the runt demerits buy the line whose spaces
  // are 2.1 times their natural width (in Dracula, under a 3 em emergency stretch, 3.4 times:
  // 0.69 em). A small one keeps the measure honest: the eight-word line stays too loose.
  auto nodes = runt_prone();
  BreakParams p;
  p.line_width = 62;
  p.tolerance = 100;
  p.runt_demerits = 150000;
  p.emergency_stretch = 10;
  BreakResult r = break_lines(nodes, p);
  EXPECT_EQ(r.pass, 3);
  ASSERT_EQ(r.breaks.size(), 2u);
  EXPECT_EQ(r.breaks[0].node, kAfterEighth);
  p.emergency_stretch = 2;
  r = break_lines(nodes, p);
  EXPECT_EQ(r.pass, 3);
  ASSERT_EQ(r.breaks.size(), 2u);
  EXPECT_EQ(r.breaks[0].node, kAfterNinth);
}

TEST(KnuthPlass, Badness) {
  EXPECT_DOUBLE_EQ(badness(0), 0);
  EXPECT_DOUBLE_EQ(badness(1), 100);
  EXPECT_DOUBLE_EQ(badness(-0.5), 12.5);
  EXPECT_DOUBLE_EQ(badness(10), 10000);
}

}  // namespace
}  // namespace folio::typeset

namespace folio::typeset {
namespace {

TEST(KnuthPlass, ForcedBreaksInsideAParagraphAreKept) {
  // "a b \n c d": the forced break must end line 1 and the paragraph must go on.
  std::vector<Node> n = {Node::Box(10),          Node::Glue(2, 1, 0.5),
                         Node::Box(10),          Node::Penalty(0, kInfPenalty),
                         Node::Glue(0, kFil, 0), Node::Penalty(0, -kInfPenalty),
                         Node::Box(10),          Node::Glue(2, 1, 0.5),
                         Node::Box(10),          Node::Penalty(0, kInfPenalty),
                         Node::Glue(0, kFil, 0), Node::Penalty(0, -kInfPenalty)};
  BreakParams p;
  p.line_width = 100;
  BreakResult r = break_lines(n, p);
  ASSERT_EQ(r.breaks.size(), 2u);
  EXPECT_EQ(r.breaks[0].node, 5u);
  EXPECT_EQ(r.breaks[1].node, 11u);
}

}  // namespace
}  // namespace folio::typeset

namespace folio::typeset {
namespace {

// Words of two syllables each ("box hyphen box"), separated by glue (w 2, stretch 1, shrink
// 0.5), TeX-terminated; each hyphen point is a flagged penalty of width 1 and cost `cost`.
std::vector<Node> hyphenated_words(const std::vector<std::pair<double, double>>& syllables,
                                   int cost) {
  std::vector<Node> n;
  for (std::size_t i = 0; i < syllables.size(); ++i) {
    if (i) n.push_back(Node::Glue(2, 1, 0.5));
    n.push_back(Node::Box(syllables[i].first));
    n.push_back(Node::Penalty(1, cost, true));
    n.push_back(Node::Box(syllables[i].second));
  }
  n.push_back(Node::Penalty(0, kInfPenalty));
  n.push_back(Node::Glue(0, kFil, 0));
  n.push_back(Node::Penalty(0, -kInfPenalty));
  return n;
}

// TeX's demerits of a set of breaks (glue or penalty indices, the last the final penalty),
// counting penalties, double and final hyphen demerits; -1 when a line is infeasible or a
// run of more than `ladder` hyphenated lines (0: any) occurs. `longest` gets the longest run.
double demerits_with_hyphens(const std::vector<Node>& n, const std::vector<std::size_t>& breaks,
                             const BreakParams& p, int ladder, int* longest) {
  double total = 0;
  std::size_t from = 0;
  int prev_fit = 1;
  bool prev_flagged = false;
  int run = 0;
  *longest = 0;
  for (std::size_t b : breaks) {
    while (from < b && n[from].kind != Node::box) ++from;  // discarded at a line's start
    double r = line_ratio(n, from, b, n[b].kind == Node::penalty ? n[b].width : 0, p);
    if (r < -1) return -1;
    double bad = badness(r);
    if (bad > p.tolerance) return -1;
    bool flagged = n[b].kind == Node::penalty && n[b].flagged;
    bool last = b + 1 == n.size();
    double d = (p.line_penalty + bad) * (p.line_penalty + bad);
    if (n[b].kind == Node::penalty && !last) d += n[b].cost * n[b].cost;
    if (flagged && prev_flagged) d += p.double_hyphen_demerits;
    if (last && prev_flagged) d += p.final_hyphen_demerits;
    int fit = fitness_class(r);
    if (std::abs(fit - prev_fit) > 1) d += p.adj_demerits;
    run = flagged ? run + 1 : 0;
    *longest = std::max(*longest, run);
    if (ladder > 0 && run > ladder) return -1;
    prev_fit = fit;
    prev_flagged = flagged;
    total += d;
    from = b + 1;
  }
  return total;
}

// The longest run of hyphenated lines in a result.
int longest_ladder(const BreakResult& r) {
  int run = 0, longest = 0;
  for (const Break& b : r.breaks) {
    run = b.flagged ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

// Every feasible set of breaks (each line within the tolerance), found by exhaustive search
// from `from`: calls `f(breaks)` with the final penalty last.
template <typename F>
void each_break_set(const std::vector<Node>& n, const std::vector<std::size_t>& legal,
                    const BreakParams& p, std::size_t from, std::vector<std::size_t>& breaks,
                    F&& f) {
  for (std::size_t b : legal) {
    if (b < from) continue;
    breaks.push_back(b);
    int longest = 0;
    double d = demerits_with_hyphens(n, breaks, p, 0, &longest);
    if (d >= 0) {
      if (b + 1 == n.size())
        f(breaks);
      else
        each_break_set(n, legal, p, b + 1, breaks, f);
    }
    breaks.pop_back();
  }
}

// With free hyphens and no double-hyphen demerits the best paragraph is often a ladder of
// hyphenated lines; every limit from 1 to 4 (the state once stopped counting at 2, so 3 and
// more meant no limit) must give the optimum of the break sets that respect it.
TEST(KnuthPlass, HyphenLadderLimitKeepsTheOptimum) {
  auto nodes = hyphenated_words({{6, 4},
                                 {6, 3},
                                 {2, 4},
                                 {2, 2},
                                 {2, 6},
                                 {6, 2},
                                 {3, 5},
                                 {4, 6},
                                 {4, 3},
                                 {2, 4},
                                 {4, 4},
                                 {3, 5}},
                                0);
  std::vector<std::size_t> legal;
  for (std::size_t i = 0; i + 3 < nodes.size(); ++i)
    if (nodes[i].kind == Node::glue || nodes[i].kind == Node::penalty) legal.push_back(i);
  legal.push_back(nodes.size() - 1);
  constexpr int kMaxLadder = 4;
  int limited[kMaxLadder + 1] = {};  // widths where each limit changed the optimum
  for (double width = 17; width <= 32; width += 1) {
    BreakParams p;
    p.line_width = width;
    p.pretolerance = -1;
    p.tolerance = 9999;
    p.double_hyphen_demerits = 0;
    p.final_hyphen_demerits = 0;
    p.adj_demerits = 0;
    // best[l]: the least demerits with no more than l hyphenated lines in a row (0: any).
    double best[kMaxLadder + 1] = {-1, -1, -1, -1, -1};
    std::vector<std::size_t> breaks;
    each_break_set(nodes, legal, p, 0, breaks, [&](const std::vector<std::size_t>& br) {
      int longest = 0;
      double d = demerits_with_hyphens(nodes, br, p, 0, &longest);
      for (int l = 0; l <= kMaxLadder; ++l)
        if ((l == 0 || longest <= l) && (best[l] < 0 || d < best[l])) best[l] = d;
    });
    for (int ladder = 1; ladder <= kMaxLadder; ++ladder) {
      if (best[ladder] < 0) continue;  // no break set keeps the limit: the final pass's job
      if (best[ladder] > best[0]) ++limited[ladder];
      p.max_hyphen_ladder = ladder;
      BreakResult r = break_lines(nodes, p);
      ASSERT_EQ(r.pass, 2) << "ladder " << ladder << " width " << width;
      EXPECT_LE(longest_ladder(r), ladder) << "ladder " << ladder << " width " << width;
      std::vector<std::size_t> ours;
      for (const auto& b : r.breaks) ours.push_back(b.node);
      int longest = 0;
      EXPECT_DOUBLE_EQ(demerits_with_hyphens(nodes, ours, p, ladder, &longest), best[ladder])
          << "ladder " << ladder << " width " << width;
    }
  }
  // The limits mattered: 3 and 4 as well as 1 and 2.
  for (int ladder = 1; ladder <= kMaxLadder; ++ladder)
    EXPECT_GE(limited[ladder], 1) << "ladder " << ladder;
}

}  // namespace
}  // namespace folio::typeset

namespace folio::typeset {
namespace {

// Optical margin alignment: a break's hang (its line's last glyph protruding) and the next
// line's (its first glyph) widen that line. The breaker must find the optimum of every break
// set measured so, and without hangs the paragraph breaks as before.
TEST(KnuthPlass, HangsWidenTheLinesTheyTouch) {
  auto plain = words({10, 14, 6, 11, 9, 12, 7, 13, 10, 5, 12, 8, 9});
  auto hung = plain;
  std::vector<std::size_t> glues;
  for (std::size_t i = 0; i < hung.size(); ++i)
    if (hung[i].kind == Node::glue && hung[i].stretch < kFil) {
      glues.push_back(i);
      hung[i].hang = glues.size() % 3 == 0 ? 1.5 : glues.size() % 3 == 1 ? 0.8 : 0;
      hung[i].next_hang = glues.size() % 4 == 0 ? 0.9 : 0;
    }
  const double start_hang = 0.6;
  int feasible = 0, changed = 0;
  for (double width = 30; width <= 70; width += 1) {
    BreakParams p;
    p.line_width = width;
    p.pretolerance = -1;
    p.tolerance = 400;
    p.start_hang = start_hang;
    auto demerits = [&](const std::vector<std::size_t>& br) {
      double total = 0;
      std::size_t from = 0;
      int prev_fit = 1;
      double left = start_hang;
      for (std::size_t b : br) {
        double right = b + 1 == hung.size() ? 0 : hung[b].hang;
        double r = line_ratio(hung, from, b, -(left + right), p);
        if (r < -1 || badness(r) > p.tolerance) return -1.0;
        double d = (p.line_penalty + badness(r)) * (p.line_penalty + badness(r));
        int fit = fitness_class(r);
        if (std::abs(fit - prev_fit) > 1) d += p.adj_demerits;
        prev_fit = fit;
        total += d;
        left = hung[b].next_hang;
        from = b + 1;
      }
      return total;
    };
    double best = -1;
    std::vector<std::size_t> best_breaks;
    for (const std::vector<std::size_t>& br : break_sets(glues, hung.size() - 1)) {
      double d = demerits(br);
      if (d >= 0 && (best < 0 || d < best)) {
        best = d;
        best_breaks = br;
      }
    }
    if (best < 0) continue;
    ++feasible;
    BreakResult r = break_lines(hung, p);
    std::vector<std::size_t> ours;
    for (const auto& b : r.breaks) ours.push_back(b.node);
    EXPECT_DOUBLE_EQ(demerits(ours), best) << "width " << width;
    BreakParams flat = p;
    flat.start_hang = 0;
    std::vector<std::size_t> before;
    for (const auto& b : break_lines(plain, flat).breaks) before.push_back(b.node);
    if (before != ours) ++changed;
  }
  EXPECT_GE(feasible, 5);
  EXPECT_GE(changed, 1);  // the hangs mattered somewhere
}

}  // namespace
}  // namespace folio::typeset
