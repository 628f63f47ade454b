// Balanced spreads: a paragraph set a line looser or tighter where a section's plan falls short.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "typeset/flow.hpp"
#include "typeset/page_builder.hpp"

namespace folio::typeset {

struct ParagraphRecipe;

/// A plan's pages that fall short of the bar, a section's last page and pages a page break
/// ends aside: a page stopping short of the foot, facing pages ending on different lines,
/// a space between blocks stretched by more than half a body line; and a section's last page
/// (of two or more) holding fewer than `min_last_lines` lines.
struct PlanFaults {
  int short_pages = 0;
  int uneven_spreads = 0;
  int runt_pages = 0;  ///< a section's last page under its fewest lines
  int stretched_pages = 0;
  int long_pages =
      0;  ///< not a fault: a spread may run long as a pair (the plan's cost keeps them few)
  std::vector<std::size_t> pages;      ///< the plan's index of each fault's (first) page
  std::vector<std::size_t> bar_pages;  ///< ... of each short page, uneven spread, runt page
  /// The faults the page make-up's bar counts (a stretched space is only the worse look).
  int bar() const { return short_pages + uneven_spreads + runt_pages; }
  int count() const { return bar() + stretched_pages; }
};

PlanFaults plan_faults(const std::vector<FlowItem>& flow, std::size_t begin, bool recto,
                       const std::vector<PageEnd>& plan, double body_leading,
                       int min_last_lines = 0);

/// Where a plan starts: an item, below a note carried to it, under figures floated to it, on
/// a recto or a verso.
struct PlanStart {
  std::size_t item = 0;
  NoteCarry carried;
  std::size_t floats_from = kNoFloat;
  bool recto = false;
};

/// How a page of a section is filled from a start (fill_page's ends, with the section's
/// frame and floats), and how a paragraph is set again (FlowSetter::reset).
using PageFiller =
    std::function<std::vector<PageEnd>(const std::vector<FlowItem>& flow, std::size_t start,
                                       NoteCarry carried, std::size_t floats_from)>;
using ParagraphResetter =
    std::function<std::vector<FlowItem>(const ParagraphRecipe&, int looseness, double& demerits)>;

/// What balancing did (for the build's figures and tests).
struct BalanceStats {
  int faults_before = 0;
  int faults_after = 0;
  int paragraphs_set = 0;  ///< paragraphs set again (each at most twice: a line more, fewer)
  int plans = 0;           ///< plans made of varied flows
  int kept = 0;            ///< variations kept
};

/// The section's plan, with its faults mended where a paragraph on the faulty spread or the
/// page before it, set a line looser or tighter (TeX's \looseness), removes one: the
/// variations of least demerits increase are tried first, a few per fault, and the one whose
/// plan has fewer faults at least cost is kept (`flow` then holds it). Paragraphs are
/// those whose first line carries a recipe; each is varied once at most. Plans are made by
/// plan_pages over `fill`'s pages.
std::vector<PageEnd> balance_spreads(std::vector<FlowItem>& flow, std::size_t begin, bool recto,
                                     const PageFiller& fill, const ParagraphResetter& reset,
                                     const PageCosts& costs, double body_leading,
                                     BalanceStats* stats = nullptr);

}  // namespace folio::typeset
