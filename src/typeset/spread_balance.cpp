// Balanced spreads: a paragraph set a line looser or tighter where a section's plan falls short.
#include "typeset/spread_balance.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <tuple>
#include <utility>

#include "typeset/flow_setter.hpp"
#include "typeset/knuth_plass.hpp"

namespace folio::typeset {
namespace {

// Bounded work: the paragraphs looked at for one fault (nearest it first), the variations of
// them planned, and the faults tried in a section.
constexpr std::size_t kParagraphsPerFault = 30;
constexpr std::size_t kPlansPerFault = 6;  // alone; then pairs from the window's pages
constexpr std::size_t kPairsPerFault = 8;
constexpr int kFaultsTried = 24;
// A page counts short, and facing pages uneven, from this much of a body line (what a reader
// sees; fill_page's sums leave hundredths).
constexpr double kVisibleLines = 0.5;
// A space between blocks may grow by up to this much of a body line before a looser or
// tighter paragraph is preferred to it.
constexpr double kMaxSpaceGrowth = 0.5;

// The largest growth of one space on the page [start, cut) when its spaces share `stretch`.
double widest_growth(const std::vector<FlowItem>& flow, std::size_t start, std::size_t cut,
                     double stretch) {
  double total = 0, widest = 0, run = 0;
  bool placed = false;
  for (std::size_t k = start; k < cut && k < flow.size(); ++k) {
    const FlowItem& it = flow[k];
    if (it.kind == FlowItem::space) {
      if (placed) run += it.amount;
      continue;
    }
    if (it.kind != FlowItem::line && it.kind != FlowItem::figure) continue;
    if (placed) {
      total += run;
      widest = std::max(widest, run);
    }
    placed = true;
    run = 0;
  }
  return total > 0 ? widest * stretch / total : 0;
}

// The paragraph whose first line is flow[first]: how many lines it has there.
std::size_t paragraph_length(const std::vector<FlowItem>& flow, std::size_t first) {
  std::size_t n = 0;
  while (first + n < flow.size() && flow[first + n].kind == FlowItem::line &&
         flow[first + n].block == flow[first].block)
    ++n;
  return n;
}

struct Variation {
  std::size_t first;  // the paragraph's first line in the flow
  std::vector<FlowItem> lines;
  double increase;  // demerits over the paragraph as first set
  int looseness;
  std::size_t page;  // the plan's page its first line is on
};

// A line without its glyphs: all the page builder reads of it.
FlowItem bare(const FlowItem& it) {
  FlowItem out;
  out.kind = it.kind;
  out.leading = it.leading;
  out.top = it.top;
  out.block = it.block;
  out.notes = it.notes;
  out.on_grid = it.on_grid;
  out.break_before = it.break_before;
  out.break_cost = it.break_cost;
  out.amount = it.amount;
  out.keep_at_top = it.keep_at_top;
  out.recto = it.recto;
  out.depth = it.depth;
  out.row = it.row;
  out.header = it.header;
  out.figure_box = it.figure_box;
  out.recipe = it.recipe;
  return out;
}

// `flow` with the variations' paragraphs in place of theirs (by their first line, in flow
// order), each without a recipe (varied once at most); `glyphs` false: lines without glyphs.
std::vector<FlowItem> spliced(const std::vector<FlowItem>& flow,
                              const std::vector<const Variation*>& vs, bool glyphs) {
  std::vector<FlowItem> out;
  out.reserve(flow.size() + vs.size());
  std::size_t at = 0;
  for (const Variation* v : vs) {
    out.insert(out.end(), flow.begin() + static_cast<std::ptrdiff_t>(at),
               flow.begin() + static_cast<std::ptrdiff_t>(v->first));
    const std::size_t first = out.size();
    for (const FlowItem& l : v->lines) out.push_back(glyphs ? l : bare(l));
    out[first].recipe.reset();
    at = v->first + paragraph_length(flow, v->first);
  }
  out.insert(out.end(), flow.begin() + static_cast<std::ptrdiff_t>(at), flow.end());
  return out;
}

}  // namespace

PlanFaults plan_faults(const std::vector<FlowItem>& flow, std::size_t begin, bool recto,
                       const std::vector<PageEnd>& plan, double body_leading, int min_last_lines) {
  PlanFaults f;
  bool r = recto;
  std::size_t start = begin;
  for (std::size_t k = 0; k < plan.size(); ++k) {
    const PageEnd& e = plan[k];
    const bool last = k + 1 == plan.size();
    f.long_pages += e.long_page;
    if (!e.final && !last) {
      if (!e.notes && !e.long_page && e.short_lines >= kVisibleLines) {
        ++f.short_pages;
        f.pages.push_back(k);
        f.bar_pages.push_back(k);
      } else if (e.stretch > 0 &&
                 widest_growth(flow, start, e.cut, e.stretch) > kMaxSpaceGrowth * body_leading) {
        ++f.stretched_pages;
        f.pages.push_back(k);
      }
      // A verso and the recto after it, neither the section's last nor ended by a break.
      if (!r && k + 2 < plan.size() && !plan[k + 1].final &&
          std::abs(foot_offset(e) - foot_offset(plan[k + 1])) >= kVisibleLines) {
        ++f.uneven_spreads;
        f.pages.push_back(k);
        f.bar_pages.push_back(k);
      }
    }
    // A section's last page (not its only one, nor one of a note's end alone) too short.
    if (last && k > 0 && e.cut >= flow.size() && e.lines < min_last_lines &&
        !(e.lines == 0 && e.notes)) {
      ++f.runt_pages;
      f.pages.push_back(k);
      f.bar_pages.push_back(k);
    }
    r = e.want_recto || !r;
    start = e.cut;
  }
  std::sort(f.pages.begin(), f.pages.end());
  std::sort(f.bar_pages.begin(), f.bar_pages.end());
  return f;
}

std::vector<PageEnd> balance_spreads(std::vector<FlowItem>& flow, std::size_t begin, bool recto,
                                     const PageFiller& fill, const ParagraphResetter& reset,
                                     const PageCosts& costs, double body_leading,
                                     BalanceStats* stats) {
  // A try's pages from a start past all its variations are the unvaried flow's, `delta` items
  // on: filled once, kept in the unvaried flow's numbering, and shared by every try.
  using Key = std::tuple<std::size_t, NoteCarry, std::size_t>;
  std::map<Key, std::vector<PageEnd>> tails;
  auto shifted = [](std::vector<PageEnd> ends, std::ptrdiff_t delta) {
    for (PageEnd& e : ends) {
      e.cut = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(e.cut) + delta);
      if (e.floats_from != kNoFloat)
        e.floats_from =
            static_cast<std::size_t>(static_cast<std::ptrdiff_t>(e.floats_from) + delta);
    }
    return ends;
  };
  // `f`'s plan from `at`; items from `tail_from` on are the unvaried flow's from
  // `tail_from - delta` on.
  auto plan = [&](const std::vector<FlowItem>& f, const PlanStart& at, std::size_t tail_from,
                  std::ptrdiff_t delta) {
    std::map<Key, std::vector<PageEnd>> memo;
    return plan_pages(
        at.item, f.size(), at.recto, at.carried, at.floats_from,
        [&](std::size_t s, NoteCarry c, std::size_t fl) -> const std::vector<PageEnd>& {
          const Key key{s, c, fl};
          if (auto it = memo.find(key); it != memo.end()) return it->second;
          std::vector<PageEnd> ends;
          if (s >= tail_from && (fl == kNoFloat || fl >= tail_from)) {
            const auto back = [delta](std::size_t i) {
              return i == kNoFloat
                         ? i
                         : static_cast<std::size_t>(static_cast<std::ptrdiff_t>(i) - delta);
            };
            const Key unvaried{back(s), c, back(fl)};
            auto t = tails.find(unvaried);
            if (t == tails.end())
              t = tails.emplace(unvaried, shifted(fill(f, s, c, fl), -delta)).first;
            ends = shifted(t->second, delta);
          } else {
            ends = fill(f, s, c, fl);
          }
          return memo.emplace(key, std::move(ends)).first->second;
        },
        costs);
  };
  std::vector<PageEnd> best_plan = plan(flow, {begin, {}, kNoFloat, recto}, 0, 0);
  PlanFaults faults =
      plan_faults(flow, begin, recto, best_plan, body_leading, costs.last_page_min_lines);
  if (stats) stats->faults_before += faults.count();
  if (faults.count() == 0) return best_plan;
  // Variations are planned on the flow without its glyphs (copied for each try); the flow
  // itself takes only those kept.
  std::vector<FlowItem> lean;
  lean.reserve(flow.size());
  for (const FlowItem& it : flow) lean.push_back(bare(it));
  // A paragraph's settings a line looser (+1) and tighter (-1), set once each (kept without
  // their glyphs: a long section sets hundreds).
  std::map<std::pair<const ParagraphRecipe*, int>, std::pair<std::vector<FlowItem>, double>> set;
  std::size_t next_page = 0;  // faults on earlier pages were given up
  for (int tried = 0; tried < kFaultsTried && faults.count() > 0; ++tried) {
    auto fault = std::lower_bound(faults.pages.begin(), faults.pages.end(), next_page);
    if (fault == faults.pages.end()) break;
    const std::size_t page = *fault;
    // The pages around the fault's spread: a paragraph four pages away may be what lets the
    // spread run long as a pair, or what moves a line the spread lacks (Dracula needs both).
    const std::size_t from_page = page >= 4 ? page - 4 : 0;
    const std::size_t to_page = std::min(page + 4, best_plan.size() - 1);
    const std::size_t lo = from_page == 0 ? begin : best_plan[from_page - 1].cut;
    // Variations change nothing before `lo`: the plan's pages before the window are kept and
    // only the rest of the section is planned again, from where they leave it.
    PlanStart at{begin, {}, kNoFloat, recto};
    for (std::size_t k = 0; k < from_page; ++k) {
      at.item = best_plan[k].cut;
      at.carried = best_plan[k].carry;
      at.floats_from = best_plan[k].floats_from;
      at.recto = best_plan[k].want_recto || !at.recto;
    }
    const std::size_t hi = best_plan[to_page].cut;
    // A stretched space alone is mended by a paragraph within the tolerance, alone; a short
    // page, an uneven spread or a runt last page by any, strained or in pairs (the work goes
    // where the bar is).
    const bool bar_fault =
        std::binary_search(faults.bar_pages.begin(), faults.bar_pages.end(), page);
    // The window's paragraphs nearest the fault's spread first: in a play a page holds twenty
    // speeches, and those far from the fault seldom move its lines.
    const std::size_t near_from = page == 0 ? begin : best_plan[page - 1].cut;
    const std::size_t near_to = best_plan[std::min(page + 1, best_plan.size() - 1)].cut;
    std::vector<std::size_t> firsts;
    for (std::size_t k = lo; k < std::min(hi, lean.size()); ++k)
      if (lean[k].kind == FlowItem::line && lean[k].recipe) firsts.push_back(k);
    const auto distance = [&](std::size_t k) {
      return k < near_from ? near_from - k : k >= near_to ? k - near_to + 1 : 0;
    };
    std::stable_sort(firsts.begin(), firsts.end(),
                     [&](std::size_t a, std::size_t b) { return distance(a) < distance(b); });
    if (firsts.size() > kParagraphsPerFault) firsts.resize(kParagraphsPerFault);
    std::sort(firsts.begin(), firsts.end(), std::greater<>());
    std::vector<Variation> variations;
    for (std::size_t k : firsts) {
      const FlowItem& it = lean[k];
      for (int looseness : {1, -1}) {
        auto key = std::make_pair(it.recipe.get(), looseness);
        auto found = set.find(key);
        if (found == set.end()) {
          double demerits = 0;
          std::vector<FlowItem> lines = reset(*it.recipe, looseness, demerits);
          for (FlowItem& l : lines) l = bare(l);  // set again with glyphs if kept
          if (stats) ++stats->paragraphs_set;
          found = set.emplace(key, std::make_pair(std::move(lines), demerits)).first;
        }
        if (found->second.first.empty()) continue;
        if (!bar_fault && found->second.second >= kStrainedLooseDemerits / 2) continue;
        std::size_t on = from_page;
        while (on < to_page && best_plan[on].cut <= k) ++on;
        variations.push_back(
            {k, found->second.first, found->second.second - it.recipe->demerits, looseness, on});
      }
    }
    std::stable_sort(
        variations.begin(), variations.end(),
        [](const Variation& a, const Variation& b) { return a.increase < b.increase; });
    // For pairs: the cheapest variation of each sense on each page.
    std::vector<const Variation*> cheapest;
    for (const Variation& v : variations)
      if (std::none_of(cheapest.begin(), cheapest.end(), [&](const Variation* c) {
            return c->page == v.page && c->looseness == v.looseness;
          }))
        cheapest.push_back(&v);
    std::vector<std::vector<const Variation*>> pairs;
    for (std::size_t a = 0; a < cheapest.size(); ++a)
      for (std::size_t b = a + 1; b < cheapest.size(); ++b)
        if (cheapest[a]->page != cheapest[b]->page &&
            cheapest[a]->looseness == cheapest[b]->looseness)
          pairs.push_back({cheapest[a], cheapest[b]});
    // The cheapest pairs only (a window of nine pages gives dozens, each a plan).
    std::stable_sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) {
      return x[0]->increase + x[1]->increase < y[0]->increase + y[1]->increase;
    });
    if (pairs.size() > kPairsPerFault || !bar_fault) pairs.resize(bar_fault ? kPairsPerFault : 0);
    std::vector<std::vector<const Variation*>> tries;
    for (std::size_t k = 0; k < variations.size() && k < kPlansPerFault; ++k)
      tries.push_back({&variations[k]});
    // The variation that leaves fewest faults, then costs least (its plan, its demerits).
    std::tuple<int, double> best_score{faults.count(), 0};
    std::vector<FlowItem> best_flow;
    std::vector<const Variation*> best_tried;
    std::vector<PageEnd> best_variation_plan;
    PlanFaults best_faults;
    // One variation, else two on different pages, both a line longer or both shorter (a
    // spread short on both pages wants a line on each).
    const std::size_t singles = tries.size();
    tries.insert(tries.end(), pairs.begin(), pairs.end());
    for (std::size_t t = 0; t < tries.size(); ++t) {
      // One paragraph did it (pairs are tried still when it made pages run long).
      if (t == singles && !best_flow.empty() && best_faults.long_pages <= faults.long_pages) break;
      std::vector<const Variation*> vs = tries[t];
      std::sort(vs.begin(), vs.end(),
                [](const Variation* a, const Variation* b) { return a->first < b->first; });
      std::vector<FlowItem> trial = spliced(lean, vs, false);
      double increase = 0;
      for (const Variation* v : vs) increase += v->increase;
      std::vector<PageEnd> p(best_plan.begin(),
                             best_plan.begin() + static_cast<std::ptrdiff_t>(from_page));
      // Where the last variation ends in the try, and how far it moved what follows.
      std::ptrdiff_t delta = 0;
      for (const Variation* v : vs)
        delta += static_cast<std::ptrdiff_t>(v->lines.size()) -
                 static_cast<std::ptrdiff_t>(paragraph_length(lean, v->first));
      const std::size_t tail_from = static_cast<std::size_t>(
          static_cast<std::ptrdiff_t>(vs.back()->first + paragraph_length(lean, vs.back()->first)) +
          delta);
      std::vector<PageEnd> rest = plan(trial, at, tail_from, delta);
      p.insert(p.end(), rest.begin(), rest.end());
      if (stats) ++stats->plans;
      PlanFaults pf = plan_faults(trial, begin, recto, p, body_leading, costs.last_page_min_lines);
      std::tuple<int, double> score{pf.count(),
                                    plan_cost(p, trial.size(), recto, costs) + increase};
      // Fewer faults (long pages are no fault: a spread runs long as a pair). A paragraph
      // set strained (break_lines_loose) must mend a short page, an uneven spread or a runt, not a
      // stretched space alone nor by trading one for it: its loose lines are the worse fault.
      const bool strained = std::any_of(vs.begin(), vs.end(), [](const Variation* v) {
        return v->increase >= kStrainedLooseDemerits / 2;
      });
      const bool mends = pf.count() < faults.count() && (!strained || pf.bar() < faults.bar());
      if (mends && (best_flow.empty() || score < best_score)) {
        best_score = score;
        best_flow = std::move(trial);
        best_tried = vs;
        best_variation_plan = std::move(p);
        best_faults = std::move(pf);
      }
    }
    if (best_flow.empty()) {
      next_page = page + 1;
      continue;
    }
    // The kept paragraphs set again, with their glyphs, for the flow itself.
    std::vector<Variation> kept;
    for (const Variation* v : best_tried) {
      double demerits = 0;
      kept.push_back({v->first, reset(*flow[v->first].recipe, v->looseness, demerits), v->increase,
                      v->looseness, v->page});
    }
    std::vector<const Variation*> in_order;
    for (const Variation& v : kept) in_order.push_back(&v);
    flow = spliced(flow, in_order, true);
    lean = std::move(best_flow);
    tails.clear();  // the unvaried flow is now the kept one
    best_plan = std::move(best_variation_plan);
    faults = std::move(best_faults);
    if (stats) ++stats->kept;
  }
  if (stats) stats->faults_after += faults.count();
  return best_plan;
}

}  // namespace folio::typeset
