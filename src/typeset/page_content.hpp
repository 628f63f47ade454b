// Puts a filled page's items on the page: blocks, rules, figures, a table's repeated header.
#pragma once

#include <cstddef>
#include <vector>

#include "typeset/flow.hpp"
#include "typeset/page_builder.hpp"
#include "typeset/paged_document.hpp"

namespace folio::typeset {

/// What putting a page's items on it found out.
struct PageContent {
  bool display = false;  ///< an item of a block designed to stand alone: no head, no folio
  /// The contents' placeholder lines on the page: their block (in page.blocks) and baseline.
  struct Slot {
    std::size_t block;
    double baseline;
  };
  std::vector<Slot> contents_slots;
};

/// Moves flow items `fill` placed before `cut` onto `page` (their runs move), at `baselines`
/// (one a placed item, as stretched_baselines gives them); `left` is the text block's left
/// edge on this page, `top` its top.
PageContent put_on_page(Page& page, std::vector<FlowItem>& flow, const PageFill& fill,
                        std::size_t cut, const std::vector<double>& baselines, double left,
                        double top);

/// The notes of the items before `cut`, in order of first reference.
std::vector<int> notes_of(const std::vector<FlowItem>& flow, const PageFill& fill, std::size_t cut);

}  // namespace folio::typeset
