// A placed figure becomes two page blocks: the picture (tagged Figure) and its caption.
#include "typeset/figure_box.hpp"
#include "typeset/layout_dump.hpp"

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
  for (const FlowItem& line : box.caption) {
    PageLine l;
    l.x = left + line.x;
    l.y = top + line.top;
    l.role = Role::caption;
    l.ratio = line.ratio;
    l.badness = line.badness;
    l.hyphenated = line.hyphenated;
    l.words = first_words(line.runs);
    page.lines.push_back(std::move(l));
    for (GlyphRun r : line.runs) {
      r.x += left + line.x;
      r.y += top + line.top;
      caption.runs.push_back(std::move(r));
    }
  }
  page.blocks.push_back(std::move(caption));
}

}  // namespace folio::typeset
