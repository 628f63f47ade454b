// A placed figure becomes two page blocks: the picture (tagged Figure) and its caption.
#include "typeset/figure_box.hpp"

namespace folio::typeset {

void place_figure(Page& page, const FigureBox& box, const std::string& group, double left,
                  double baseline) {
  double top = baseline - box.depth;
  PageBlock picture;
  picture.role = Role::figure;
  picture.group = group;
  picture.picture =
      PagePicture{box.picture, left + box.x, top, box.width, box.height, box.alt, box.source};
  page.blocks.push_back(std::move(picture));
  if (box.caption.empty()) return;
  PageBlock caption;
  caption.role = Role::caption;
  caption.group = group;
  for (const FlowItem& line : box.caption)
    for (GlyphRun r : line.runs) {
      r.x += left + line.x;
      r.y += top + line.top;
      caption.runs.push_back(std::move(r));
    }
  page.blocks.push_back(std::move(caption));
}

}  // namespace folio::typeset
