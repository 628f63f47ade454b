// Composes the generated pages — half-title, title page, copyright page — as the style designs
// them.
#pragma once

#include <string>
#include <vector>

#include "style/style.hpp"
#include "typeset/flow.hpp"
#include "typeset/flow_setter.hpp"

namespace folio::typeset {

/// What the generated pages show: the book's metadata and the lines both editions share.
struct FrontMatterText {
  std::string title, subtitle, authors, publisher;
  std::vector<std::string> copyright;  ///< the copyright page's lines, the colophon last
};

/// A generated page's lines, set across the measure, and where the first of them sits.
struct DisplayPage {
  std::vector<FlowItem> flow;
  double first_baseline = 0;  ///< from the trim top; the placer keeps it inside the text block
};

/// The distance from the first line's baseline to the last's in `flow`: each line sits its
/// leading (plus any space) below the one before, as pagination stacks them.
double stack_depth(const std::vector<FlowItem>& flow);

/// Sets the generated pages' lines with the book's flow setter (so their runs index the book's
/// fonts), in the order the pages come; the book setter places them on display pages.
class FrontMatterSetter {
 public:
  FrontMatterSetter(FlowSetter& setter, const style::Style& st, double measure)
      : setter_(setter), st_(st), measure_(measure) {}

  /// The title alone, `first-baseline` below the text block's top.
  DisplayPage half_title(const FrontMatterText& text);
  /// Title, subtitle and authors from the top; the publisher at the foot, or below the rest
  /// when a long title leaves no room between them.
  DisplayPage title_page(const FrontMatterText& text);
  /// The copyright lines, stacked up from the foot of the text block.
  DisplayPage copyright_page(const FrontMatterText& text);

 private:
  void display_block(std::vector<FlowItem>& flow, const std::string& text,
                     const style::DisplayLine& line, double space_before);
  double text_top() const { return st_.page.top; }
  double text_bottom() const { return st_.page.height - st_.page.bottom; }

  FlowSetter& setter_;
  const style::Style& st_;
  double measure_;
};

}  // namespace folio::typeset
