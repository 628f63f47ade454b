// The paged document as text, one line per set line (`folio dump --layout`, the layout goldens).
#pragma once

#include <string>
#include <vector>

#include "typeset/paged_document.hpp"

namespace folio::typeset {

/// The first `words` words of a set line's runs (their text as copied; a line-end soft hyphen
/// is shown as "-"), for recognising the line in a dump.
std::string first_words(const std::vector<GlyphRun>& runs, int words = 5);

struct FlowItem;
/// Notes the line `it`, placed with its left edge at x and its baseline at y, in the page's
/// record for the layout dump (before its runs move onto the page).
void record_line(Page& page, const FlowItem& it, double x, double y, int note = 0);

/// `doc` as text: a line per page (its number, folio, side and kind: blank, opening, display),
/// under it a line per set line (its number on the page, baseline, adjustment ratio, badness,
/// role, first words), a line per figure and per note. Stable across runs: lengths in points
/// with two decimals, so a change of layout shows as a diff of this text.
std::string layout_dump(const PagedDocument& doc);

}  // namespace folio::typeset
