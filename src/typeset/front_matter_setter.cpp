// The generated pages' lines from the style's front-matter design: no geometry of their own.
#include "typeset/front_matter_setter.hpp"

#include <algorithm>

namespace folio::typeset {

double stack_depth(const std::vector<FlowItem>& flow) {
  double depth = 0, pending = 0;
  bool first = true;
  for (const FlowItem& it : flow) {
    if (it.kind == FlowItem::space) {
      pending += it.amount;
      continue;
    }
    if (!first) depth += pending + it.leading;
    first = false;
    pending = 0;
  }
  return depth;
}

// Sets `text` across the measure into `flow` as the flow setter sets any paragraph (long text
// wraps; centred lines stay centred), in `line`'s face and alignment. `space_before` is white
// space beyond the line that would follow the block before: its first baseline is the previous
// line's plus that line's leading and `space_before`. The "Display" tag keeps titles and names
// unhyphenated; the page shows each as a P.
void FrontMatterSetter::display_block(std::vector<FlowItem>& flow, const std::string& text,
                                      const style::DisplayLine& line, double space_before) {
  if (text.empty()) return;
  const style::Face face = style::display_face(st_, line);
  if (!flow.empty()) setter_.add_space(flow, space_before + flow.back().leading - face.leading);
  Frame f{face, measure_, 0, "", 0};
  setter_.paragraph(flow, plain(text), f, false, line.align, Role::display, {});
}

DisplayPage FrontMatterSetter::half_title(const FrontMatterText& text) {
  const style::HalfTitlePage& h = st_.front_matter.half_title;
  DisplayPage page;
  display_block(page.flow, text.title, h.title, 0);
  page.first_baseline = text_top() + h.first_baseline;
  return page;
}

DisplayPage FrontMatterSetter::title_page(const FrontMatterText& text) {
  const style::TitlePage& t = st_.front_matter.title_page;
  DisplayPage page;
  std::vector<FlowItem>& flow = page.flow;
  display_block(flow, text.title, t.title, 0);
  display_block(flow, text.subtitle, t.subtitle, t.subtitle.space_before);
  display_block(flow, text.authors, t.author, t.author.space_before);
  std::vector<FlowItem> foot;
  display_block(foot, text.publisher, t.publisher, 0);
  const double first = text_top() + t.first_baseline;
  if (flow.empty()) {
    page.first_baseline = text_bottom() - stack_depth(foot);
    flow = std::move(foot);
    return page;
  }
  if (!foot.empty()) {
    // The publisher's last baseline on the text block's last line, when that leaves at least
    // the design's room below the rest; else that room below it.
    double foot_depth = foot.front().leading + stack_depth(foot);
    double gap = text_bottom() - (first + stack_depth(flow)) - foot_depth;
    setter_.add_space(flow, std::max(gap, t.publisher_min_lines * st_.body.leading));
    for (FlowItem& it : foot) flow.push_back(std::move(it));
  }
  page.first_baseline = first;
  return page;
}

DisplayPage FrontMatterSetter::copyright_page(const FrontMatterText& text) {
  const style::CopyrightPage& c = st_.front_matter.copyright_page;
  DisplayPage page;
  // Each line stacked below the one before from its set height, the last on the foot.
  const double space = style::display_face(st_, c.text).leading * c.paragraph_space;
  for (const std::string& l : text.copyright) display_block(page.flow, l, c.text, space);
  page.first_baseline = text_bottom() - stack_depth(page.flow);
  return page;
}

}  // namespace folio::typeset
