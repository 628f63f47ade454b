// The drawing side of folio's PDF: a Cairo PDF surface fed page by page, on its own thread.
#include "pdf/page_drawer.hpp"
#include "pdf/cairo_bytes.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <cstdlib>
#include <system_error>
#include <utility>

#include "pdf/cairo_bytes.hpp"

namespace folio::pdf {
namespace {

void crop_marks(cairo_t* cr, double x0, double y0, double w, double h, double bleed, double slug) {
  // Marks start just outside the bleed and run to the slug's edge.
  double gap = bleed + 3;
  double len = slug - gap;
  if (len <= 2) return;
  cairo_set_line_width(cr, 0.25);
  for (double x : {x0, x0 + w}) {
    cairo_move_to(cr, x, y0 - gap);
    cairo_line_to(cr, x, y0 - gap - len);
    cairo_move_to(cr, x, y0 + h + gap);
    cairo_line_to(cr, x, y0 + h + gap + len);
  }
  for (double y : {y0, y0 + h}) {
    cairo_move_to(cr, x0 - gap, y);
    cairo_line_to(cr, x0 - gap - len, y);
    cairo_move_to(cr, x0 + w + gap, y);
    cairo_line_to(cr, x0 + w + gap + len, y);
  }
  cairo_stroke(cr);
}

}  // namespace

void leave_cairo_streams_uncompressed() {
  ::setenv("CAIRO_DEBUG_PDF", "1", 1);
}

PdfPageDrawer::PdfPageDrawer(double width, double height, const RenderMetadata& meta,
                             const PrintGeometry& geo, bool own_thread)
    : width_(width),
      height_(height),
      geo_(geo),
      slug_(geo.crop_marks ? 24 + geo.bleed : geo.bleed) {
  // The media: the outside edge gets the bleed; with crop marks every edge gets the slug.
  double media_w = width + (geo.crop_marks ? 2 * slug_ : geo.bleed);
  double media_h = height + 2 * slug_;
  surface_ = cairo_pdf_surface_create_for_stream(append_to_string, &pdf_, media_w, media_h);
  cairo_pdf_surface_restrict_to_version(surface_, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, meta.title.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, meta.author.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_SUBJECT, meta.subject.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_KEYWORDS, meta.keywords.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, meta.creator.c_str());
  // Cairo 1.16 uses the clock unless a creation date is given (typesetting.md §5).
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, meta.date.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_MOD_DATE, meta.date.c_str());
  cr_ = cairo_create(surface_);
  cairo_tag_begin(cr_, "Document", "");
  if (own_thread) {
    try {
      thread_ = std::thread([this] { drain(); });
    } catch (const std::system_error&) {
      // No thread to be had: pages are drawn as they come, on the typesetter's thread.
    }
  }
}

PdfPageDrawer::~PdfPageDrawer() {
  stop();
  for (cairo_scaled_font_t* sf : fonts_)
    if (sf) cairo_scaled_font_destroy(sf);
  if (cr_) cairo_destroy(cr_);
  if (surface_) cairo_surface_destroy(surface_);
}

void PdfPageDrawer::stop() noexcept {
  {
    std::lock_guard<std::mutex> hold(mutex_);
    stopped_ = true;
    queue_.clear();
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PdfPageDrawer::abandon() noexcept {
  stop();
}

void PdfPageDrawer::page_done(const typeset::PagedDocument& doc, std::size_t index) {
  Job job{&doc.pages[index], index};
  // Fonts are resolved here, on the typesetter's thread: Pango's fonts belong to it.
  std::vector<cairo_scaled_font_t*> added;
  {
    std::lock_guard<std::mutex> hold(mutex_);
    if (!primer_taken_) {
      primer_ = doc.primer;  // a copy: `doc` is moved once the book is set
      primer_taken_ = true;
    }
    for (std::size_t i = fonts_.size(); i < doc.fonts.size(); ++i)
      added.push_back(scaled_font_of(doc.fonts.at(static_cast<int>(i))));
    fonts_.insert(fonts_.end(), added.begin(), added.end());
    if (thread_.joinable()) {
      queue_.push_back(job);
      wake_.notify_one();
      return;
    }
  }
  draw(job, fonts_);
}

void PdfPageDrawer::drain() {
  std::vector<cairo_scaled_font_t*> fonts;
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> hold(mutex_);
      wake_.wait(hold, [&] { return stopped_ || closing_ || !queue_.empty(); });
      if (stopped_ || queue_.empty()) return;  // stopped, or closing with nothing left
      job = queue_.front();
      queue_.pop_front();
      if (fonts.size() != fonts_.size()) fonts = fonts_;
    }
    draw(job, fonts);
  }
}

void PdfPageDrawer::draw(const Job& job, const std::vector<cairo_scaled_font_t*>& fonts) {
  const typeset::Page& page = *job.page;
  // The primer goes first, on a page of its own that the post-pass drops, so that Cairo's
  // simple font subsets get the prose's glyphs (see typeset/primer.hpp). A page drawn from
  // the finished document gets the same: the primer is set before any page.
  if (!primed_) {
    primed_ = true;
    if (!primer_.empty()) {
      paint_runs(cr_, primer_, fonts, 0, 0);
      shown_all_ = false;
      order_.push_back(kPrimerPage);
    }
  }
  // A page is shown when the next one starts, so that the last can close the Document tag
  // before it is shown (Cairo wants every tag closed on the page it ends on).
  if (!shown_all_) cairo_show_page(cr_);
  shown_all_ = false;
  cairo_pdf_surface_set_page_label(surface_, page.label.c_str());
  // The outside edge gets the bleed; with crop marks every edge gets the slug.
  double dx = geo_.crop_marks ? slug_ : page.recto ? 0.0 : geo_.bleed;
  double dy = slug_;
  PageBoxes boxes;
  boxes.trim[0] = dx;
  boxes.trim[1] = slug_;
  boxes.trim[2] = dx + width_;
  boxes.trim[3] = slug_ + height_;
  double bl = geo_.bleed > 0 && !page.recto ? geo_.bleed : 0;
  double br = geo_.bleed > 0 && page.recto ? geo_.bleed : 0;
  boxes.bleed[0] = boxes.trim[0] - bl;
  boxes.bleed[1] = boxes.trim[1] - geo_.bleed;
  boxes.bleed[2] = boxes.trim[2] + br;
  boxes.bleed[3] = boxes.trim[3] + geo_.bleed;
  if (boxes_.size() <= job.index) boxes_.resize(job.index + 1);
  boxes_[job.index] = boxes;
  order_.push_back(job.index);

  // Furniture first and untagged: the post-pass marks it as /Artifact.
  paint_furniture(cr_, page, fonts, dx, dy);
  if (geo_.crop_marks) crop_marks(cr_, dx, dy, width_, height_, geo_.bleed, slug_);
  paint_content(cr_, page, fonts, dx, dy, true, &span_langs_, &drawn_, geo_.navigation);
  if (release_) {
    // The page is final (the typesetter handed it over) and its document is not const: only
    // this drawer reads glyphs and clusters; other threads read other members of the runs.
    auto& drawn = const_cast<typeset::Page&>(page);
    auto release = [](std::vector<typeset::GlyphRun>& runs) {
      for (typeset::GlyphRun& run : runs) {
        std::vector<typeset::Glyph>().swap(run.glyphs);
        std::vector<std::pair<int, int>>().swap(run.clusters);
      }
    };
    for (typeset::PageBlock& block : drawn.blocks) release(block.runs);
    release(drawn.furniture);
  }
}

Rendered PdfPageDrawer::finish(const typeset::PagedDocument& doc) {
  if (!cr_) {
    Rendered finished;
    finished.error = "the PDF was finished already";
    return finished;
  }
  {
    std::lock_guard<std::mutex> hold(mutex_);
    closing_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  cairo_tag_end(cr_, "Document");
  if (!shown_all_) cairo_show_page(cr_);
  shown_all_ = true;
  if (geo_.navigation) add_outline(surface_, doc);
  Rendered out;
  cairo_status_t status = cairo_status(cr_);
  cairo_destroy(cr_);
  cr_ = nullptr;
  cairo_surface_finish(surface_);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface_);
  cairo_surface_destroy(surface_);
  surface_ = nullptr;
  if (status != CAIRO_STATUS_SUCCESS) out.error = cairo_status_to_string(status);
  std::size_t drawn = static_cast<std::size_t>(
      std::count_if(order_.begin(), order_.end(), [](std::size_t p) { return p != kPrimerPage; }));
  if (drawn != doc.pages.size() && out.error.empty()) out.error = "not every page was drawn";
  out.pdf = std::move(pdf_);
  out.boxes = std::move(boxes_);
  out.order = std::move(order_);
  out.span_langs = std::move(span_langs_);
  out.figure_alts = std::move(drawn_.figure_alts);
  out.picture_errors = std::move(drawn_.picture_errors);
  return out;
}

Rendered render_pdf(const typeset::PagedDocument& doc, const RenderMetadata& meta,
                    const PrintGeometry& geometry) {
  PdfPageDrawer drawer(doc.width, doc.height, meta, geometry, false);
  for (std::size_t p : typeset::drawing_order(doc)) drawer.page_done(doc, p);
  return drawer.finish(doc);
}

}  // namespace folio::pdf
