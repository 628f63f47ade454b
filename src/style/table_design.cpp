// The style's `table:` section: how tables are set (rules, padding, size, alignment).
#include "style/table_design.hpp"

namespace folio::style {

void read_table_design(StyleReader& r, const YAML::Node& n, TableDesign& t) {
  // A rule heavier than 4 pt or padding wider than an inch is a typo, not a design.
  r.face_section(n, "table", t.face,
                 {{"align", r.choice(t.align, {Align::left, Align::justify})},
                  {"caption-italic", r.boolean(t.caption_italic)},
                  {"rule-top", r.length(t.rule_top, true, 4)},
                  {"rule-head", r.length(t.rule_head, true, 4)},
                  {"rule-bottom", r.length(t.rule_bottom, true, 4)},
                  {"cell-padding", r.length(t.cell_padding, true, 72)},
                  {"row-padding", r.length(t.row_padding, true, 72)},
                  {"min-size", r.length(t.min_size, false, 72)},
                  {"space-before", r.length(t.space_before)},
                  {"space-after", r.length(t.space_after)}});
  if (t.min_size > t.face.size) t.min_size = t.face.size;
}

}  // namespace folio::style
