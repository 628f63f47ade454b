// A figure as the page builder places it: its picture's box and its caption's set lines.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "image/picture.hpp"
#include "support/source_pos.hpp"
#include "typeset/flow.hpp"

namespace folio::typeset {

/// Sizes are in points; `x` offsets are from the text block's left, vertical ones from the
/// picture's top. The figure's baseline (FlowItem::leading and ::top lead to it) is its
/// caption's last baseline, or the picture's foot when it has no caption.
struct FigureBox {
  std::shared_ptr<const image::Picture> picture;
  double x = 0, width = 0, height = 0;
  std::string alt;
  support::SourcePos source;
  std::vector<FlowItem> caption;  ///< its lines; `top` holds each baseline below the picture top
  double depth = 0;               ///< from the picture's top to the figure's baseline
  double space_after = 0;         ///< before the text that follows it
  bool full_page = false;         ///< alone on a page of its own (no running head or folio)
};

/// Puts `box` on `page`: a Figure block with its picture, then a Caption block with its
/// lines, its baseline at `baseline`, the text block's left edge at `left`.
void place_figure(Page& page, const FigureBox& box, const std::string& group, double left,
                  double baseline);

}  // namespace folio::typeset
