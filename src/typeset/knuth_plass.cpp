// The Knuth–Plass algorithm with running sums instead of delta nodes (tex.web §813–§890).
#include "typeset/knuth_plass.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace folio::typeset {
namespace {

constexpr double kAwful = std::numeric_limits<double>::infinity();
constexpr int kInfBad = 10000;

struct Sums {
  double width = 0, stretch = 0, shrink = 0;
};

struct Candidate {
  std::size_t position;  // node index broken at (SIZE_MAX: paragraph start)
  int line;              // lines before this break
  int fitness;           // 0 tight, 1 decent, 2 loose, 3 very loose
  int ladder;            // hyphenated lines in a row ending here (0 when this one is not)
  double total_demerits;
  Sums after;         // sums at the first box after the break
  double post_width;  // extra width at the start of the next line
  bool flagged;
  double ratio;          // ratio of the line ending here
  std::size_t previous;  // index in the pass's pool (kNone: none)
};

constexpr std::size_t kNone = SIZE_MAX;

// A pass's candidates live in one pool and point back by index: a paragraph makes thousands,
// and one allocation each was a tenth of the breaker's time.
struct Pass {
  std::vector<Candidate> pool;
  std::size_t best = kNone;  // the best final candidate; kNone when the active list emptied
};

int fitness_of(double r) {
  if (r < -0.5) return 0;
  if (r <= 0.5) return 1;
  if (r <= 1) return 2;
  return 3;
}

bool usable(const Node& n, int pass) {
  if (n.kind != Node::penalty) return true;
  if (n.level == Node::hyphenation) return pass >= 2;
  if (n.level == Node::emergency) return pass >= 4;
  return true;
}

// One pass; its best final candidate is kNone when the active list emptied. `want_lines` > 0
// (break_lines_loose): candidates of different line counts are kept apart, as TeX does with
// \looseness, and only a final one of that many lines (not a single-word last line, where
// runts cost demerits) is made.
Pass run_pass(const std::vector<Node>& nodes, const BreakParams& p, int pass, double threshold,
              const std::vector<Sums>& sums, int want_lines = 0) {
  double background_stretch = p.line_stretch + (pass >= 3 ? p.emergency_stretch : 0);
  bool final_pass = pass >= 4;

  // The sums at the first box after a break at i: glue and penalties there are discarded.
  auto sums_after = [&](std::size_t i) {
    std::size_t j = i;
    while (j < nodes.size() && nodes[j].kind != Node::box &&
           !(j > i && nodes[j].kind == Node::penalty && nodes[j].cost <= -kInfPenalty))
      ++j;
    return sums[j];
  };

  // Hyphen-ladder lengths are told apart up to the limit (at least 2, as always before: the
  // state then stays the same for the limits 0 to 2). Capping it at 2 made a limit of 3 or
  // more no limit at all.
  const int ladder_cap = std::max(2, std::min(p.max_hyphen_ladder, 64));
  const int ladders = ladder_cap + 1;
  const int classes = 4 * ladders;
  std::vector<Candidate> best(static_cast<std::size_t>(classes));
  std::vector<double> best_demerits(static_cast<std::size_t>(classes));

  Pass out;
  std::vector<Candidate>& pool = out.pool;
  std::vector<std::size_t> active;
  // A hang into the margin makes the line that much wider: it counts as negative width.
  pool.push_back(Candidate{SIZE_MAX, 0, 1, 0, 0, sums[0], -p.start_hang, false, 0, kNone});
  active.push_back(0);

  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const Node& n = nodes[i];
    bool legal = false;
    if (n.kind == Node::penalty) {
      legal = n.cost < kInfPenalty && usable(n, pass);
    } else if (n.kind == Node::glue) {
      legal = i > 0 && nodes[i - 1].kind == Node::box;
    }
    if (!legal) continue;

    bool forced = n.kind == Node::penalty && n.cost <= -kInfPenalty;
    double pen = n.kind == Node::penalty ? n.cost : 0;
    double break_width = (n.kind == Node::penalty ? n.width : 0) - n.hang;
    bool flagged = n.kind == Node::penalty && n.flagged;

    // Best new candidate per fitness class and hyphen-ladder length (the ladder limit
    // makes the ladder part of the state, so the optimum stays exact).
    int first_line = 0;  // with want_lines: the fewest lines before an active candidate
    if (want_lines > 0) {
      int last_line = 0;
      first_line = std::numeric_limits<int>::max();
      for (std::size_t k : active) {
        first_line = std::min(first_line, pool[k].line);
        last_line = std::max(last_line, pool[k].line);
      }
      auto span = static_cast<std::size_t>(last_line - first_line + 1);
      best.resize(static_cast<std::size_t>(classes) * span);
      best_demerits.resize(best.size());
    }
    std::fill(best_demerits.begin(), best_demerits.end(), kAwful);
    double min_demerits = kAwful;  // stays kAwful until some class has a candidate

    for (std::size_t a = 0; a < active.size();) {
      const Candidate& c = pool[active[a]];
      double width = sums[i].width - c.after.width + break_width + c.post_width;
      double stretch = sums[i].stretch - c.after.stretch + background_stretch;
      double shrink = sums[i].shrink - c.after.shrink;
      double r;
      if (width < p.line_width) {
        r = stretch > 0 ? (p.line_width - width) / stretch : kAwful;
      } else if (width > p.line_width) {
        r = shrink > 0 ? (p.line_width - width) / shrink : -kAwful;
      } else {
        r = 0;
      }
      double b = r < -1 ? kInfBad + 1 : std::min<double>(badness(r), kInfBad);
      if (std::isinf(r) && r > 0) b = kInfBad;

      bool deactivate = r < -1 || forced;
      bool no_candidate_yet = min_demerits == kAwful;
      int ladder = flagged ? std::min(c.ladder + 1, ladder_cap) : 0;
      bool too_many_hyphens = flagged && p.max_hyphen_ladder > 0 && c.ladder >= p.max_hyphen_ladder;
      // TeX §854: in the final pass the last active node may not vanish without a break.
      // Only a box wider than the measure gets here, since emergency points split words.
      bool artificial = r < -1 && final_pass && active.size() == 1 && no_candidate_yet;
      // break_lines_loose: not past the lines wanted, and not ending on a single-word line.
      bool unwanted = want_lines > 0 && (c.line >= want_lines ||
                                         (p.runt_demerits > 0 && forced && i + 1 == nodes.size() &&
                                          sums[i].stretch - c.after.stretch - kFil < 1e-9));
      if (((r >= -1 && b <= threshold && (!too_many_hyphens || final_pass)) || artificial) &&
          !unwanted) {
        double d;
        if (artificial) {
          d = 0;
        } else {
          double base = p.line_penalty + b;
          d = base * base;
          if (pen > 0)
            d += pen * pen;
          else if (pen > -kInfPenalty)
            d -= pen * pen;
          if (flagged && c.flagged) d += p.double_hyphen_demerits;
          if (forced && c.flagged) d += p.final_hyphen_demerits;
          // A last line without interword glue holds one word: a runt.
          if (forced && i + 1 == nodes.size() && sums[i].stretch - c.after.stretch - kFil < 1e-9)
            d += p.runt_demerits;
          if (too_many_hyphens) d += 1e9;
        }
        int fit = std::isinf(r) ? 3 : fitness_of(r);
        if (std::abs(fit - c.fitness) > 1) d += p.adj_demerits;
        d += c.total_demerits;
        auto cls = static_cast<std::size_t>(fit * ladders + ladder +
                                            (want_lines > 0 ? (c.line - first_line) * classes : 0));
        if (d < best_demerits[cls]) {
          best_demerits[cls] = d;
          best[cls] = Candidate{
              i, c.line + 1, fit, ladder, d, {}, 0, flagged, std::isinf(r) ? 0 : r, active[a]};
          min_demerits = std::min(min_demerits, d);
        }
      }
      if (deactivate) {
        active.erase(active.begin() + static_cast<std::ptrdiff_t>(a));
      } else {
        ++a;
      }
    }
    if (min_demerits < kAwful) {
      Sums after = sums_after(i);
      for (std::size_t cls = 0; cls < best.size(); ++cls) {
        if (best_demerits[cls] == kAwful) continue;
        Candidate& cand = best[cls];
        cand.after = after;
        // A penalty's width is not part of the next line; sums_after starts at sums[i].
        cand.post_width = (n.kind == Node::penalty ? n.post_width : 0) - n.next_hang;
        active.push_back(pool.size());
        pool.push_back(cand);
      }
    }
    // No candidate is left to start a line from: no later break can be reached.
    if (active.empty()) return out;
    if (forced && i + 1 == nodes.size()) {
      for (std::size_t k : active)
        if (pool[k].position == i && (want_lines == 0 || pool[k].line == want_lines) &&
            (out.best == kNone || pool[k].total_demerits < pool[out.best].total_demerits))
          out.best = k;
      return out;
    }
  }
  return out;
}

}  // namespace

double badness(double ratio) {
  double r = std::abs(ratio);
  if (r > 4.65) return kInfBad;  // 100·4.65³ ≈ 10054
  return std::min<double>(100 * r * r * r, kInfBad);
}

namespace {

// sums[i]: totals of nodes [0, i) (glue widths, stretch, shrink and box widths).
std::vector<Sums> prefix_sums(const std::vector<Node>& nodes) {
  std::vector<Sums> sums(nodes.size() + 1);
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    sums[i + 1] = sums[i];
    const Node& n = nodes[i];
    if (n.kind == Node::box || n.kind == Node::glue) sums[i + 1].width += n.width;
    if (n.kind == Node::glue) {
      sums[i + 1].stretch += n.stretch;
      sums[i + 1].shrink += n.shrink;
    }
  }
  return sums;
}

// The breaks of a pass's best final candidate, in order.
void collect_breaks(const Pass& pass, BreakResult& result) {
  if (pass.best != kNone) result.demerits = pass.pool[pass.best].total_demerits;
  for (std::size_t c = pass.best; c != kNone && pass.pool[c].position != SIZE_MAX;
       c = pass.pool[c].previous)
    result.breaks.push_back({pass.pool[c].position, pass.pool[c].ratio, pass.pool[c].flagged});
  std::reverse(result.breaks.begin(), result.breaks.end());
}

// The widest interword space of the breaking (glue at its adjusted width; the last line's
// fill glue aside). A line's `background` stretch (emergency stretch) is not drawn: its
// spaces take all of it.
double widest_space(const std::vector<Node>& nodes, const std::vector<Break>& breaks,
                    double background) {
  double widest = 0;
  std::size_t from = 0;
  for (const Break& b : breaks) {
    double stretch = 0;
    for (std::size_t i = from; i < b.node; ++i)
      if (nodes[i].kind == Node::glue && nodes[i].stretch < kFil) stretch += nodes[i].stretch;
    double r = b.ratio > 0 && stretch > 0 ? b.ratio * (stretch + background) / stretch : b.ratio;
    for (std::size_t i = from; i < b.node; ++i) {
      const Node& n = nodes[i];
      if (n.kind != Node::glue || n.stretch >= kFil || i == from) continue;
      widest = std::max(widest, n.width + (r >= 0 ? r * n.stretch : r * n.shrink));
    }
    from = b.node + 1;
  }
  return widest;
}

}  // namespace

BreakResult break_lines(const std::vector<Node>& nodes, const BreakParams& params) {
  const std::vector<Sums> sums = prefix_sums(nodes);
  BreakResult result;
  Pass last;
  struct PassSpec {
    int pass;
    double threshold;
  };
  std::vector<PassSpec> passes;
  if (params.pretolerance >= 0) passes.push_back({1, params.pretolerance});
  passes.push_back({2, params.tolerance});
  if (params.emergency_stretch > 0) passes.push_back({3, params.tolerance});
  // The final pass accepts any line that is not overfull, however loose.
  passes.push_back({4, kAwful});
  for (std::size_t k = 0; k < passes.size(); ++k) {
    last = run_pass(nodes, params, passes[k].pass, passes[k].threshold, sums);
    result.pass = passes[k].pass;
    if (last.best == kNone) continue;
    // A runt the first pass could not avoid may go once hyphenation is allowed: try the
    // next pass and keep the cheaper paragraph.
    const Candidate& end = last.pool[last.best];
    bool runt = params.runt_demerits > 0 && end.previous != kNone &&
                sums[end.position].stretch - last.pool[end.previous].after.stretch - kFil < 1e-9;
    if (runt && passes[k].pass == 1 && k + 1 < passes.size()) {
      Pass second = run_pass(nodes, params, passes[k + 1].pass, passes[k + 1].threshold, sums);
      if (second.best != kNone && second.pool[second.best].total_demerits < end.total_demerits) {
        last = std::move(second);
        result.pass = passes[k + 1].pass;
      }
    }
    break;
  }
  collect_breaks(last, result);
  return result;
}

BreakResult break_lines_loose(const std::vector<Node>& nodes, const BreakParams& params,
                              int looseness, const LooseLimits& limits, int usual_lines) {
  BreakResult out;
  if (looseness == 0) return out;
  if (usual_lines <= 0) {
    const BreakResult usual = break_lines(nodes, params);
    // A paragraph only the final pass could break has no looser or tighter setting to give.
    if (usual.pass >= 4 || usual.breaks.empty()) return out;
    usual_lines = static_cast<int>(usual.breaks.size());
  }
  const int want = usual_lines + looseness;
  if (want < 1) return out;
  const std::vector<Sums> sums = prefix_sums(nodes);
  // The tolerance pass sees every break the first one does, and hyphens; then, strained,
  // emergency stretch as TeX's third pass, and the tolerance pass past the tolerance.
  struct Try {
    int pass;
    double tolerance, max_gap;
    bool strained;
  };
  std::vector<Try> tries{{2, params.tolerance, limits.max_gap, false}};
  if (params.emergency_stretch > 0)
    tries.push_back({3, params.tolerance, limits.max_emergency_gap, true});
  if (limits.strained_tolerance > params.tolerance)
    tries.push_back({2, limits.strained_tolerance, limits.max_strained_gap, true});
  for (const Try& t : tries) {
    Pass p = run_pass(nodes, params, t.pass, t.tolerance, sums, want);
    if (p.best == kNone) continue;
    BreakResult r;
    r.pass = t.pass;
    collect_breaks(p, r);
    double background = params.line_stretch + (t.pass >= 3 ? params.emergency_stretch : 0);
    if (t.max_gap > 0 && widest_space(nodes, r.breaks, background) > t.max_gap + 1e-9) continue;
    // A strained setting ranks after every other (the page make-up takes the variation of
    // least demerits): its lines are looser than its demerits say.
    if (t.strained) r.demerits += kStrainedLooseDemerits;
    return r;
  }
  return out;
}

}  // namespace folio::typeset
