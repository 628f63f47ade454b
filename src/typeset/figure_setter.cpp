// Figures in print: the picture sized by folio's rule, its caption set under it, one flow item.
//
// The size rule (docs/pdf.md, *Figures*): a picture is set at its natural size — a raster at
// the resolution its file states (300 ppi when it states none), an SVG at its width and
// height — and made smaller, never larger, until it fits the measure and, with its caption,
// the text block's height. An SVG that gives only a viewBox takes the measure (vectors have
// no resolution to lose). A full-page figure fits the whole text block the same way.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "image/picture.hpp"
#include "typeset/figure_box.hpp"
#include "typeset/flow_setter.hpp"
#include "typeset/inline_text.hpp"

namespace folio::typeset {

void FlowSetter::figure(std::vector<FlowItem>& flow, const model::Block& b,
                        const model::Figure& fig, const Frame& f) {
  bool keep = keep_next_;  // a heading's keep, before the caption's lines reset it
  std::string why;
  std::optional<image::Picture> read;
  if (tools_.base_dir)
    read = image::read_picture(*tools_.base_dir, fig.src, why);
  else
    why = "the manuscript has no folder";
  if (!read) {
    // `folio check` names what is wrong (image-missing, image-damaged, …); the PDF sets
    // the caption alone, as before figures were placed.
    LayoutEvent e;
    e.kind = LayoutEvent::figure_unreadable;
    e.where = b.source;
    e.message = fmt::format("the figure '{}' cannot be placed in the PDF: {}", fig.src, why);
    events_.push_back(std::move(e));
    paragraph(flow, styled_text(b.inlines), f, false, Align::center, Role::body, b.source);
    return;
  }
  auto box = std::make_shared<FigureBox>();
  box->picture = std::make_shared<const image::Picture>(std::move(*read));
  const image::Picture& pic = *box->picture;
  box->alt = fig.alt;
  box->source = b.source;
  box->full_page = full_page_ || b.attr.has_class("full-page");
  const double room = st_.page.height - st_.page.top - st_.page.bottom;
  const double measure = f.measure;

  // Natural size, then no wider than the measure.
  double width = pic.width_pt > 0 ? std::min(pic.width_pt, measure) : measure;
  // The caption: in the caption design, as wide as the picture but never narrower than
  // two thirds of the measure (a narrow picture's caption would break every few words).
  const style::BlockDesign& cd = st_.caption;
  Frame cf = designed_frame(f, cd);
  double caption_measure = std::clamp(width, measure * 2 / 3, measure);
  cf.x = f.x + (measure - caption_measure) / 2 + cd.inset_left;
  cf.measure = std::max(1.0, caption_measure - cd.inset_left - cd.inset_right);
  std::vector<FlowItem> caption;
  if (!b.inlines.empty()) {
    model::NodeId outer = block_;
    paragraph(caption, styled_text(b.inlines), cf, false, cf.align.value_or(Align::center),
              Role::caption, b.source);
    block_ = outer;
  }
  double caption_height = 0;  // from the picture's foot to the caption's last baseline
  for (std::size_t k = 0; k < caption.size(); ++k)
    caption_height += k == 0 ? cd.space_before + caption[k].top : caption[k].leading;
  // Then no taller than the text block leaves it beside its caption.
  double height = width * pic.aspect;
  double max_height = std::max(room * 0.25, room - caption_height - cf.face.size * 0.3);
  if (height > max_height) {
    height = max_height;
    width = height / pic.aspect;
  }
  box->width = width;
  box->height = height;
  box->x = f.x + (measure - width) / 2;
  double baseline = height;
  for (std::size_t k = 0; k < caption.size(); ++k) {
    baseline += k == 0 ? cd.space_before + caption[k].top : caption[k].leading;
    caption[k].top = baseline;  // below the picture's top
  }
  box->caption = std::move(caption);
  box->depth = baseline;
  box->space_after = st_.body.leading / 2 + cd.space_after;

  if (double ppi = image::printed_ppi(pic, width); ppi > 0 && ppi < image::kPrintPpi - 0.5) {
    LayoutEvent e;
    e.kind = LayoutEvent::low_resolution;
    e.where = b.source;
    e.message = fmt::format(
        "the image '{}' prints at {:.0f} ppi ({} px across {:.2f} in); print wants {:.0f} ppi: "
        "use a larger image, or set it smaller",
        fig.src, ppi, pic.width_px, width / 72, image::kPrintPpi);
    events_.push_back(std::move(e));
  }

  FlowItem it;
  it.kind = FlowItem::figure;
  it.block = next_block_++;
  it.role = Role::figure;
  it.group = f.group;
  it.section = section_index_;
  it.node = block_;
  // A line's distance above it: the picture's top a full body line below the last baseline.
  it.leading = st_.body.leading + box->depth;
  it.top = box->full_page ? std::max(box->depth, (room + box->depth) / 2) : box->depth;
  it.display = box->full_page;
  it.break_before = !keep;
  // The caption's notes go to the foot of the page the figure lands on (it may float).
  for (const FlowItem& line : box->caption)
    for (int n : line.notes)
      if (std::find(it.notes.begin(), it.notes.end(), n) == it.notes.end()) it.notes.push_back(n);
  keep_next_ = false;
  keep_lines_ = 0;
  it.figure_box = std::move(box);
  flow.push_back(std::move(it));
}

}  // namespace folio::typeset
