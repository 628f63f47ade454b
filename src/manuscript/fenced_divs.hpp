// Fenced divs (`::: dateline` … `:::`): found line by line before cmark parses the file.
//
// cmark-gfm knows nothing of fenced divs, so each fence line is replaced by a one-line
// HTML comment marker (`<!--folio-div:N-->` / `<!--folio-end:N-->`). HTML blocks of that
// kind may interrupt a paragraph, so the markers come back from cmark as sibling blocks at
// the fence's own line, and the block converter groups what lies between them.
#pragma once

#include <string>
#include <vector>

#include "manuscript/attributes.hpp"
#include "support/diagnostic.hpp"

namespace folio::manuscript {

struct FencedDiv {
  Attributes attributes;
  int line = 0;    ///< 1-based line of the opening fence
  int column = 0;  ///< 1-based column of its first colon
  bool closed = false;
};

struct DivScan {
  std::string text;             ///< the source with fence lines replaced by markers
  std::vector<FencedDiv> divs;  ///< indexed by the N in the markers
};

/// Replaces fence lines by markers. Unterminated divs are reported as errors (at their
/// opening fence); a closing fence with nothing open is reported as a warning.
DivScan scan_fenced_divs(const std::string& file, const std::string& text,
                         support::Diagnostics& diags);

/// If `html` (an HTML block's literal) is a marker, sets `index` and returns +1 (open) or
/// -1 (close); otherwise 0.
int parse_div_marker(std::string_view html, std::size_t& index);

}  // namespace folio::manuscript
