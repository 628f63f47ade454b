// The vertical list between paragraph setting and pagination: lines, spaces, keep rules.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "typeset/paged_document.hpp"
#include "typeset/role.hpp"

namespace folio::typeset {

struct FlowItem;

/// A break cost this high (TeX's \penalty10000) forbids the break.
constexpr double kNeverBreak = 10000;

/// A table's header row as set, repeated above a body row that opens a page (drawn as an
/// artifact there: the tagged header is the first one).
struct RepeatedHeader {
  std::vector<FlowItem> cells;  ///< one item per header cell, all on one baseline
  double top = 0;               ///< from the text block's top to the header's baseline
  double depth = 0;             ///< from the header's baseline to the header row's bottom edge
  /// The closing rule drawn under the last row on a page the table leaves, at that row's
  /// bottom edge (thickness 0: none).
  Rule foot;
};
struct FigureBox;        // typeset/figure_box.hpp
struct ParagraphRecipe;  // typeset/flow_setter.hpp

struct FlowItem {
  /// A page break ends the page (a block designed to start a page, or to stand alone on one).
  /// A figure is its picture and caption, placed whole, or floated to the next page's top.
  enum Kind { line, space, page_break, figure } kind = line;
  // A line: runs from its own left edge; x is its offset from the text block's left.
  std::vector<GlyphRun> runs;
  double x = 0;
  double leading = 13.6;  ///< baseline distance from the line above
  double top = 11;        ///< baseline distance from the text block's top, when first on a page
  int block = 0;          ///< structure element id: lines of one paragraph share it
  Role role = Role::body;
  std::string group;
  std::string dest;
  std::vector<int> notes;
  bool hyphenated = false;
  /// How the line was set: its spaces' adjustment ratio and the breaker's badness (for the
  /// layout dump; the drawing does not read them).
  double ratio = 0;
  double badness = 0;
  /// Where the line begins in the model (section -1: text the typesetter made up).
  int section = -1;
  model::NodeId node;  ///< the model block the line belongs to
  std::size_t char_offset = 0;
  bool on_grid = false;  ///< a body-size line: its baseline snaps to the page's grid
  /// A line of a block designed to stand on its own page: that page shows no running head
  /// or folio (a dedication page).
  bool display = false;
  /// May the page break before this item? (widows, orphans, keep-with-next, hyphens)
  bool break_before = true;
  /// What a break before this item costs when it is allowed (a widow's, an orphan's ...; the
  /// style's `pages:` costs): the page builder weighs it against short and uneven pages.
  double break_cost = 0;
  // A space: its height; dropped at the top of a page unless it is a chapter sink.
  double amount = 0;
  bool keep_at_top = false;
  // A page break: the next page must be a recto (a blank verso is put in when it is not).
  bool recto = false;
  // Table cells: each cell is one line item holding all its lines; the cells of a row share a
  // baseline (every cell after the first advances by 0) and may not be parted.
  /// How far below its baseline the item reaches (a cell's further lines and padding): it must
  /// fit above the page's bottom.
  double depth = 0;
  int row = 0;  ///< the table row (PDF TR) the cell belongs to; 0: not a table cell
  /// Rules drawn with the item: x from the text block's left, y from the item's baseline.
  std::vector<Rule> rules;
  /// A body row's first cell: the header to repeat when the row opens a page.
  /// Shared by the table's rows; mutable so that its runs' fonts are renumbered with the flow's.
  std::shared_ptr<RepeatedHeader> header;
  // A figure: its box; `leading` runs from the baseline above to the figure's last baseline,
  // `top` from the text block's top to it.
  std::shared_ptr<FigureBox> figure_box;
  /// A body paragraph's first line: what the paragraph was set from, so that the page
  /// make-up may set it a line looser or tighter (FlowSetter::reset). Null on other items.
  std::shared_ptr<const ParagraphRecipe> recipe;
};

}  // namespace folio::typeset
