// The page builder: fills a page from a flow, and chooses a section's breaks by cost over it.
#include "typeset/page_builder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include "typeset/figure_box.hpp"

namespace folio::typeset {
namespace {

// A break nothing legal allows, taken only when a page has no other end.
constexpr double kForcedBreak = 1e7;
// A page that holds nothing but the end of a note: only where nothing else can hold it.
constexpr double kNotesAlone = 1e6;
// Short ends further up the page than this many lines are not worth a plan's while.
constexpr double kMaxShortLines = 8;

bool only_breaks_from(const std::vector<FlowItem>& flow, std::size_t k) {
  for (; k < flow.size(); ++k)
    if (flow[k].kind == FlowItem::line || flow[k].kind == FlowItem::figure ||
        (flow[k].kind == FlowItem::space && flow[k].keep_at_top))
      return false;
  return true;
}

void add_notes(std::vector<int>& to, const std::vector<int>& notes) {
  for (int n : notes)
    if (std::find(to.begin(), to.end(), n) == to.end()) to.push_back(n);
}

}  // namespace

PageCosts page_costs(const style::PageMakeup& pm) {
  PageCosts c;
  c.short_page = pm.short_page;
  c.long_page = pm.long_spread;
  c.uneven = pm.uneven_spread;
  c.last_page_min_lines = pm.last_page_min_lines;
  c.runt = pm.runt;
  c.split_note = pm.split_note;
  return c;
}

PageFill fill_page(const std::vector<FlowItem>& flow, std::size_t start, const PageFrame& frame,
                   bool floating, NoteCarry carried, std::size_t floats_from) {
  PageFill fill;
  std::size_t i = start;
  while (i < flow.size() && ((flow[i].kind == FlowItem::space && !flow[i].keep_at_top) ||
                             flow[i].kind == FlowItem::page_break))
    ++i;
  fill.first = i;
  const double lead = frame.body_leading;
  // A long page's room: one body line past the foot (for text: a figure is placed whole
  // where it fits the ordinary page, or floats on).
  const double extra = lead;
  const NoteArea area(frame.note_shapes, frame.notes_overhead, carried);
  std::vector<int> page_notes;
  double pending = 0;
  double stretch = 0;          // how far the spaces between placed items may grow, together
  std::optional<double> prev;  // the last placed item's baseline
  double prev_bottom = 0;      // ... and how far it reaches
  int lines = 0;
  std::optional<std::size_t> first_over;  // the first item past the ordinary foot
  std::size_t floated = kNoFloat;         // the first figure floated on to the next page
  // The end before item `cut`, given what is placed so far.
  auto end_at = [&](std::size_t cut, double penalty) {
    PageEnd e;
    e.cut = cut;
    e.penalty = penalty;
    e.lines = lines;
    e.notes = carried || !page_notes.empty();
    // The notes fill what the text leaves, the last one split if it must; when even its least
    // does not fit, the page runs long.
    std::optional<NoteFit> notes = area.fit(page_notes, frame.bottom - prev_bottom);
    if (!notes) notes = area.fit(page_notes, frame.bottom + lead - prev_bottom);
    double cap = frame.bottom - (notes ? notes->height : area.least_height(page_notes));
    if (notes) e.carry = notes->carry;
    e.floats_from = floated;
    double room = cap - prev_bottom;
    if (room < -0.01) {
      e.long_page = true;
    } else {
      // A full page of body lines leaves this much below its last baseline.
      double full_room = cap > frame.grid_origin ? std::fmod(cap - frame.grid_origin, lead) : 0;
      double lines_short = std::max(0.0, room - full_room) / lead;
      // Whole lines short come out whole, whatever rounding the sums of leadings met.
      if (std::abs(lines_short - std::round(lines_short)) < 0.01)
        lines_short = std::round(lines_short);
      // Spaces between blocks take up what they can of the shortfall (vertical justification).
      e.stretch = std::min(stretch, lines_short * lead);
      e.short_lines = std::max(0.0, lines_short - e.stretch / lead);
      if (e.short_lines < 0.01) e.short_lines = 0;
    }
    return e;
  };
  // A section's last page, or one a page break ends, stands as it falls: no stretch.
  auto as_final = [lead](PageEnd& e) {
    e.final = true;
    e.short_lines += e.stretch / lead;
    e.stretch = 0;
  };
  // Figure k below what the page holds, when it fits or the page is empty; its caption's
  // notes come with it.
  auto place_figure = [&](std::size_t k) {
    const FlowItem& it = flow[k];
    double baseline = prev ? *prev + pending + it.leading : frame.top + pending + it.top;
    std::vector<int> with = page_notes;
    add_notes(with, it.notes);
    if (baseline > frame.bottom - area.least_height(with) + 0.01 && !fill.placed.empty())
      return false;
    if (!fill.placed.empty() && it.break_before && k >= i)
      fill.ends.push_back(end_at(k, it.break_cost));
    if (prev) stretch += pending * frame.space_stretch;
    fill.placed.push_back({k, baseline, prev ? pending : 0});
    // A figure counts as the body lines it stands for (a section's last page with a picture
    // and four lines is no runt).
    lines += std::max(1, static_cast<int>(std::lround(it.figure_box->depth / lead)));
    page_notes = std::move(with);
    prev = baseline;
    prev_bottom = baseline;
    pending = it.figure_box->space_after;
    return true;
  };
  // A full-page figure on an empty page: the page holds it alone, and stands as it falls.
  auto alone = [&](std::size_t k, std::size_t cut) {
    fill.placed.push_back({k, frame.top + flow[k].top});
    ++lines;
    prev_bottom = frame.bottom;
    fill.ends.push_back(end_at(cut, 0));
    as_final(fill.ends.back());
  };
  // The figures floated from the pages before open this one, in order, as many as fit (one
  // never overtakes another: after one that does not, the rest float on too).
  for (std::size_t k = floats_from; k < start && k != kNoFloat; ++k) {
    if (flow[k].kind != FlowItem::figure || floated != kNoFloat) continue;
    if (flow[k].figure_box->full_page && fill.placed.empty()) {
      alone(k, start);
      std::size_t next = k + 1;
      while (next < start && flow[next].kind != FlowItem::figure) ++next;
      fill.ends.back().floats_from = next < start ? next : kNoFloat;
      return fill;
    }
    if (flow[k].figure_box->full_page || !place_figure(k)) floated = k;
  }
  std::size_t j = i;
  for (; j < flow.size(); ++j) {
    const FlowItem& it = flow[j];
    if (it.kind == FlowItem::space) {
      pending += it.amount;
      continue;
    }
    if (it.kind == FlowItem::figure) {
      const FigureBox& box = *it.figure_box;
      if (box.full_page && fill.placed.empty()) {
        alone(j, j + 1);
        return fill;
      }
      // Floating, a figure that does not fit goes to the next page's top and the text goes
      // on past it; after one has, the rest go too.
      if (floating && !fill.placed.empty() && (box.full_page || floated != kNoFloat)) {
        floated = std::min(floated, j);
        continue;
      }
      if (place_figure(j)) continue;
      if (floating) {
        floated = j;
        continue;
      }
      first_over = first_over.value_or(j);
      break;
    }
    if (it.kind == FlowItem::page_break) {
      if (fill.placed.empty()) continue;  // at the top of a page: already made
      bool rest = !only_breaks_from(flow, j + 1);
      fill.ends.push_back(end_at(rest ? j + 1 : flow.size(), 0));
      as_final(fill.ends.back());
      fill.ends.back().want_recto = it.recto && rest;
      fill.ends.back().long_page = false;
      return fill;
    }
    double baseline = prev ? *prev + pending + it.leading : frame.top + pending + it.top;
    if (!prev && it.header) {
      fill.repeat = it.header;
      baseline += it.header->top + it.header->depth;
    }
    if (it.on_grid) {
      // Snap up to the grid (a no-op where pad_to_grid already made the spaces fit).
      double steps = std::ceil((baseline - frame.grid_origin) / lead - 1e-6);
      baseline = frame.grid_origin + std::max(0.0, steps) * lead;
    }
    std::vector<int> with = page_notes;
    add_notes(with, it.notes);
    double cap = frame.bottom - area.least_height(with);
    bool fits = baseline + it.depth <= cap + 0.01;
    if (!fits) first_over = first_over.value_or(j);
    if (!fill.placed.empty() && it.break_before) fill.ends.push_back(end_at(j, it.break_cost));
    if (!fill.placed.empty() && baseline + it.depth > cap + extra + 0.01) break;
    if (fill.placed.empty() && !fits) {
      // Too tall for any page: placed anyway, alone.
      fill.placed.push_back({j, baseline});
      ++lines;
      fill.ends.push_back(end_at(j + 1, 0));
      fill.ends.back().long_page = false;
      fill.ends.back().short_lines = 0;
      return fill;
    }
    if (prev) stretch += pending * frame.space_stretch;
    fill.placed.push_back({j, baseline, prev ? pending : 0});
    page_notes = with;
    prev = baseline;
    prev_bottom = baseline + it.depth;
    pending = 0;
    ++lines;
  }
  if (j == flow.size()) {
    PageEnd e = end_at(flow.size(), 0);
    as_final(e);
    fill.ends.push_back(e);  // long only as a spread's recto, paired with a long verso
  }
  bool ordinary = std::any_of(fill.ends.begin(), fill.ends.end(),
                              [](const PageEnd& e) { return !e.long_page; });
  if (!ordinary && first_over && !fill.placed.empty()) {
    // No legal break on the ordinary page: break at its foot all the same.
    std::size_t cut = *first_over;
    int n = 0;
    double bottom = 0;
    for (const PageFill::Placed& p : fill.placed)
      if (p.item < cut) {
        n += flow[p.item].kind == FlowItem::line || flow[p.item].kind == FlowItem::figure;
        bottom = p.baseline + flow[p.item].depth;
      }
    PageEnd e;
    e.cut = cut;
    e.penalty = kForcedBreak;
    e.lines = n;
    std::vector<int> notes;
    for (const PageFill::Placed& p : fill.placed)
      if (p.item < cut) add_notes(notes, flow[p.item].notes);
    e.notes = carried || !notes.empty();
    if (std::optional<NoteFit> f = area.fit(notes, frame.bottom - bottom)) e.carry = f->carry;
    e.floats_from = floated < cut ? floated : kNoFloat;
    e.short_lines = std::max(0.0, frame.bottom - bottom - lead) / lead;
    fill.ends.push_back(e);
    std::sort(fill.ends.begin(), fill.ends.end(),
              [](const PageEnd& a, const PageEnd& b) { return a.cut < b.cut; });
  }
  // Ends far up the page are dropped, but the latest ordinary one is always kept.
  std::optional<std::size_t> latest;
  for (std::size_t k = 0; k < fill.ends.size(); ++k)
    if (!fill.ends[k].long_page) latest = k;
  std::vector<PageEnd> kept;
  for (std::size_t k = 0; k < fill.ends.size(); ++k)
    if (fill.ends[k].final || fill.ends[k].short_lines <= kMaxShortLines || k == latest)
      kept.push_back(fill.ends[k]);
  fill.ends = std::move(kept);
  return fill;
}

std::vector<double> stretched_baselines(const PageFill& fill, const PageEnd& end) {
  double gaps = 0;
  for (const PageFill::Placed& p : fill.placed)
    if (p.item < end.cut) gaps += p.gap;
  double ratio = gaps > 0 ? end.stretch / gaps : 0;
  std::vector<double> out;
  double shift = 0;
  for (const PageFill::Placed& p : fill.placed) {
    if (p.item >= end.cut) break;
    shift += p.gap * ratio;
    out.push_back(p.baseline + shift);
  }
  return out;
}

namespace {

// A page's own cost: its break, and how it ends (short, long; a section's last page's lines).
double page_cost(const PageEnd& e, std::size_t size, const PageCosts& c) {
  double cost = e.penalty + (e.long_page ? c.long_page : 0) + (e.carry ? c.split_note : 0) +
                (e.lines == 0 && e.notes ? kNotesAlone : 0);
  if (e.final) {
    if (e.cut == size && e.lines < c.last_page_min_lines)
      cost += c.runt * (c.last_page_min_lines - e.lines);
    return cost;
  }
  return cost + c.short_page * e.short_lines * e.short_lines;
}

// Whether a page from a start of parity `recto` is set alone, not as a spread's verso with
// its recto: a recto, a page a break ends, or the section's last (no note or figure to go on).
bool set_alone(bool recto, const PageEnd& e, std::size_t size) {
  return recto || e.final || (e.cut >= size && !e.carry && e.floats_from == kNoFloat);
}

// Facing pages that end apart (neither is a section's last).
double spread_cost(const PageEnd& verso, const PageEnd& recto, const PageCosts& c) {
  if (verso.final) return 0;
  if (recto.final) return recto.long_page && !verso.long_page ? c.uneven : 0;
  double d = foot_offset(verso) - foot_offset(recto);
  return std::abs(d) < 0.05 ? 0 : c.uneven * d * d;
}

}  // namespace

double foot_offset(const PageEnd& e) {
  if (e.long_page) return 1;
  return e.notes ? 0 : -e.short_lines;
}

const PageEnd& local_best_end(const PageFill& fill, const PageCosts& costs) {
  const PageEnd* best = nullptr;
  double best_cost = std::numeric_limits<double>::infinity();
  for (const PageEnd& e : fill.ends) {
    if (e.long_page) continue;
    // The latest of equal cost: the page filled as far as it goes.
    double c = page_cost(e, SIZE_MAX, costs);
    if (c <= best_cost) {
      best = &e;
      best_cost = c;
    }
  }
  return best ? *best : fill.ends.back();
}

std::vector<PageEnd> plan_pages(std::size_t begin, std::size_t size, bool recto, NoteCarry carried,
                                std::size_t floats_from, const PageEnds& ends,
                                const PageCosts& costs) {
  // Dynamic programming over (start item, figures floated to it, note carried to it, parity):
  // from a recto start one page is set, from a verso start the spread's two pages together, so
  // that their evenness can be weighed. Every page moves the state on in that order: the start,
  // or (a page of floated figures or notes alone) the floats, or from a carried note to none.
  struct State {
    std::size_t start;
    // The figures floated to the page: a page of them alone moves it on (to kNoFloat last).
    std::size_t floats_from;
    bool none;  // no note carried (sorts after a carried one: reached from it)
    NoteCarry carried;
    bool recto;
    auto operator<=>(const State&) const = default;
  };
  struct Node {
    double cost = std::numeric_limits<double>::infinity();
    std::optional<State> from;   // the state this one was reached from
    std::vector<PageEnd> pages;  // the pages set on the way
  };
  auto state = [](std::size_t start, NoteCarry c, std::size_t f, bool r) {
    return State{start, f, !c, c, r};
  };
  std::map<State, Node> best;
  const State first = state(begin, carried, floats_from, recto);
  best[first].cost = 0;
  auto relax = [&](const State& from, const State& to, double cost, std::vector<PageEnd> pages) {
    Node& n = best[to];
    if (cost < n.cost) {
      n.cost = cost;
      n.from = from;
      n.pages = std::move(pages);
    }
  };
  for (auto at = best.begin(); at != best.end(); ++at) {
    const State s = at->first;
    const double base = at->second.cost;
    if (!std::isfinite(base) || (s.start >= size && s.none && s.floats_from == kNoFloat)) continue;
    // A copy: may be memoised.
    const std::vector<PageEnd> first_ends = ends(s.start, s.carried, s.floats_from);
    for (const PageEnd& e1 : first_ends) {
      bool next_recto = e1.want_recto || !s.recto;
      double c1 = base + page_cost(e1, size, costs);
      if (set_alone(s.recto, e1, size)) {
        if (e1.long_page) c1 += costs.uneven;  // a long page alone: its facing one is not
        relax(s, state(e1.cut, e1.carry, e1.floats_from, next_recto), c1, {e1});
        continue;
      }
      for (const PageEnd& e2 : ends(e1.cut, e1.carry, e1.floats_from)) {
        double c2 = c1 + page_cost(e2, size, costs) + spread_cost(e1, e2, costs);
        relax(s, state(e2.cut, e2.carry, e2.floats_from, e2.want_recto), c2, {e1, e2});
      }
    }
  }
  std::optional<State> at;
  for (bool r : {true, false}) {
    auto it = best.find(state(size, {}, kNoFloat, r));
    if (it != best.end() && (!at || it->second.cost < best[*at].cost)) at = it->first;
  }
  std::vector<PageEnd> plan;
  while (at && *at != first) {
    const Node& n = best[*at];
    plan.insert(plan.begin(), n.pages.begin(), n.pages.end());
    at = n.from;
  }
  return plan;
}

double plan_cost(const std::vector<PageEnd>& plan, std::size_t size, bool recto,
                 const PageCosts& costs) {
  // As plan_pages adds it up: a recto alone, a verso with the recto after it as a spread.
  double cost = 0;
  bool r = recto;
  for (std::size_t k = 0; k < plan.size(); ++k) {
    const PageEnd& e1 = plan[k];
    cost += page_cost(e1, size, costs);
    if (set_alone(r, e1, size) || k + 1 == plan.size()) {
      if (e1.long_page) cost += costs.uneven;
      r = e1.want_recto || !r;
      continue;
    }
    const PageEnd& e2 = plan[++k];
    cost += page_cost(e2, size, costs) + spread_cost(e1, e2, costs);
    r = e2.want_recto;
  }
  return cost;
}

}  // namespace folio::typeset
