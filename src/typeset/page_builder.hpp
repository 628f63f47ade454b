// The page builder: fills a page from a flow, and chooses a section's breaks by cost over it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "style/style.hpp"
#include "typeset/flow.hpp"
#include "typeset/note_area.hpp"

namespace folio::typeset {

/// What a page break costs, in TeX-like units (10000 and more: never, where a rule allows it).
/// Read from the style's `pages:` section (docs/styles.md).
struct PageCosts {
  double short_page = 10000;  ///< a page (not a section's last) a body line short, squared
  double long_page = 400;     ///< each page of a spread run one body line long
  double uneven = 30000;      ///< facing pages ending a body line apart, squared
  int last_page_min_lines = 5;
  double runt = 100000;      ///< a section's last page: each line it holds under the minimum
  double split_note = 1000;  ///< a note continued on the next page
};

/// The style's page make-up as the page builder weighs it.
PageCosts page_costs(const style::PageMakeup& pm);

/// No figure floated on: every figure before a page's start has been placed.
inline constexpr std::size_t kNoFloat = SIZE_MAX;

/// One legal way to end a page that starts at a given item.
struct PageEnd {
  std::size_t cut = 0;      ///< the next page's first item; the flow's size: the section ends
  double short_lines = 0;   ///< body lines of room left above the foot (0: full)
  bool long_page = false;   ///< runs one body line into the foot margin
  bool notes = false;       ///< notes stand at the foot (the page ends there, whatever its text)
  bool final = false;       ///< the section ends here, or a page break the flow asks for
  bool want_recto = false;  ///< that page break asks for the next page to be a recto
  double penalty = 0;       ///< the break's own cost (widow, orphan, keep ...)
  /// Points the spaces between the page's blocks grow by, so that its last line stands at
  /// the foot (shared out in proportion to each space; short_lines is what is left).
  double stretch = 0;
  int lines = 0;    ///< lines on the page
  NoteCarry carry;  ///< the note this page splits, continued at the next page's foot
  /// The first figure that floated on to the next page's top (every figure from it up to
  /// `cut` goes there, in order); kNoFloat: none.
  std::size_t floats_from = kNoFloat;
};

/// A page's content as filled from one start: where each item goes, and the ends it allows.
struct PageFill {
  struct Placed {
    std::size_t item;
    double baseline;
    double gap = 0;  ///< the space above it (from the item placed before), which may stretch
  };
  std::size_t first = 0;  ///< the first item after what the page top drops
  std::vector<Placed> placed;
  std::vector<PageEnd> ends;  ///< in flow order; never empty while content remains
  /// A table row opening the page: its header is set again above it.
  std::shared_ptr<const RepeatedHeader> repeat;
};

/// The text block and what a page's notes take of it.
struct PageFrame {
  double top = 0;          ///< the text block's top, from the trim top
  double bottom = 0;       ///< the text block's foot, from the trim top
  double grid_origin = 0;  ///< the first body baseline
  double body_leading = 13.6;
  /// How far a space between blocks may grow, as a fraction of itself (0: never).
  double space_stretch = 0;
  NoteArea::Shapes note_shapes;  ///< each note's set lines
  double notes_overhead = 0;     ///< what a page with notes gives them beyond their lines
};

/// Fills a page from flow[start] on: items up to the foot, one body line past it (a long
/// page's room), every legal end with its cost. With `floating`, a figure that does not fit
/// floats on to the next page's top (PageEnd::floats_from) and the text goes on past it; the
/// figures that floated from the pages before, from `floats_from` up to `start`, open this
/// page (those that fit; the rest float on), and no page runs long. Spaces and page breaks at
/// the top are skipped. `carried`: the end of a note the page before split, set first at this
/// page's foot (with nothing left of the flow, the page holds only that).
PageFill fill_page(const std::vector<FlowItem>& flow, std::size_t start, const PageFrame& frame,
                   bool floating, NoteCarry carried = {}, std::size_t floats_from = kNoFloat);

/// The baselines of `fill`'s items before `end.cut`, moved down by the end's stretch: each
/// space between blocks grows in proportion to its size.
std::vector<double> stretched_baselines(const PageFill& fill, const PageEnd& end);

/// The end (among `fill.ends`) the page should take alone, without a plan: the one of least
/// cost that does not run long.
const PageEnd& local_best_end(const PageFill& fill, const PageCosts& costs);

/// The legal ends of a page starting at an item, below a note carried from the page before,
/// under the figures floated from it (memoised by the caller or not).
using PageEnds = std::function<const std::vector<PageEnd>&(std::size_t start, NoteCarry carried,
                                                           std::size_t floats_from)>;

/// The section's page ends of least total cost from `begin` to `size` (the flow's end): page
/// costs (short, long, breaks), facing pages' evenness, the last page's lines. `recto`: the
/// first page is a right-hand one (a chapter opening); spreads are a verso and the recto after.
/// `carried`: a note the page before `begin` split, continued on the first page;
/// `floats_from`: the figures floated to it.
std::vector<PageEnd> plan_pages(std::size_t begin, std::size_t size, bool recto, NoteCarry carried,
                                std::size_t floats_from, const PageEnds& ends,
                                const PageCosts& costs);

/// What a plan made by plan_pages costs, as plan_pages weighs it (to compare the plans of a
/// section set two ways).
double plan_cost(const std::vector<PageEnd>& plan, std::size_t size, bool recto,
                 const PageCosts& costs);

/// Where a page's last line stands against the foot, in body lines: 1 a long page, 0 at the
/// foot (or notes there), below 0 short.
double foot_offset(const PageEnd& e);

}  // namespace folio::typeset
